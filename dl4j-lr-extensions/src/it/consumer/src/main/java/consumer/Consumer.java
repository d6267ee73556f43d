package consumer;

import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.finder.LrFinderResult;
import io.github.dl4jlr.monitor.MonitorReport;
import io.github.dl4jlr.monitor.TrainingHealthMonitor;
import io.github.dl4jlr.schedule.CosineDecaySchedule;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ScheduleType;

import java.nio.file.Path;
import java.util.Random;

/** What a new user writes first: a schedule, the finder and the monitor on a tiny net. Exits non-zero on failure. */
public final class Consumer {

    public static void main(String[] args) throws Exception {
        Random r = new Random(1);
        float[][] x = new float[200][4];
        float[][] y = new float[200][3];
        for (int i = 0; i < x.length; i++) {
            int c = i % 3;
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) ((j == c ? 2 : 0) + r.nextGaussian());
            }
            y[i][c] = 1;
        }
        DataSetIterator data = new ListDataSetIterator<>(new DataSet(Nd4j.create(x), Nd4j.create(y)).asList(), 20);

        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5)
                .updater(new Adam(new CosineDecaySchedule(ScheduleType.ITERATION, 1e-2, 1e-4, 100)))
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();

        LrFinderResult found = LearningRateFinder.builder().numIterations(40).build().find(net, data);
        check(found.iterations() > 0, "the finder ran: " + found);

        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(5).build();
        net.setListeners(monitor);
        for (int epoch = 0; epoch < 3; epoch++) {
            net.fit(data);
        }
        monitor.close();
        MonitorReport report = monitor.report();
        check(!report.checks().isEmpty(), "the monitor checked the ratios");
        double accuracy = net.evaluate(data).accuracy();
        check(accuracy > 0.6, "the net learned: accuracy " + accuracy);

        try {
            found.savePlot(Path.of("target", "lr-finder.png"));
            check(false, "savePlot worked without XChart on the classpath");
        } catch (IllegalStateException expected) {
            check(expected.getMessage().contains("org.knowm.xchart:xchart"), "message names XChart: " + expected.getMessage());
            System.out.println("CONSUMER without XChart, savePlot says: " + expected.getMessage());
        }
        System.out.println("CONSUMER OK: backend " + Nd4j.getBackend().getClass().getSimpleName() + ", finder "
                + found.summary() + ", monitor " + report.checks().size() + " checks, accuracy " + accuracy);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("CONSUMER FAILED: " + what);
            System.exit(1);
        }
    }
}
