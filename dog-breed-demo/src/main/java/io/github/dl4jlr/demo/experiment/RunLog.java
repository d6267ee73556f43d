package io.github.dl4jlr.demo.experiment;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.github.dl4jlr.demo.console.RunContext;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * While open, copies everything dl4j-lr logs for one run (health monitor, finder, PBT, per-epoch lines) into the run's
 * own log file, in addition to the console. Lines are matched to the run through {@link RunContext}, so runs that
 * train in parallel each get only their own lines.
 */
final class RunLog implements AutoCloseable {

    private final Logger logger;
    private final FileAppender<ILoggingEvent> appender;

    private RunLog(Logger logger, FileAppender<ILoggingEvent> appender) {
        this.logger = logger;
        this.appender = appender;
    }

    /** Opens {@code file} for the lines of {@code run}, and marks the current thread as working for it. */
    static RunLog to(Path file, String run) {
        RunContext.enter(run);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            return new RunLog(null, null);
        }
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(ctx);
        appender.setName("run-" + file);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        Filter<ILoggingEvent> thisRun = new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent event) {
                return run.equals(RunContext.current()) ? FilterReply.NEUTRAL : FilterReply.DENY;
            }
        };
        thisRun.start();
        appender.addFilter(thisRun);
        appender.start();
        Logger logger = ctx.getLogger("io.github.dl4jlr");
        logger.addAppender(appender);
        return new RunLog(logger, appender);
    }

    @Override
    public void close() {
        RunContext.leave();
        if (logger != null) {
            logger.detachAppender(appender);
            appender.stop();
        }
    }
}
