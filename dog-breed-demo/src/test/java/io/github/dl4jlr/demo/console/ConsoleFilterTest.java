package io.github.dl4jlr.demo.console;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What reaches the demo's console. */
class ConsoleFilterTest {

    @Test
    void theDemosOwnLinesAndEveryWarningShowTheLibrarysInfoLinesDoNot() {
        assertTrue(ConsoleFilter.shown(Level.INFO, "io.github.dl4jlr.demo.experiment.Runner"), "one line per epoch");
        assertFalse(ConsoleFilter.shown(Level.INFO, "io.github.dl4jlr.monitor.TrainingHealthMonitor"), "ratio lines");
        assertFalse(ConsoleFilter.shown(Level.INFO, "io.github.dl4jlr.finder.LearningRateFinder"));
        assertTrue(ConsoleFilter.shown(Level.WARN, "io.github.dl4jlr.monitor.TrainingHealthMonitor"));
        assertTrue(ConsoleFilter.shown(Level.ERROR, "org.nd4j.Whatever"));
        assertFalse(ConsoleFilter.shown(Level.DEBUG, "io.github.dl4jlr.demo.DogBreedDemo"));
    }

    @Test
    void consoleLinesClearTheBarLineOnlyWhileABarIsShown() {
        BarClearConverter c = new BarClearConverter();
        ConsoleBar.active(false);
        assertEquals("", c.convert(null));
        ConsoleBar.active(true);
        try {
            assertEquals("\r\u001b[2K", c.convert(null));
        } finally {
            ConsoleBar.active(false);
        }
    }
}
