package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's settings, read from {@code config/dog-breed-experiments.json} (or its copy in the jar).
 *
 * @param commonLr    the one learning rate of the {@link Group#OPTIMIZERS} group (the article's protocol)
 * @param experiments the experiments that run: those of the selected groups, or the ones named on the command line
 */
public record DemoConfig(int epochs, int batchSize, int imageSize, int imagesPerClass, int seeds, int pbtPopulation,
                         int finderIterations, double commonLr, List<Experiment> experiments) implements Serializable {

    public DemoConfig {
        Args.positive("epochs", epochs);
        Args.positive("batchSize", batchSize);
        Args.atLeast("imageSize", imageSize, 8);
        Args.atLeast("imagesPerClass", imagesPerClass, 3);
        Args.positive("seeds", seeds);
        Args.atLeast("pbtPopulation", pbtPopulation, 2);
        Args.atLeast("finderIterations", finderIterations, 10);
        Args.positive("commonLr", commonLr);
        Args.check(experiments != null && !experiments.isEmpty(), "at least one experiment", experiments);
        experiments = List.copyOf(experiments);
    }

    /** Everything the experiment file defines, before the command line narrows it. */
    public record File(DemoConfig defaults, List<Experiment> all, Set<Group> defaultGroups) {
    }

    /** Reads {@code file} if given and present, else {@code config/dog-breed-experiments.json}, else the jar's copy. */
    @SuppressWarnings("unchecked")
    public static File load(Path file, boolean quick) {
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
        List<Experiment> all = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) m.get("experiments")) {
            Object lr = e.get("lr");
            all.add(new Experiment((String) e.get("id"), Group.of((String) e.get("group")),
                    Strategy.of((String) e.get("strategy")), lr == null ? null : ((Number) lr).doubleValue()));
        }
        Set<Group> groups = new LinkedHashSet<>();
        Object listed = m.get("groups");
        if (listed instanceof List) {
            for (Object g : (List<Object>) listed) {
                groups.add(Group.of((String) g));
            }
        } else {
            groups.add(Group.LR_SWEEP);
            groups.add(Group.OPTIMIZERS);
            groups.add(Group.LR_FREE);
        }
        Object common = m.containsKey("commonLr") ? m.get("commonLr") : 0.001;
        Args.check(common instanceof Number, "a number for 'commonLr' in the experiment file", common);
        DemoConfig defaults = new DemoConfig(num(q, m, "epochs"), num(q, m, "batchSize"), num(q, m, "imageSize"),
                num(q, m, "imagesPerClass"), num(q, m, "seeds"), num(q, m, "pbtPopulation"),
                num(q, m, "finderIterations"), ((Number) common).doubleValue(), select(all, groups, null));
        return new File(defaults, all, groups);
    }

    private static int num(Map<String, Object> override, Map<String, Object> base, String key) {
        Object v = override.containsKey(key) ? override.get(key) : base.get(key);
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("Expected a number for '" + key + "' in the experiment file, but got " + v);
        }
        return ((Number) v).intValue();
    }

    /** The experiments of {@code groups}, or, when {@code ids} is given, exactly those (from any group). */
    static List<Experiment> select(List<Experiment> all, Set<Group> groups, List<String> ids) {
        if (ids != null && !ids.isEmpty()) {
            for (String id : ids) {
                Args.check(all.stream().anyMatch(e -> e.id().equals(id)),
                        "an experiment id of " + all.stream().map(Experiment::id).toList(), id);
            }
            return all.stream().filter(e -> ids.contains(e.id())).toList();
        }
        List<Experiment> out = all.stream().filter(e -> groups.contains(e.group())).toList();
        Args.check(!out.isEmpty(), "experiments in the groups " + groups, "none");
        return out;
    }

    /** The settings with command-line overrides; null arguments keep the file's values. */
    public static DemoConfig of(File file, Integer epochs, Integer batchSize, Integer imageSize, Integer imagesPerClass,
                                Integer seeds, Double commonLr, List<String> groups, List<String> ids) {
        DemoConfig d = file.defaults();
        Set<Group> selected = file.defaultGroups();
        if (groups != null && !groups.isEmpty()) {
            selected = new LinkedHashSet<>();
            for (String g : groups) {
                selected.add(Group.of(g));
            }
        }
        return new DemoConfig(epochs != null ? epochs : d.epochs, batchSize != null ? batchSize : d.batchSize,
                imageSize != null ? imageSize : d.imageSize, imagesPerClass != null ? imagesPerClass : d.imagesPerClass,
                seeds != null ? seeds : d.seeds, d.pbtPopulation, d.finderIterations,
                commonLr != null ? commonLr : d.commonLr, select(file.all(), selected, ids));
    }
}
