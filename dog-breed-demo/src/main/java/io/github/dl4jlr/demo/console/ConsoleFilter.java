package io.github.dl4jlr.demo.console;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * What the demo's console shows: warnings and errors from anywhere, and the demo's own INFO lines (one per epoch, the
 * data, the report). The library's INFO lines (every health-monitor check, the finder's summary, PBT's rounds) go
 * to each run's {@code run.log} only.
 */
public final class ConsoleFilter extends Filter<ILoggingEvent> {

    /** The pure rule: whether a line of this level from this logger reaches the console. */
    public static boolean shown(Level level, String logger) {
        return level.isGreaterOrEqual(Level.WARN)
                || level.isGreaterOrEqual(Level.INFO) && logger != null && logger.startsWith("io.github.dl4jlr.demo");
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return shown(event.getLevel(), event.getLoggerName()) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
