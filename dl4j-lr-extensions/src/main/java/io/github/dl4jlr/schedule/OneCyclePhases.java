package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;

/**
 * Phase arithmetic shared by {@link OneCycleSchedule} and {@link OneCycleMomentumSchedule}, identical to
 * PyTorch's {@code OneCycleLR}. Phase ends (inclusive, as doubles):
 * <pre>
 *   two phases:   e1 = pctStart * total - 1,  e2 = total - 1                       start -&gt; peak -&gt; end
 *   three phases: e1 = pctStart * total - 1,  e2 = 2 * pctStart * total - 2,  e3 = total - 1
 *                                                                                  start -&gt; peak -&gt; start
 *                                                                                  -&gt; end
 * </pre>
 * Inside a phase from {@code s} to {@code e}: {@code pct = (t - s) / (e - s)}. From {@code t = total - 1}
 * on the value is exactly {@code end}.
 */
final class OneCyclePhases {

    private OneCyclePhases() {
    }

    static void validate(int totalSteps, double pctStart, boolean threePhase) {
        Args.atLeast("totalSteps", totalSteps, 2);
        Args.openInterval("pctStart", pctStart, 0, 1);
        double warmupEnd = pctStart * totalSteps - 1;
        Args.check(warmupEnd > 0, "pctStart * totalSteps > 1, so that the first phase has at least one step",
                pctStart + " * " + totalSteps + " = " + pctStart * totalSteps);
        if (threePhase) {
            double secondEnd = 2 * pctStart * totalSteps - 2;
            Args.check(secondEnd < totalSteps - 1,
                    "2 * pctStart * totalSteps - 2 < totalSteps - 1 with threePhase, so that the third phase is not empty",
                    "pctStart=" + pctStart + ", totalSteps=" + totalSteps);
        }
    }

    static double evaluate(int t, int totalSteps, double pctStart, boolean threePhase,
                           OneCycleSchedule.Anneal anneal, double start, double peak, double end) {
        int last = totalSteps - 1;
        if (t >= last) {
            return end;
        }
        double e1 = pctStart * totalSteps - 1;
        if (t <= e1) {
            return anneal.interpolate(start, peak, t / e1);
        }
        if (!threePhase) {
            return anneal.interpolate(peak, end, (t - e1) / (last - e1));
        }
        double e2 = 2 * pctStart * totalSteps - 2;
        if (t <= e2) {
            return anneal.interpolate(peak, start, (t - e1) / (e2 - e1));
        }
        return anneal.interpolate(start, end, (t - e2) / (last - e2));
    }
}
