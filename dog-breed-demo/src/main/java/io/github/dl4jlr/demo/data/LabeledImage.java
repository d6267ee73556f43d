package io.github.dl4jlr.demo.data;

import java.nio.file.Path;

/** An image file and its class index in the data set's fixed (sorted) label order. */
public record LabeledImage(Path file, int label) {
}
