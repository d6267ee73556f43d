package io.github.dl4jlr.examples;

import picocli.CommandLine;

/** Command-line parsing shared by the examples and benchmarks. */
public final class Cli {

    private Cli() {
    }

    /** Fills {@code options} from {@code args}; prints usage and returns {@code null} for --help or --version. */
    public static <T> T parse(T options, String... args) {
        CommandLine cli = new CommandLine(options);
        cli.parseArgs(args);
        if (cli.isUsageHelpRequested() || cli.isVersionHelpRequested()) {
            cli.usage(System.out);
            return null;
        }
        return options;
    }

    /**
     * Checks that an option is at least {@code min}.
     *
     * @throws IllegalArgumentException naming the option, e.g. {@code "Expected --epochs >= 1, but got 0"}
     */
    public static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("Expected " + option + " >= " + min + ", but got " + value);
        }
        return value;
    }
}
