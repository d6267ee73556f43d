package io.github.dl4jlr.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
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

    /** The project root, seen from the module a test runs in. */
    static Path root() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    /** The README and the pages under {@code docs/}: README first, then docs by name. */
    static List<Path> pages() throws IOException {
        Path root = root();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** Every fenced block of the README and docs, in page order (README first, then docs by name). */
    static List<Block> all() throws IOException {
        Path root = root();
        List<Block> blocks = new ArrayList<>();
        for (Path page : pages()) {
            blocks.addAll(blocks(root.relativize(page).toString(), Files.readAllLines(page),
                    l -> l.startsWith("```"), l -> l.startsWith("```"), open -> open.substring(3).trim(), l -> l));
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
            blocks.addAll(blocks(root.relativize(source).toString(), Files.readAllLines(source),
                    l -> l.trim().equals("* <pre>{@code"), l -> l.contains("}</pre>"), open -> "java",
                    l -> JAVADOC_PREFIX.matcher(l).replaceFirst("")));
        }
        return blocks;
    }

    /**
     * The blocks of one page: from a line that {@code opens} to the next that {@code closes}, both excluded, each body
     * line passed through {@code body}.
     */
    private static List<Block> blocks(String page, List<String> lines, Predicate<String> opens,
                                      Predicate<String> closes, UnaryOperator<String> language,
                                      UnaryOperator<String> body) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!opens.test(lines.get(i))) {
                continue;
            }
            int open = i;
            List<String> text = new ArrayList<>();
            for (i++; i < lines.size() && !closes.test(lines.get(i)); i++) {
                text.add(body.apply(lines.get(i)));
            }
            blocks.add(new Block(page, open + 1, language.apply(lines.get(open)), List.copyOf(text)));
        }
        return blocks;
    }
}
