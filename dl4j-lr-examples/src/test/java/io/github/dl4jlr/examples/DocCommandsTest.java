package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every command of an example or benchmark that the shell blocks of the README and the docs show names a program that
 * exists, and its options parse: a renamed option or class fails here, not in a newcomer's shell. It parses, it does
 * not run them.
 */
class DocCommandsTest {

    /** Code blocks that hold commands (a Java block's imports name classes too, but are no command). */
    private static final List<String> SHELL_FENCES = List.of("", "bash", "sh", "shell", "console");

    private static final Pattern PROGRAM = Pattern.compile("(io\\.github\\.dl4jlr\\.examples\\.[\\w.]+)((?: [^#]*)?)");

    /** A program named in a code block of a page, with the arguments that follow it. */
    record Command(String page, String program, List<String> args) {
    }

    @Test
    void everyCommandTheDocsShowNamesAProgramWhoseOptionsParse() throws Exception {
        List<Command> commands = commands();
        assertTrue(commands.size() >= 30, "the pages show about 30 commands of examples and benchmarks, found "
                + commands.size());
        for (Command c : commands) {
            Class<?> program = Class.forName(c.program());
            Method main = program.getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()), c.program() + ".main is static");
            Object options = options(program);
            if (options == null) {
                assertEquals(List.of(), c.args(), c.page() + ": " + c.program() + " takes no options");
                continue;
            }
            try {
                new CommandLine(options).parseArgs(c.args().toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                fail(c.page() + ": " + c.program() + " " + String.join(" ", c.args()) + ": " + e.getMessage());
            }
        }
    }

    @Test
    void anOptionThatDoesNotExistIsCaught() throws Exception {
        Object options = options(Class.forName("io.github.dl4jlr.examples.benchmark.LadderBenchmark"));
        assertTrue(options != null, "LadderBenchmark has a picocli options class");
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> new CommandLine(options).parseArgs("--problem", "digits"));
        assertTrue(e.getMessage().contains("--problem"), e.getMessage());
    }

    /** A fresh instance of the program's picocli options class, or null when it has none. */
    private static Object options(Class<?> program) throws ReflectiveOperationException {
        for (Class<?> nested : program.getDeclaredClasses()) {
            if (nested.isAnnotationPresent(CommandLine.Command.class)) {
                Constructor<?> c = nested.getDeclaredConstructor();
                c.setAccessible(true);
                return c.newInstance();
            }
        }
        return null;
    }

    /** The commands in the fenced shell blocks of the README and docs, continued lines joined. */
    static List<Command> commands() throws IOException {
        List<Command> commands = new ArrayList<>();
        for (DocBlocks.Block block : DocBlocks.all()) {
            if (!SHELL_FENCES.contains(block.language())) {
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (String l : block.lines()) {
                if (l.endsWith("\\")) {
                    line.append(l, 0, l.length() - 1).append(' ');
                    continue;
                }
                line.append(l);
                Matcher m = PROGRAM.matcher(line);
                if (m.find()) {
                    String args = m.group(2).trim();
                    commands.add(new Command(block.page(), m.group(1),
                            args.isEmpty() ? List.of() : Arrays.asList(args.split("\\s+"))));
                }
                line.setLength(0);
            }
        }
        return commands;
    }
}
