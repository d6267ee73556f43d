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
}
