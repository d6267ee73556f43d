package io.github.dl4jlr.demo.console;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.net.URL;

/**
 * Switches Logback to the demo's console configuration ({@code logback-demo.xml}: progress bar, one line per epoch,
 * warnings) unless the user chose one with {@code -Dlogback.configurationFile}.
 */
public final class DemoLogging {

    private DemoLogging() {
    }

    /** Loads {@code /logback-demo.xml}; returns false when the user's own configuration is kept or Logback is absent. */
    public static boolean configure() {
        if (System.getProperty("logback.configurationFile") != null
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            return false;
        }
        URL config = DemoLogging.class.getResource("/logback-demo.xml");
        if (config == null) {
            return false;
        }
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        try {
            JoranConfigurator j = new JoranConfigurator();
            j.setContext(ctx);
            ctx.reset();
            j.doConfigure(config);
            return true;
        } catch (JoranException e) {
            throw new IllegalStateException("Could not read " + config + ": " + e.getMessage(), e);
        }
    }
}
