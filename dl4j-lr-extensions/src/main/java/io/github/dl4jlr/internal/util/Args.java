package io.github.dl4jlr.internal.util;

import java.util.Objects;

/**
 * Argument checks shared by schedules, listeners and facades.
 *
 * <p>Every check throws {@link IllegalArgumentException} with a message of the form
 * {@code "Expected stepSize > 0, but got -3"}, naming the parameter and the value received.
 * NaN and infinities are always rejected for {@code double} arguments.
 */
public final class Args {

    private Args() {
    }

    /** Requires {@code value > 0}. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw fail(name + " > 0", value);
        }
        return value;
    }

    /** Requires {@code value >= 0}. */
    public static int nonNegative(String name, int value) {
        if (value < 0) {
            throw fail(name + " >= 0", value);
        }
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw fail(name + " >= " + min, value);
        }
        return value;
    }

    /** Requires a finite {@code value > 0}. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw fail(name + " > 0 and finite", value);
        }
        return value;
    }

    /** Requires a finite {@code value >= 0}. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw fail(name + " >= 0 and finite", value);
        }
        return value;
    }

    /** Requires a finite {@code value}. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw fail(name + " to be finite", value);
        }
        return value;
    }

    /** Requires a finite {@code value >= min}. */
    public static double atLeast(String name, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw fail(name + " >= " + min + " and finite", value);
        }
        return value;
    }

    /** Requires {@code lowExclusive < value < highExclusive}. */
    public static double openInterval(String name, double value, double lowExclusive, double highExclusive) {
        if (!(value > lowExclusive && value < highExclusive)) {
            throw fail(name + " in (" + lowExclusive + ", " + highExclusive + ")", value);
        }
        return value;
    }

    /** Requires {@code lowExclusive < value <= highInclusive}. */
    public static double halfOpenInterval(String name, double value, double lowExclusive, double highInclusive) {
        if (!(value > lowExclusive && value <= highInclusive)) {
            throw fail(name + " in (" + lowExclusive + ", " + highInclusive + "]", value);
        }
        return value;
    }

    /** Requires {@code lowInclusive <= value < highExclusive}. */
    public static double rightOpenInterval(String name, double value, double lowInclusive, double highExclusive) {
        if (!(value >= lowInclusive && value < highExclusive)) {
            throw fail(name + " in [" + lowInclusive + ", " + highExclusive + ")", value);
        }
        return value;
    }

    /** Requires a non-null reference. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException("Expected " + name + " to be non-null, but got null");
        }
        return value;
    }

    /**
     * Requires a non-null array of strictly increasing values, each {@code >= min}.
     *
     * @return a defensive copy
     */
    public static int[] strictlyIncreasing(String name, int[] values, int min) {
        notNull(name, values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] < min) {
                throw new IllegalArgumentException("Expected " + name + "[" + i + "] >= " + min
                        + ", but got " + values[i] + " in " + java.util.Arrays.toString(values));
            }
            if (i > 0 && values[i] <= values[i - 1]) {
                throw new IllegalArgumentException("Expected " + name + " to be strictly increasing, but got "
                        + java.util.Arrays.toString(values) + " (" + name + "[" + i + "]=" + values[i]
                        + " <= " + name + "[" + (i - 1) + "]=" + values[i - 1] + ")");
            }
        }
        return values.clone();
    }

    /** Requires {@code condition}; the message reads "Expected {expectation}, but got {actual}". */
    public static void check(boolean condition, String expectation, Object actual) {
        if (!condition) {
            throw fail(expectation, actual);
        }
    }

    private static IllegalArgumentException fail(String expectation, Object actual) {
        return new IllegalArgumentException("Expected " + expectation + ", but got " + Objects.toString(actual));
    }
}
