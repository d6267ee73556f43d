package io.github.dl4jlr.internal.plot;

/**
 * Charts are optional: the library declares XChart as an optional dependency, so only users who call a
 * {@code savePlot} method need it on their classpath. This class never touches XChart itself, so it can check for it
 * before {@link LinePlot} is loaded.
 */
public final class PlotSupport {

    /** The Maven coordinates to add, as printed in the error message. */
    public static final String XCHART_COORDINATES = "org.knowm.xchart:xchart:3.8.8";

    private static final String PROBE = "org.knowm.xchart.XYChart";

    private PlotSupport() {
    }

    /** Whether XChart can be loaded by {@code loader}. */
    public static boolean available(ClassLoader loader) {
        try {
            Class.forName(PROBE, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Fails with a message that says which dependency to add when XChart is missing.
     *
     * @throws IllegalStateException when XChart is not on the classpath
     */
    public static void requireXChart() {
        requireXChart(PlotSupport.class.getClassLoader());
    }

    static void requireXChart(ClassLoader loader) {
        if (!available(loader)) {
            throw new IllegalStateException("Saving a chart needs XChart, an optional dependency of dl4j-lr-extensions "
                    + "that is not on the classpath. Add " + XCHART_COORDINATES + " to your build (Maven: groupId "
                    + "org.knowm.xchart, artifactId xchart), or use writeCsv(..) and plot the numbers elsewhere.");
        }
    }
}
