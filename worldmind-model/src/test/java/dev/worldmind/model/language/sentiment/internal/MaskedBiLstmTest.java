package dev.worldmind.model.language.sentiment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.worldmind.testing.TestHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MaskedBiLstmTest {
    @BeforeAll
    static void engine() {
        TestHome.get();
        Engine.getInstance().setRandomSeed(11);
    }

    @Test
    void returnsBothDirectionsForEveryStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MaskedBiLstm lstm = new MaskedBiLstm(5, 3, 2);
            lstm.initialize(manager, DataType.FLOAT32, new Shape(2, 4, 5), new Shape(2, 4));
            NDArray x = manager.randomNormal(new Shape(2, 4, 5));
            NDArray mask = manager.ones(new Shape(2, 4));

            NDArray out = forward(lstm, manager, x, mask);

            assertThat(out.getShape()).isEqualTo(new Shape(2, 4, 6));
            assertThat(lstm.getOutputShapes(new Shape[] {x.getShape(), mask.getShape()})[0])
                    .isEqualTo(out.getShape());
        }
    }

    @Test
    void appendedPaddingChangesNoRealStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MaskedBiLstm lstm = new MaskedBiLstm(4, 3, 1);
            lstm.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 4), new Shape(2, 3));
            NDArray x = manager.randomNormal(new Shape(2, 3, 4));
            // The second text has two real words; its third step is already padding.
            NDArray mask = manager.create(new float[] {1, 1, 1, 1, 1, 0}, new Shape(2, 3));
            NDArray padded = x.concat(manager.randomNormal(new Shape(2, 4, 4)), 1);
            NDArray paddedMask = mask.concat(manager.zeros(new Shape(2, 4)), 1);

            NDArray shortRun = forward(lstm, manager, x, mask);
            NDArray longRun = forward(lstm, manager, padded, paddedMask).get(":, 0:3, :");

            assertThat(longRun.getShape()).isEqualTo(shortRun.getShape());
            assertThat(longRun.allClose(shortRun, 1e-6, 1e-6, false)).isTrue();
            // Padding is not ignored by accident: feeding the same steps as real words differs.
            NDArray unmasked = forward(lstm, manager, padded, manager.ones(new Shape(2, 7)));
            assertThat(unmasked.get(":, 0:3, :").allClose(shortRun, 1e-6, 1e-6, false)).isFalse();
        }
    }

    @Test
    void classifierLogitsIgnoreAppendedPadding() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequenceBlock block = new SequenceBlock(false, 20, 8, 6, 1, 1, 0.5f, 10);
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 10));
            NDArray ids = manager.create(new int[] {3, 4, 5, 7, 9, 0}, new Shape(2, 3));
            NDArray padded = ids.concat(manager.zeros(new Shape(2, 5), DataType.INT32), 1);
            ParameterStore ps = new ParameterStore(manager, false);

            NDArray a = block.forward(ps, new NDList(ids), false).head();
            NDArray b = block.forward(ps, new NDList(padded), false).head();

            assertThat(a.getShape()).isEqualTo(new Shape(2, 2));
            assertThat(b.allClose(a, 1e-6, 1e-6, false)).isTrue();
        }
    }

    @Test
    void afewOptimiserStepsLowerTheLoss() {
        try (Model model = Model.newInstance("lstm-gradient")) {
            model.setBlock(new SequenceBlock(false, 12, 8, 8, 1, 1, 0f, 6));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(0.02f))
                                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(4, 6));
                NDManager manager = trainer.getManager();
                // The label depends on word order only (same words, swapped), so only the
                // recurrence can fit it, not the mean of the embeddings.
                NDArray x =
                        manager.create(
                                new int[] {
                                    1, 2, 3, 0, 0, 0, 3, 2, 1, 0, 0, 0, 4, 5, 6, 7, 0, 0, 7, 6, 5,
                                    4, 0, 0
                                },
                                new Shape(4, 6));
                NDArray y = manager.create(new int[] {1, 0, 1, 0});
                float first = step(trainer, x, y);
                float last = first;
                for (int i = 0; i < 30; i++) {
                    last = step(trainer, x, y);
                }
                assertThat(last).isLessThan(first * 0.5f);
            }
        }
    }

    private static float step(Trainer trainer, NDArray x, NDArray y) {
        float value;
        try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray loss =
                    trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
            value = loss.getFloat();
            gc.backward(loss);
        }
        trainer.step();
        return value;
    }

    private static NDArray forward(MaskedBiLstm lstm, NDManager manager, NDArray x, NDArray mask) {
        return lstm.forward(new ParameterStore(manager, false), new NDList(x, mask), false).head();
    }
}
