package io.github.dl4jlr.demo.console;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The pattern word {@code %runLabel}: {@code "[adam seed 0] "} on the library's lines (health monitor, finder, PBT)
 * logged for a run, so a warning says which run it is about when runs train in parallel; nothing on the demo's own
 * lines, which name their run already.
 */
public final class RunLabelConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String run = RunContext.current();
        String logger = event.getLoggerName();
        return run == null || logger != null && logger.startsWith("io.github.dl4jlr.demo") ? "" : "[" + run + "] ";
    }
}
