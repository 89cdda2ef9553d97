package dev.worldmind.model.vision;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import dev.worldmind.testing.TestHome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitecturesTest {
    /** The block trees as they were before the layer descriptions: saved weights depend on them. */
    private static final String GOLDEN = "/golden/architectures.txt";

    @BeforeAll
    static void engine() {
        TestHome.get();
    }

    @Test
    void blockTreesStayAsSavedWeightsExpect() throws IOException {
        StringBuilder actual = new StringBuilder();
        for (String name : Architectures.names()) {
            ArchitectureSpec spec = new ArchitectureSpec(name, ImageShape.MNIST, 10);
            try (Model model = Model.newInstance(name)) {
                model.setBlock(Architectures.create(spec));
                model.getBlock()
                        .initialize(
                                model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
                actual.append("== ").append(name).append('\n');
                describe(model.getBlock(), "", actual);
            }
        }
        String expected;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.contentEquals(actual)) {
            Path out = Path.of("target", "architectures-actual.txt");
            Files.writeString(out, actual);
        }
        assertThat(actual.toString()).isEqualTo(expected);
    }

    @Test
    void layerDescriptionsMirrorTheBlockTree() {
        ArchitectureSpec spec =
                new ArchitectureSpec(Architectures.STRONG_CNN, ImageShape.MNIST, 10);
        Layer.Sequence layers = Architectures.layers(spec);
        Block block = Architectures.create(spec);

        assertThat(block.getChildren().size()).isEqualTo(layers.layers().size());
        assertThat(layers.layers().get(0)).isInstanceOf(Layer.Sequence.class);
        assertThat(((Layer.Sequence) layers.layers().get(0)).layers())
                .containsExactly(
                        new Layer.Conv(32, 3, 1, false),
                        new Layer.BatchNorm(1e-5f),
                        new Layer.Relu());
        assertThat(layers.layers().get(layers.layers().size() - 1))
                .isEqualTo(new Layer.Dense(10, true));
    }

    private static void describe(Block block, String indent, StringBuilder out) {
        out.append(indent).append(block.getClass().getSimpleName());
        if (block instanceof LambdaBlock lambda) {
            out.append(' ').append(lambda.getName());
        }
        if (block instanceof BatchNorm) {
            out.append(" (BatchNorm)");
        }
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.append(' ')
                    .append(p.getKey())
                    .append(p.getValue().getArray().getShape())
                    .append(p.getValue().requiresGradient() ? "" : "-fixed");
        }
        out.append('\n');
        for (Pair<String, Block> child : block.getChildren()) {
            out.append(indent).append("  ").append(child.getKey()).append(":\n");
            describe(child.getValue(), indent + "    ", out);
        }
    }
}
