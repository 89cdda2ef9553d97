package dev.worldmind.model.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MagnitudePruningTest {
    @Test
    void prunesExactlyTheRequestedShareOfConvAndDenseWeights() {
        try (ImageClassifier c = classifier(Architectures.KERAS_CNN)) {
            SparsityReport before = MagnitudePruning.measure(c);
            List<PruningMask> masks = MagnitudePruning.prune(c, 0.8);
            SparsityReport after = MagnitudePruning.measure(c);

            // Three convolutions and two dense layers; nothing else is prunable.
            assertThat(masks).hasSize(5);
            assertThat(masks).allMatch(m -> m.parameter().endsWith("weight"));
            long weights = before.prunableParameters();
            assertThat(weights).isEqualTo(masks.stream().mapToLong(PruningMask::size).sum());
            assertThat(weights - after.prunableNonZero()).isEqualTo(Math.round(0.8 * weights));
            assertThat(masks.stream().mapToLong(PruningMask::prunedCount).sum())
                    .isEqualTo(Math.round(0.8 * weights));
            assertThat(after.prunableSparsity()).isCloseTo(0.8, within(1e-5));
            assertThat(after.parameters()).isEqualTo(c.parameterCount());
            // Global ranking: layers lose different shares, unlike per-layer pruning.
            assertThat(masks.stream().mapToDouble(PruningMask::sparsity).distinct().count())
                    .isGreaterThan(1);
        }
    }

    @Test
    void keepsTheLargestWeightsAndZeroesTheRest() {
        try (ImageClassifier c = classifier(Architectures.KERAS_CNN)) {
            Map<String, float[]> before = values(c);
            List<PruningMask> masks = MagnitudePruning.prune(c, 0.5);
            Map<String, float[]> after = values(c);
            float largestPruned = 0;
            float smallestKept = Float.MAX_VALUE;
            for (PruningMask m : masks) {
                float[] was = before.get(m.parameter());
                float[] now = after.get(m.parameter());
                for (int i = 0; i < was.length; i++) {
                    if (m.isPruned(i)) {
                        assertThat(now[i]).isZero();
                        largestPruned = Math.max(largestPruned, Math.abs(was[i]));
                    } else {
                        assertThat(now[i]).isEqualTo(was[i]);
                        smallestKept = Math.min(smallestKept, Math.abs(was[i]));
                    }
                }
            }
            assertThat(largestPruned).isLessThanOrEqualTo(smallestKept);
        }
    }

    @Test
    void prunesOnAThreadWhereTheEngineRecordsGradients() throws Exception {
        // libtorch's gradient mode is per thread and on by default; DJL turns it off only on the
        // thread that starts the engine. The CLI's prune failed ("a leaf Variable that requires
        // grad is being used in an in-place operation") when another thread had started it.
        try (ImageClassifier c = classifier(Architectures.KERAS_CNN)) {
            java.util.concurrent.atomic.AtomicReference<Throwable> failed =
                    new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicReference<List<PruningMask>> masks =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread other =
                    new Thread(
                            () -> {
                                try {
                                    masks.set(MagnitudePruning.prune(c, 0.5));
                                } catch (Throwable e) {
                                    failed.set(e);
                                }
                            });
            other.start();
            other.join();
            assertThat(failed.get()).isNull();
            Map<String, float[]> after = values(c);
            for (PruningMask m : masks.get()) {
                float[] now = after.get(m.parameter());
                for (int i = 0; i < now.length; i++) {
                    if (m.isPruned(i)) {
                        assertThat(now[i]).isZero();
                    }
                }
            }
        }
    }

    @Test
    void leavesBiasesAndBatchNormAlone() {
        try (ImageClassifier c = classifier(Architectures.STRONG_CNN)) {
            Map<String, float[]> before = values(c);
            List<PruningMask> masks = MagnitudePruning.prune(c, 0.9);
            Map<String, float[]> after = values(c);

            List<String> pruned = masks.stream().map(PruningMask::parameter).toList();
            // Five convolutions and two dense layers.
            assertThat(pruned).hasSize(7);
            int untouched = 0;
            for (String name : before.keySet()) {
                if (!pruned.contains(name)) {
                    assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
                    untouched++;
                }
            }
            // gamma, beta, running mean and variance of six batch norms, one dense bias.
            assertThat(untouched).isEqualTo(6 * 4 + 1);
            assertThat(before.keySet()).anyMatch(n -> n.endsWith("BatchNorm_gamma"));
            SparsityReport report = MagnitudePruning.measure(c);
            // The report counts trainable values: batch-norm statistics are not among them.
            assertThat(report.tensors())
                    .filteredOn(t -> !t.prunable())
                    .extracting(SparsityReport.Tensor::name)
                    .hasSize(6 * 2 + 1)
                    .allMatch(
                            n ->
                                    n.endsWith("_gamma")
                                            || n.endsWith("_beta")
                                            || n.endsWith("_bias"));
            assertThat(report.prunableSparsity()).isCloseTo(0.9, within(1e-5));
        }
    }

    @Test
    void pruningAgainAtAHigherSparsityKeepsEarlierZeros() {
        try (ImageClassifier c = classifier(Architectures.MLP)) {
            List<PruningMask> half = MagnitudePruning.prune(c, 0.5);
            List<PruningMask> more = MagnitudePruning.prune(c, 0.75);
            for (int t = 0; t < half.size(); t++) {
                for (int i = 0; i < half.get(t).size(); i++) {
                    if (half.get(t).isPruned(i)) {
                        assertThat(more.get(t).isPruned(i)).isTrue();
                    }
                }
            }
            assertThat(MagnitudePruning.measure(c).prunableSparsity())
                    .isCloseTo(0.75, within(1e-5));
        }
    }

    @Test
    void rejectsASparsityOutsideZeroToOne() {
        try (ImageClassifier c = classifier(Architectures.MLP)) {
            assertThatThrownBy(() -> MagnitudePruning.prune(c, 1.0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> MagnitudePruning.prune(c, -0.1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    static ImageClassifier classifier(String architecture) {
        return ImageClassifier.create(
                new ArchitectureSpec(architecture, ImageShape.MNIST, 10),
                Mnist.CLASSES,
                new Normalization(0.1307f, 0.3081f),
                11);
    }

    /** Every parameter's values by name, trainable or not (batch-norm statistics included). */
    static Map<String, float[]> values(ImageClassifier c) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : c.model().getBlock().getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
