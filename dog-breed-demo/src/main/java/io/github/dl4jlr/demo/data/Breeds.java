package io.github.dl4jlr.demo.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The 120 Stanford Dogs class folders ("n02085620-Chihuahua" ...), in their sorted order. */
public final class Breeds {

    private static final List<String> FOLDERS = load();

    private Breeds() {
    }

    public static List<String> folders() {
        return FOLDERS;
    }

    private static List<String> load() {
        try (InputStream in = Breeds.class.getResourceAsStream("/stanford-dogs-classes.txt")) {
            if (in == null) {
                throw new IllegalStateException("stanford-dogs-classes.txt missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
