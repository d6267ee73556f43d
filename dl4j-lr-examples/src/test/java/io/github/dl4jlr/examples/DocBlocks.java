package io.github.dl4jlr.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The fenced code blocks of the README and of the pages under {@code docs/}, as a reader sees them. */
final class DocBlocks {

    /**
     * One fenced block.
     *
     * @param page     the page, relative to the project root
     * @param line     the line of its opening fence, from 1
     * @param language what follows the opening fence, e.g. {@code java}; empty when nothing does
     * @param lines    its lines, fences excluded
     */
    record Block(String page, int line, String language, List<String> lines) {
    }

    private DocBlocks() {
    }

    /** Every fenced block of the README and docs, in page order (README first, then docs by name). */
    static List<Block> all() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
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
}
