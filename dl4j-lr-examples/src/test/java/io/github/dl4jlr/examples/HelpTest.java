package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code --help} prints a program's usage and runs nothing, for every example and benchmark: a {@code run} that
 * trained anyway would return its results, and a program without the option would refuse it.
 */
class HelpTest {

    /** The classes of this module with a {@code main}, by name. */
    private static List<Class<?>> programs() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Class<?>> programs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$"))
                    .sorted().toList()) {
                String name = classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name);
                try {
                    Method main = c.getMethod("main", String[].class);
                    if (Modifier.isStatic(main.getModifiers())) {
                        programs.add(c);
                    }
                } catch (NoSuchMethodException e) {
                    // not a program
                }
            }
        }
        return programs;
    }

    @Test
    void everyProgramAnswersHelpWithItsUsageAndRunsNothing() throws Exception {
        List<Class<?>> programs = programs();
        assertTrue(programs.size() >= 15, "about 20 examples and benchmarks, found " + programs);
        PrintStream out = System.out;
        for (Class<?> program : programs) {
            Method run = program.getMethod("run", String[].class);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Object result;
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                result = run.invoke(null, (Object) new String[]{"--help"});
            } finally {
                System.setOut(out);
            }
            String usage = printed.toString(StandardCharsets.UTF_8);
            assertTrue(usage.startsWith("Usage: "), program.getSimpleName() + " printed " + usage);
            if (result != null && !(result instanceof Collection<?> c && c.isEmpty())) {
                fail(program.getSimpleName() + " --help returned a result, so it ran: " + result);
            }
        }
    }
}
