package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.testing.TestHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyArtifactTest {
    @BeforeAll
    static void home() {
        TestHome.get();
    }

    @Test
    void readsTheGoldenFormatOneFile(@TempDir Path dir) throws Exception {
        Files.copy(
                Path.of("src/test/resources/golden/policy-v1.json"),
                dir.resolve(PolicyArtifact.FILE));
        PolicyArtifact a = PolicyArtifact.read(dir);
        assertThat(a.algorithm()).isEqualTo("ppo");
        assertThat(a.actions().space()).isEqualTo(new ActionSpace.Discrete(2));
        assertThat(a.network()).isEqualTo(NetworkSpec.linear(4, List.of(64, 64), 2, "tanh"));
    }

    @Test
    void savedPolicyActsLikeTheNetwork(@TempDir Path dir) {
        NetworkSpec spec = new NetworkSpec(3, List.of(8), 1, "tanh", "tanh");
        ActionSpace.Box box = new ActionSpace.Box(new float[] {-2f}, new float[] {2f});
        float[] obs = {0.3f, -0.7f, 1.5f};
        try (Network net = Network.create(spec, 1e-3, 1.0, 9)) {
            artifact(spec, box).save(dir, net);
            float[] expected = NetworkPolicy.scale(net.predict(new float[][] {obs})[0], box);
            try (Policy p = PolicyArtifact.load(dir)) {
                assertThat(p.actContinuous(obs)).containsExactly(expected);
                assertThat(expected[0]).isBetween(-2f, 2f);
                assertThatThrownBy(() -> p.act(obs)).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void refusesOtherVersionsAndMissingFiles(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> PolicyArtifact.load(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("policy.json is missing");
        String golden = Files.readString(Path.of("src/test/resources/golden/policy-v1.json"));
        Files.writeString(
                dir.resolve(PolicyArtifact.FILE),
                golden.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        assertThatThrownBy(() -> PolicyArtifact.read(dir))
                .isInstanceOf(UnsupportedFormatVersionException.class);
    }

    private static PolicyArtifact artifact(NetworkSpec spec, ActionSpace space) {
        return new PolicyArtifact(
                PolicyArtifact.FORMAT_VERSION,
                "ddpg",
                "Pendulum-v1",
                spec.inputs(),
                PolicyArtifact.Actions.of(space),
                spec,
                Map.of("tau", 0.005),
                null);
    }
}
