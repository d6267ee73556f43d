package io.github.dl4jlr.internal.plot;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XChart is optional; without it a plot call must say what to add (the consumer build checks this end to end). */
class PlotSupportTest {

    @Test
    void withoutXChartTheMessageNamesTheDependency() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
            assertFalse(PlotSupport.available(bare));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PlotSupport.requireXChart(bare));
            assertEquals("Saving a chart needs XChart, an optional dependency of dl4j-lr-extensions that is not on the "
                    + "classpath. Add org.knowm.xchart:xchart:3.8.8 to your build (Maven: groupId org.knowm.xchart, "
                    + "artifactId xchart), or use writeCsv(..) and plot the numbers elsewhere.", e.getMessage());
        }
    }

    @Test
    void withXChartNothingIsSaid() {
        assertTrue(PlotSupport.available(PlotSupport.class.getClassLoader()));
        assertDoesNotThrow(() -> PlotSupport.requireXChart());
    }
}
