package io.github.dl4jlr.monitor;

import org.deeplearning4j.nn.api.Model;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@link ModelTrack} a callback belongs to. A plain model gets its own track, numbered in the order models are
 * first seen. ParallelWrapper calls the one monitor from its worker threads, named
 * {@code "ParallelWrapper training thread <n>"}, and rebuilds the replicas of workers 1.. at every {@code fit}; so a
 * worker's track is keyed by that number, which lasts across {@code fit} calls (pinned by a recording test), and all
 * workers share one epoch track.
 */
final class Tracks {

    private static final Pattern WORKER = Pattern.compile("ParallelWrapper training thread (\\d+)");

    private final int ringSize;
    private final Map<Model, ModelTrack> byModel = new WeakHashMap<>();
    private final Map<Integer, ModelTrack> byWorker = new HashMap<>();
    private final EpochTrack workersEpoch = new EpochTrack();
    private int nextReplica;
    /** The model of the previous callback and its track: skips the lookups in the common one-model case. */
    private WeakReference<Model> lastModel = new WeakReference<>(null);
    private ModelTrack lastTrack;

    Tracks(int ringSize) {
        this.ringSize = ringSize;
    }

    ModelTrack of(Model model) {
        if (model == lastModel.get()) {
            return lastTrack;
        }
        Matcher m = WORKER.matcher(Thread.currentThread().getName());
        ModelTrack t;
        if (m.matches()) {
            int worker = Integer.parseInt(m.group(1));
            t = byWorker.computeIfAbsent(worker, w -> new ModelTrack(w, workersEpoch));
        } else {
            t = byModel.computeIfAbsent(model, x -> new ModelTrack(nextReplica++, new EpochTrack()));
        }
        t.bind(model, ringSize);
        lastModel = new WeakReference<>(model);
        lastTrack = t;
        return t;
    }

    /** Every track, plain models first. */
    List<ModelTrack> all() {
        List<ModelTrack> out = new ArrayList<>(byModel.values());
        out.addAll(byWorker.values());
        return out;
    }

    /** Every distinct epoch track with its first model track (the context for messages and the validation loss). */
    Map<EpochTrack, ModelTrack> epochs() {
        Map<EpochTrack, ModelTrack> out = new LinkedHashMap<>();
        for (ModelTrack t : all()) {
            out.merge(t.epoch, t, (a, b) -> a.replica <= b.replica ? a : b);
        }
        return out;
    }

    /** The replicas that went non-finite, other than {@code self}. */
    Set<Integer> othersNonFinite(ModelTrack self) {
        Set<Integer> out = new LinkedHashSet<>();
        for (ModelTrack t : all()) {
            if (t != self && t.nonFiniteAt >= 0) {
                out.add(t.replica);
            }
        }
        return out;
    }
}
