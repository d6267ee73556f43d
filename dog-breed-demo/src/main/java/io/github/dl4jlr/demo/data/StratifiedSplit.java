package io.github.dl4jlr.demo.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, stratified train/validation/test split that keeps every image (DataVec's BalancedPathFilter would
 * cut every class down to the smallest). Per class, files are sorted, shuffled with {@code seed} and the class index,
 * and cut into {@code round(n * valFraction)} validation, {@code round(n * testFraction)} test and the rest train
 * (at least one train image per class).
 */
public record StratifiedSplit(List<LabeledImage> train, List<LabeledImage> validation, List<LabeledImage> test) {

    public static StratifiedSplit of(ImageDataset data, double valFraction, double testFraction, long seed) {
        List<List<LabeledImage>> byClass = new ArrayList<>();
        for (int i = 0; i < data.labels().size(); i++) {
            byClass.add(new ArrayList<>());
        }
        data.images().forEach(img -> byClass.get(img.label()).add(img));
        List<LabeledImage> train = new ArrayList<>();
        List<LabeledImage> val = new ArrayList<>();
        List<LabeledImage> test = new ArrayList<>();
        for (int c = 0; c < byClass.size(); c++) {
            List<LabeledImage> files = byClass.get(c);
            files.sort((a, b) -> a.file().toString().compareTo(b.file().toString()));
            Collections.shuffle(files, new Random(seed * 7919L + c));
            int n = files.size();
            int nVal = Math.min((int) Math.round(n * valFraction), Math.max(0, n - 1));
            int nTest = Math.min((int) Math.round(n * testFraction), Math.max(0, n - 1 - nVal));
            val.addAll(files.subList(0, nVal));
            test.addAll(files.subList(nVal, nVal + nTest));
            train.addAll(files.subList(nVal + nTest, n));
        }
        return new StratifiedSplit(List.copyOf(train), List.copyOf(val), List.copyOf(test));
    }
}
