package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.util.Args;
import io.github.dl4jlr.internal.util.LossTracker;

import java.util.Arrays;

/**
 * The pure rules behind the health monitor's view of the minibatch loss: when a finite loss has diverged, and whether
 * it is at a healthy level. No network is needed; it is tested on scripted loss sequences.
 *
 * <pre>
 *   level     = median of the last 25 losses (all of them while fewer)
 *   reference = lowest level over full windows of 25 so far;  noise = the interquartile range of that window
 *   start     = the first loss, measured before any update
 *
 *   risen(x, f) = x &gt; f * reference                    relative: f times its lowest level
 *             and x &gt; floor                              absolute: a loss below the floor is already tiny
 *             and (start &lt;= reference                     against the start: the rise undoes more than a tenth
 *                  or x - reference &gt; 0.1 * (start - reference))  of the progress made since the start
 *
 *   diverged  = while fewer than 25 losses, and only if the first update moved the parameters by more than 10% of
 *               their size: from the 10th loss on, the median of the last 9 losses after the first &gt; factor * start
 *             = from 25 losses on: with q = the 40th percentile of the last 25 losses,
 *               rise = risen(q, factor) and q - reference &gt; 3 * noise
 *               rise and (undone(q) &gt;= 0.5 or the rise began 50 or more losses ago and has not ended)
 *   undone(x) = (x - reference) / (start - reference), the share of the progress taken back;
 *               1 when start &lt;= reference
 *   spike     = a rise that undoes less than half the progress: it begins at the first loss with a rise and ends at
 *               the first loss with neither a rise nor risen(level, 2)
 *   healthy   = not risen(level, 2)   (fewer than 25 losses: level &lt;= 2 * start)
 * </pre>
 *
 * <p><b>Why a spike waits.</b> Near its largest stable rate a run can jump well above its lowest level and come back
 * by itself (plain SGD at 1.0 on the vowels, its best rate: the loss went from 0.08 to 0.5, about 13% of the
 * progress taken back, and the spike had ended 13 to 21 losses later; the run ended at 95% accuracy). Stopping or
 * rolling back such a run is wrong, and no size of rise below half the progress separated these spikes from the
 * rises of runs whose rate was too high (10% to 20% there). So a partial rise is first reported as a spike, and counts
 * as a divergence only when it lasts {@value #SPIKE_PERSISTENCE} more losses; a rise that takes back half the progress
 * or more, or goes past the start, counts at once, as does a non-finite loss.
 *
 * <p><b>Why these three scales.</b> A ratio alone reads noise as a blow-up once the loss is near zero: a converged
 * network whose minibatch losses wander between 3.6e-7 and 3.8e-6 is "10x its lowest level" without anything going
 * wrong, and a digits MLP at 97% accuracy moved from 0.0066 to 0.05. Measured against the loss the run started from
 * (about 2.3 for 10 classes) both rises are a few percent of the progress made, while a real blow-up takes back most of
 * it or goes past the start. The noise term keeps a rise within the spread of the reference window's own minibatches
 * from counting, and the floor (default 1e-3) covers a monitor attached to an already-trained network, whose "start"
 * is itself tiny.
 *
 * <p><b>Why medians.</b> On a well-trained network the minibatch losses are heavy-tailed (most at 0.005, one in ten at
 * 0.2): averages, and comparisons with the lowest value seen, read that noise as a four-fold rise. A median of 25 moves
 * only when most minibatches get worse, which is what a divergence is; the price is that a blow-up in the middle of
 * training is seen about a dozen iterations late (a NaN is still seen at once). At the start, the first loss is the
 * one clean sample of the network before any update: when the first update moves it far (Adam at lr 10 moves every
 * weight by about its own size; healthy first updates measured 0.6% for Adam at 1e-3 and 2.7% for SGD at 0.1) and
 * most of the nine losses after it are far above, that is a divergence after ten losses. Not fewer: a high rate that
 * wins can jump in its first steps and come back (Adam at 0.1 on a two-input table, the best rate of its grid with a
 * validation split: 0.797, 6.68, 1.55, 5.01, 1.66, 1.33, 0.85; the median of the two losses after the first was
 * 4.1, above 4 x 0.797, and called a divergence at the third loss).
 *
 * <p>Worked values (factor 4, floor 1e-3): first loss 3.81 with a first update of 100%, then nine losses of 20.9:
 * median 20.9 &gt; 15.24, diverged at the tenth loss. Start 2.3, reference 0.0066, q = 0.05: 0.05 &gt; 4 * 0.0066 but
 * 0.05 - 0.0066 &lt; 0.1 * (2.3 - 0.0066) = 0.229, so not diverged. Start 2.3, reference 0.3, q = 2.0: 2.0 &gt; 1.2,
 * 2.0 &gt; 0.001, 1.7 &gt; 0.2: diverged (given a reference window with an interquartile range below 0.57).
 */
final class DivergenceRules {

    /** Losses in the level's window. */
    static final int WINDOW = 25;
    /** Losses after the first that the start rule takes the median of. */
    static final int START_WINDOW = 9;
    /** Relative size of the first update above which the start rule applies. */
    static final double START_MOVEMENT = 0.1;
    /** A level within this multiple of the reference is healthy. */
    static final double HEALTHY_FACTOR = 2.0;
    /** The share of the progress since the start that a rise must undo. */
    static final double PROGRESS_UNDONE = 0.1;
    /** A divergence must exceed the reference by this many interquartile ranges of the reference window. */
    static final double NOISE_MULTIPLE = 3.0;
    /** A rise that takes back this share of the progress since the start or more is a divergence at once. */
    static final double SEVERE_UNDONE = 0.5;
    /** Losses after its start at which a spike that has not ended counts as a divergence. */
    static final int SPIKE_PERSISTENCE = 2 * WINDOW;
    /** Default absolute floor: a loss below it is never a divergence. */
    static final double DEFAULT_FLOOR = 1e-3;

    /**
     * @param losses    the statistics of all finite losses so far (window {@link #WINDOW})
     * @param start     the first loss; NaN before it
     * @param firstMove relative size of the first update; NaN until known
     * @param reference lowest level over full windows; +Infinity before the first full window
     * @param noise     interquartile range of the losses of the window that set the reference; 0 before it
     * @param quantile  the 40th percentile of the last {@link #WINDOW} losses (computed once per loss); NaN while
     *                  fewer
     * @param spikeFrom the count of losses at which the current spike began; -1 when there is none
     */
    record State(LossTracker.State losses, double start, double firstMove, double reference, double noise,
                 double quantile, int spikeFrom) {
        static final State INITIAL = new State(LossTracker.State.INITIAL, Double.NaN, Double.NaN,
                Double.POSITIVE_INFINITY, 0, Double.NaN, -1);

        /** The median of the last {@link #WINDOW} losses. */
        double level() {
            return losses.recentMedian();
        }

        /** Losses seen. */
        int count() {
            return losses.count();
        }
    }

    private final LossTracker tracker;
    private final double factor;
    private final double floor;

    /**
     * @param factor divergence limit; finite, {@code > 1}
     * @param floor  absolute floor; finite, {@code >= 0}
     */
    DivergenceRules(double factor, double floor) {
        Args.check(factor > 1 && Double.isFinite(factor), "divergenceFactor > 1 and finite", factor);
        this.factor = factor;
        this.floor = Args.nonNegative("divergenceFloor", floor);
        this.tracker = new LossTracker(0.9, WINDOW);
    }

    /** After one more finite loss; a non-finite one leaves the state unchanged (callers handle NaN/Inf first). */
    State next(State s, double loss) {
        if (!Double.isFinite(loss)) {
            return s;
        }
        LossTracker.State t = tracker.next(s.losses(), loss);
        double start = Double.isNaN(s.start()) ? loss : s.start();
        double reference = s.reference();
        double noise = s.noise();
        if (t.count() < WINDOW) {
            return new State(t, start, s.firstMove(), reference, noise, Double.NaN, -1);
        }
        double[] window = t.recent();
        if (t.recentMedian() < reference) {
            reference = t.recentMedian();
            noise = quantile(window, 0.75) - quantile(window, 0.25);
        }
        State n = new State(t, start, s.firstMove(), reference, noise, quantile(window, 0.4), s.spikeFrom());
        boolean rise = rise(n);
        if (n.spikeFrom() < 0 && rise) {
            return withSpikeFrom(n, n.count());
        }
        if (n.spikeFrom() >= 0 && !rise && !risen(n, n.level(), HEALTHY_FACTOR)) {
            return withSpikeFrom(n, -1);
        }
        return n;
    }

    private static State withSpikeFrom(State s, int spikeFrom) {
        return new State(s.losses(), s.start(), s.firstMove(), s.reference(), s.noise(), s.quantile(), spikeFrom);
    }

    /** Records how far the first update moved the parameters ({@code |update|_1 / |params|_1}). */
    State firstMove(State s, double relativeUpdate) {
        return new State(s.losses(), s.start(), relativeUpdate, s.reference(), s.noise(), s.quantile(),
                s.spikeFrom());
    }

    /** Whether the loss has diverged (see the class comment). */
    boolean diverged(State s) {
        int n = s.count();
        if (n >= WINDOW) {
            return rise(s) && (undone(s, s.quantile()) >= SEVERE_UNDONE
                    || s.spikeFrom() >= 0 && n - s.spikeFrom() >= SPIKE_PERSISTENCE);
        }
        if (n <= START_WINDOW || !(s.firstMove() > START_MOVEMENT) || !(s.start() > 0)) {
            return false;
        }
        return startLevel(s) > factor * s.start();
    }

    /**
     * What the start rule compares with {@code factor} times the first loss: the median of the last
     * {@value #START_WINDOW} losses after the first (there are at least {@value #START_WINDOW} when it judges).
     */
    private static double startLevel(State s) {
        double[] recent = s.losses().recent();
        return LossTracker.median(Arrays.copyOfRange(recent, Math.max(1, recent.length - START_WINDOW),
                recent.length));
    }

    /**
     * The trouble of a state that {@link #diverged}, with what was judged: at the start, the median of the losses
     * after the first against the first loss; later, the level against the lowest level.
     *
     * @param s            a state for which {@link #diverged} is true
     * @param iteration    the iteration of the latest loss
     * @param epoch        its epoch
     * @param learningRate the learning rate of the first trained layer
     * @param loss         the latest minibatch loss
     * @return the trouble to report
     */
    LossExplosion explosion(State s, int iteration, int epoch, double learningRate, double loss) {
        boolean early = atStart(s);
        return new LossExplosion(iteration, epoch, learningRate, loss, early ? startLevel(s) : s.level(),
                early ? s.start() : s.reference(), factor, early);
    }

    /**
     * Whether a spike (see the class comment) began at the latest loss: a rise that is not yet a divergence. The
     * caller reports it once; {@link #diverged} says when it has lasted too long.
     */
    boolean spikeBegan(State s) {
        return s.spikeFrom() >= 0 && s.spikeFrom() == s.count() && !diverged(s);
    }

    /** The share of the progress since the start that a level of {@code x} takes back; 1 without progress. */
    static double undone(State s, double x) {
        double progress = s.start() - s.reference();
        return progress > 0 ? (x - s.reference()) / progress : 1;
    }

    private boolean rise(State s) {
        double q = s.quantile();
        return risen(s, q, factor) && q - s.reference() > NOISE_MULTIPLE * s.noise();
    }

    /** Whether the divergence happened in the first iterations, judged against the first loss. */
    static boolean atStart(State s) {
        return s.count() < WINDOW;
    }

    /** Whether the loss is at a healthy level (see the class comment); true before any loss. */
    boolean healthy(State s) {
        int n = s.count();
        if (n == 0) {
            return true;
        }
        if (n < WINDOW) {
            return !(s.start() > 0) || s.level() <= HEALTHY_FACTOR * s.start();
        }
        return !risen(s, s.level(), HEALTHY_FACTOR);
    }

    /** {@code risen(x, f)} of the class comment. */
    private boolean risen(State s, double x, double f) {
        double ref = s.reference();
        if (!(ref > 0) || !(x > f * ref) || !(x > floor)) {
            return false;
        }
        double progress = s.start() - ref;
        return !(progress > 0) || x - ref > PROGRESS_UNDONE * progress;
    }

    /** The {@code q} quantile of {@code values} (linear interpolation between order statistics). */
    static double quantile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) pos;
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }
}
