package io.github.dl4jlr.demo.console;

/**
 * Whether a progress bar is on the console right now. The bar redraws its line in place ({@code \r}); a log line
 * printed in between would be appended to the bar and the bar then written over the start of the line. While a bar
 * is active, {@link BarClearConverter} starts every console line by clearing the bar's line, and the bar is redrawn
 * below at its next refresh.
 */
public final class ConsoleBar {

    private static volatile boolean active;

    private ConsoleBar() {
    }

    public static boolean active() {
        return active;
    }

    public static void active(boolean on) {
        active = on;
    }
}
