package io.github.dl4jlr.demo.data;

import java.util.List;

/**
 * The files of a data set with their labels; {@code labels} is sorted, so indices are stable across splits.
 *
 * @param emptyClasses class folders that held no image file and were left out
 */
public record ImageDataset(String layout, List<String> labels, List<LabeledImage> images, List<String> emptyClasses) {

    public ImageDataset {
        labels = List.copyOf(labels);
        images = List.copyOf(images);
        emptyClasses = List.copyOf(emptyClasses);
    }

    public ImageDataset(String layout, List<String> labels, List<LabeledImage> images) {
        this(layout, labels, images, List.of());
    }
}
