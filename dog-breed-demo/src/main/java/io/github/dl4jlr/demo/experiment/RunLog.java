package io.github.dl4jlr.demo.experiment;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * While open, copies everything dl4j-lr logs (health monitor, finder, PBT, per-epoch lines) into a run's own log
 * file, in addition to the console configured by {@code config/logback.xml}.
 */
final class RunLog implements AutoCloseable {

    private final Logger logger;
    private final FileAppender<ILoggingEvent> appender;

    private RunLog(Logger logger, FileAppender<ILoggingEvent> appender) {
        this.logger = logger;
        this.appender = appender;
    }

    static RunLog to(Path file) {
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
        appender.start();
        Logger logger = ctx.getLogger("io.github.dl4jlr");
        logger.addAppender(appender);
        return new RunLog(logger, appender);
    }

    @Override
    public void close() {
        if (logger != null) {
            logger.detachAppender(appender);
            appender.stop();
        }
    }
}
