package io.github.dl4jlr.demo.experiment;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the demo's images come from, as a value that travels to Spark executors: each JVM decodes the folder once
 * ({@link #load}) and keeps the result for every run it is given. Every executor must be able to read the folder
 * (or, for the generated stand-in, write the cache folder).
 *
 * @param dataDir the image folder, or null for the generated stand-in
 * @param cacheDir where the stand-in is generated
 */
public record DataSource(String dataDir, String cacheDir, int imagesPerClass, int imageSize, boolean augment,
                         boolean imagenet) implements Serializable {

    private static final Map<DataSource, PreparedData> LOADED = new ConcurrentHashMap<>();

    /** The decoded data of this JVM, decoding it on first use. */
    public PreparedData load(Progress progress) {
        return LOADED.computeIfAbsent(this, s -> PreparedData.load(dataDir == null ? null : Path.of(dataDir),
                Path.of(cacheDir), imagesPerClass, imageSize, augment, imagenet, progress));
    }
}
