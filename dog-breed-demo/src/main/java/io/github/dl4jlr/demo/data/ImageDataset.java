package io.github.dl4jlr.demo.data;

import java.util.List;

/** The files of a data set with their labels; {@code labels} is sorted, so indices are stable across splits. */
public record ImageDataset(String layout, List<String> labels, List<LabeledImage> images) {

    public ImageDataset {
        labels = List.copyOf(labels);
        images = List.copyOf(images);
    }
}
