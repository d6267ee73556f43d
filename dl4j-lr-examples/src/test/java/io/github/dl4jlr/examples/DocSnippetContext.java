package io.github.dl4jlr.examples;

import io.github.dl4jlr.finder.FinderAudit;
import io.github.dl4jlr.finder.LrFinderResult;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * What the Java snippets of the docs take as given, as a reader's own code would supply it: a network and its
 * configuration, data, and the helpers the pages name ({@code train()}, {@code validation()}, {@code accuracy(..)}).
 * {@link DocSnippetsTest} compiles each snippet as a method of a subclass; a snippet's own declarations shadow these.
 * Nothing here runs.
 */
@SuppressWarnings("unused")
abstract class DocSnippetContext {

    MultiLayerNetwork net;
    MultiLayerConfiguration conf;
    NeuralNetConfiguration.Builder builder;
    DataSetIterator train;
    DataSetIterator trainIterator;
    DataSetIterator valIterator;
    DataSetIterator test;
    ParallelWrapper wrapper;
    LrFinderResult r;
    FinderAudit.Problem problem;
    int epochs;
    int batchesPerEpoch;
    double accuracy;

    static DataSetIterator train() {
        throw new UnsupportedOperationException("the reader's training data");
    }

    static DataSetIterator trainIterator() {
        return train();
    }

    static DataSetIterator validation() {
        throw new UnsupportedOperationException("the reader's held-out data");
    }

    static double accuracy(Model model, DataSetIterator data) {
        throw new UnsupportedOperationException("the reader's metric");
    }
}
