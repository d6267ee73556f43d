package io.github.dl4jlr.examples.benchmark.monitor;

import io.github.dl4jlr.monitor.TroubleMode;

import java.util.ArrayList;
import java.util.List;

/** The builds of the suite for one problem, optimizer and seed; the first is the healthy reference. */
final class Suite {

    private Suite() {
    }

    static List<Scenario> builds(String problem, String opt, double g, int epochs, long seed, TroubleMode policy) {
        List<Scenario> out = new ArrayList<>();
        out.add(new Scenario(problem, opt, "good", g, g, epochs, seed, policy));
        out.add(new Scenario(problem, opt, "cosine", g, g, epochs, seed, policy));
        out.add(new Scenario(problem, opt, "step", g, g, epochs, seed, policy));
        out.add(new Scenario(problem, opt, "plateau", g, g, 2 * epochs, seed, policy));
        out.add(new Scenario(problem, opt, "long", g, g, 3 * epochs, seed, policy));
        out.add(new Scenario(problem, opt, "x10", 10 * g, g, epochs, seed, policy));
        out.add(new Scenario(problem, opt, "x30", 30 * g, g, epochs, seed, policy));
        if (opt.equals("adam")) {
            out.add(new Scenario(problem, opt, "lr0.3", 0.3, g, epochs, seed, policy));
            out.add(new Scenario(problem, opt, "lr1", 1, g, epochs, seed, policy));
            out.add(new Scenario(problem, opt, "lr10", 10, g, epochs, seed, policy));
        } else {
            out.add(new Scenario(problem, opt, "x1000", 1000 * g, g, epochs, seed, policy));
        }
        out.add(new Scenario(problem, opt, "/100", g / 100, g, epochs, seed, policy));
        out.add(new Scenario(problem, opt, "/1000", g / 1000, g, epochs, seed, policy));
        return out;
    }
}
