package io.github.dl4jlr.demo.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, stratified train/validation/test split that keeps every image (DataVec's BalancedPathFilter would
 * cut every class down to the smallest). Per class, files are sorted, shuffled with {@code seed} and the class index,
 * and cut into {@code round(n * valFraction)} validation, {@code round(n * testFraction)} test and the rest train.
 * Small classes keep every split usable: one image goes to train; with two, one to test; with three or more, at
 * least one each to test and validation.
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
            int nTest = n >= 2 ? Math.max(1, (int) Math.round(n * testFraction)) : 0;
            int nVal = n >= 3 ? Math.max(1, (int) Math.round(n * valFraction)) : 0;
            nTest = Math.min(nTest, Math.max(0, n - 1));
            nVal = Math.min(nVal, Math.max(0, n - 1 - nTest));
            val.addAll(files.subList(0, nVal));
            test.addAll(files.subList(nVal, nVal + nTest));
            train.addAll(files.subList(nVal + nTest, n));
        }
        return new StratifiedSplit(List.copyOf(train), List.copyOf(val), List.copyOf(test));
    }
}
