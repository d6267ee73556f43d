package io.github.dl4jlr.demo.experiment;

/**
 * How far the demo has come, without saying how it is shown: the console's progress bar implements it, tests and
 * benchmarks pass {@link #NONE}. Implementations must be thread-safe (images are decoded in parallel).
 */
public interface Progress {

    /** Shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void total(long steps) {
        }

        @Override
        public void advance(long steps) {
        }

        @Override
        public void label(String text) {
        }
    };

    /** The number of steps the whole task takes (it may be raised later). */
    void total(long steps);

    /** {@code steps} more steps are done. */
    void advance(long steps);

    /** What is being done now, e.g. "adam seed 0". */
    void label(String text);
}
