package io.github.dl4jlr.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The code blocks a reader copies from: the fenced blocks of the README and of the pages under {@code docs/}, and the
 * usage examples ({@code <pre>{@code ...}</pre>}) in the library's javadoc.
 */
final class DocBlocks {

    /**
     * One fenced block.
     *
     * @param page     the page or source file, relative to the project root
     * @param line     the line of its opening fence or {@code <pre>}, from 1
     * @param language what follows the opening fence, e.g. {@code java}; empty when nothing does; {@code java} for
     *                 javadoc
     * @param lines    its lines, fences excluded
     */
    record Block(String page, int line, String language, List<String> lines) {
    }

    private static final Pattern JAVADOC_PREFIX = Pattern.compile("^\\s*\\* ?");

    private DocBlocks() {
    }

    private static Path root() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    /** Every fenced block of the README and docs, in page order (README first, then docs by name). */
    static List<Block> all() throws IOException {
        Path root = root();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("```")) {
                    continue;
                }
                int open = i;
                List<String> body = new ArrayList<>();
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    body.add(lines.get(i));
                }
                blocks.add(new Block(root.relativize(page).toString(), open + 1,
                        lines.get(open).substring(3).trim(), List.copyOf(body)));
            }
        }
        return blocks;
    }

    /** Every {@code <pre>{@code ...}</pre>} block of the library's javadoc, by file name. */
    static List<Block> javadoc() throws IOException {
        Path root = root();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root.resolve("dl4j-lr-extensions/src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        List<Block> blocks = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).trim().equals("* <pre>{@code")) {
                    continue;
                }
                int open = i;
                List<String> body = new ArrayList<>();
                for (i++; i < lines.size() && !lines.get(i).contains("}</pre>"); i++) {
                    body.add(JAVADOC_PREFIX.matcher(lines.get(i)).replaceFirst(""));
                }
                blocks.add(new Block(root.relativize(source).toString(), open + 1, "java", List.copyOf(body)));
            }
        }
        return blocks;
    }
}
