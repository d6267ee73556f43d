package io.github.dl4jlr.examples;

import picocli.CommandLine;

/** Command-line parsing shared by the examples and benchmarks. */
public final class Cli {

    private Cli() {
    }

    /** A program's body, as its {@code main} runs it. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the program.
         *
         * @throws Exception whatever the program throws
         */
        void run() throws Exception;
    }

    /**
     * Runs a program's {@code main}: a bad option or setting prints its message (with the usage for an unknown option)
     * and exits with status 2, as the demo does, instead of a stack trace.
     *
     * @param body the program, e.g. {@code () -> run(args)}
     * @throws Exception whatever else the program throws
     */
    public static void main(Body body) throws Exception {
        try {
            body.run();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Fills {@code options} from {@code args}; prints usage and returns {@code null} for --help or --version.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value, with the usage
     */
    public static <T> T parse(T options, String... args) {
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + System.lineSeparator() + cli.getUsageMessage(), e);
        }
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
