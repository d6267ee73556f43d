package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.util.Args;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The demo's settings, read from {@code config/dog-breed-experiments.json} (or its copy in the jar). */
public record DemoConfig(int epochs, int batchSize, int imageSize, int imagesPerClass, int seeds, int pbtPopulation,
                         int finderIterations, List<Experiment> experiments) {

    public DemoConfig {
        Args.positive("epochs", epochs);
        Args.positive("batchSize", batchSize);
        Args.atLeast("imageSize", imageSize, 8);
        Args.atLeast("imagesPerClass", imagesPerClass, 3);
        Args.positive("seeds", seeds);
        Args.atLeast("pbtPopulation", pbtPopulation, 2);
        Args.atLeast("finderIterations", finderIterations, 10);
        Args.check(experiments != null && !experiments.isEmpty(), "at least one experiment", experiments);
        experiments = List.copyOf(experiments);
    }

    /** Reads {@code file} if given and present, else {@code config/dog-breed-experiments.json}, else the jar's copy. */
    @SuppressWarnings("unchecked")
    public static DemoConfig load(Path file, boolean quick) {
        Map<String, Object> m;
        try {
            ObjectMapper mapper = new ObjectMapper();
            Path local = Path.of("config", "dog-breed-experiments.json");
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("Experiment file " + file + " does not exist");
                }
                m = mapper.readValue(file.toFile(), Map.class);
            } else if (Files.isRegularFile(local)) {
                m = mapper.readValue(local.toFile(), Map.class);
            } else {
                try (InputStream in = DemoConfig.class.getResourceAsStream("/dog-breed-experiments.json")) {
                    if (in == null) {
                        throw new IllegalStateException("dog-breed-experiments.json missing from the jar");
                    }
                    m = mapper.readValue(in, Map.class);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the experiment file: " + e.getMessage(), e);
        }
        Map<String, Object> q = quick && m.get("quick") instanceof Map ? (Map<String, Object>) m.get("quick") : Map.of();
        List<Experiment> experiments = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) m.get("experiments")) {
            Object lr = e.get("lr");
            experiments.add(new Experiment((String) e.get("id"), (String) e.get("group"), (String) e.get("optimizer"),
                    lr == null ? null : ((Number) lr).doubleValue()));
        }
        return new DemoConfig(num(q, m, "epochs"), num(q, m, "batchSize"), num(q, m, "imageSize"),
                num(q, m, "imagesPerClass"), num(q, m, "seeds"), num(q, m, "pbtPopulation"),
                num(q, m, "finderIterations"), experiments);
    }

    private static int num(Map<String, Object> override, Map<String, Object> base, String key) {
        Object v = override.containsKey(key) ? override.get(key) : base.get(key);
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("Expected a number for '" + key + "' in the experiment file, but got " + v);
        }
        return ((Number) v).intValue();
    }

    public DemoConfig with(Integer epochs, Integer batchSize, Integer imageSize, Integer imagesPerClass, Integer seeds,
                           List<String> only) {
        List<Experiment> selected = experiments;
        if (only != null && !only.isEmpty()) {
            for (String id : only) {
                Args.check(experiments.stream().anyMatch(e -> e.id().equals(id)),
                        "an experiment id of " + experiments.stream().map(Experiment::id).toList(), id);
            }
            selected = experiments.stream().filter(e -> only.contains(e.id())).toList();
        }
        return new DemoConfig(epochs != null ? epochs : this.epochs, batchSize != null ? batchSize : this.batchSize,
                imageSize != null ? imageSize : this.imageSize,
                imagesPerClass != null ? imagesPerClass : this.imagesPerClass, seeds != null ? seeds : this.seeds,
                pbtPopulation, finderIterations, selected);
    }
}
