package io.github.dl4jlr.demo.console;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The pattern word {@code %barClear}: a carriage return and an ANSI erase-line while a progress bar is on the
 * console (see {@link ConsoleBar}), nothing otherwise.
 */
public final class BarClearConverter extends ClassicConverter {

    /** Back to the start of the line, then erase it. */
    public static final String CLEAR = "\r\u001b[2K";

    @Override
    public String convert(ILoggingEvent event) {
        return ConsoleBar.active() ? CLEAR : "";
    }
}
