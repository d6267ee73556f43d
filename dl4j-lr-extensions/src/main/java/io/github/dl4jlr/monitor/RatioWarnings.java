package io.github.dl4jlr.monitor;

import io.github.dl4jlr.updater.Prodigy;
import org.slf4j.event.Level;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns each weight array's streak of out-of-band checks into advice (see {@link RatioRules}): at WARN when the streak
 * reaches {@code patience} and the loss is not falling fast (for a high streak: once the loss has risen above its best
 * level before the trend window and its best epoch, beyond the spread of its minibatch losses, or at once when its last
 * {@code patience} checks were extreme), one line for all the arrays due in one direction at a check, and only when it
 * is news ({@link RatioRules#news}: the first line of its direction in the run, or a ratio twice as far out); nothing
 * about a low ratio once the network has fitted ({@link RatioRules#fitted}: its loss is below half its chance level,
 * or below three quarters of it with a fall that no longer keeps a steady pace) or while it shows the signs
 * of a dead one (the dead-network line says what to do); an INFO note instead of "try x10" when the learning rate's
 * owner lowered it on purpose ({@link LrOwnerRules#explains}), or when an earlier line found the rate too high (the
 * updates are then small because the gradients vanished, not because the rate is).
 */
final class RatioWarnings {

    private final int patience;
    private final double low;
    private final double high;
    private final EventSink sink;

    RatioWarnings(int patience, double low, double high, EventSink sink) {
        this.patience = patience;
        this.low = low;
        this.high = high;
        this.sink = sink;
    }

    /** The loss levels a track keeps for the trend: the current check and the {@code patience} before it. */
    int levelsKept() {
        return patience + 1;
    }

    /**
     * The INFO note that replaces "try x10" for a low streak, or null when the streak is advice: the rate's owner
     * lowered it on purpose and that explains the ratio, or (one voice) an earlier line found it too high, so the
     * gradients, not the steps, are small.
     */
    private String lowRatioNote(ModelTrack t, RatioCheck c, int index, RatioRules.Streak s) {
        if (LrOwnerRules.explains(t.lr, c.ratios()[index], low)) {
            return MonitorMessages.expectedLowRatio(c, index, s, low, t.lrOwner(), t.lr);
        }
        return t.lowerAdvised ? MonitorMessages.lowRatioAfterTooHigh(c, index, s, low) : null;
    }

    void after(ModelTrack t, RatioCheck c) {
        // a ratio above the band is normal early in training (before a trend can be read) and while the loss falls
        // fast: wait, unless it is extreme; a low one early is already news
        boolean early = t.levels.size() < levelsKept();
        boolean falling = !t.levels.isEmpty() && RatioRules.fallingFast(t.levels.peekFirst(), t.levels.peekLast());
        double start = t.loss.start();
        double chance = t.chanceLoss();
        double level = t.loss.level();
        boolean learned = RatioRules.learned(start, chance, level);
        boolean fitted = RatioRules.fitted(start, chance, level, SlowStartRules.steady(t.slowStart));
        double best = RatioRules.best(t.bestLevelBefore(patience), t.epoch.bestMean());
        double now = t.levels.isEmpty() ? Double.NaN : t.levels.peekLast();
        boolean risen = RatioRules.risen(best, now, t.loss.noise());
        Map<RatioVerdict, List<Integer>> due = new EnumMap<>(RatioVerdict.class);
        Map<RatioVerdict, RatioRules.Streak> first = new EnumMap<>(RatioVerdict.class);
        double[] ratios = c.ratios();
        for (int i = 0; i < c.keys().size(); i++) {
            String key = c.keys().get(i);
            RatioRules.Streak s = t.streaks.getOrDefault(key, RatioRules.Streak.NONE).next(c.verdicts().get(i),
                    RatioRules.extreme(ratios[i], high));
            boolean lowSide = s.direction() == RatioVerdict.LOW;
            if (RatioRules.due(s, patience, early, falling, lowSide ? fitted : learned, risen)) {
                String note = lowSide && !t.deadReported() ? lowRatioNote(t, c, i, s) : null;
                if (note != null) {
                    sink.event(Level.INFO, new MonitorEvent(c.replica(), c.iteration(), c.epoch(),
                            MonitorEvent.Kind.RATIO_LOW, MonitorEvent.Severity.INFO, key, note));
                } else if (!(lowSide && t.deadReported())) {
                    due.computeIfAbsent(s.direction(), d -> new ArrayList<>()).add(i);
                    first.putIfAbsent(s.direction(), s);
                }
                s = s.markWarned();
            }
            t.streaks.put(key, s);
        }
        // one line per direction and check, and only when it says something the run's last one did not
        for (Map.Entry<RatioVerdict, List<Integer>> e : due.entrySet()) {
            RatioVerdict direction = e.getKey();
            boolean lowSide = direction == RatioVerdict.LOW;
            double extreme = lowSide ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            for (int i : e.getValue()) {
                extreme = lowSide ? Math.min(extreme, ratios[i]) : Math.max(extreme, ratios[i]);
            }
            if (!RatioRules.news(direction, extreme, t.ratioSaid.getOrDefault(direction, Double.NaN))) {
                continue;
            }
            t.ratioSaid.put(direction, extreme);
            t.raiseAdvised |= lowSide;
            t.lowerAdvised |= !lowSide;
            String keys = e.getValue().stream().map(c.keys()::get).collect(Collectors.joining(","));
            sink.event(Level.WARN, new MonitorEvent(c.replica(), c.iteration(), c.epoch(),
                    lowSide ? MonitorEvent.Kind.RATIO_LOW : MonitorEvent.Kind.RATIO_HIGH, MonitorEvent.Severity.WARN,
                    keys, MonitorMessages.ratioWarning(c, e.getValue(), first.get(direction), extreme, low, high,
                    t.updaters.stream().anyMatch(u -> u instanceof Prodigy), best, now,
                    first.get(direction).extreme() >= patience)));
        }
    }
}
