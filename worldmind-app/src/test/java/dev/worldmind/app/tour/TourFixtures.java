package dev.worldmind.app.tour;

import dev.worldmind.app.reinforce.MuseumNavigator;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.reinforce.ActionSpace;
import dev.worldmind.model.reinforce.NavGrid;
import dev.worldmind.model.reinforce.Network;
import dev.worldmind.model.reinforce.NetworkSpec;
import dev.worldmind.model.reinforce.PolicyArtifact;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tour's test fixtures, shared with the server's tests through this module's test jar. */
public final class TourFixtures {
    private TourFixtures() {}

    /**
     * One leg of a tour as a line for a test's output: how far the guide walked against A*'s
     * shortest path, and which planner finished it.
     *
     * @param leg the leg
     */
    public static String describe(Leg leg) {
        return String.format(
                Locale.ROOT,
                "leg %d %-14s walked %5.2f m, A* %5.2f m, ratio %.3f, finished by %s",
                leg.stop(),
                leg.item(),
                leg.walked(),
                leg.shortest(),
                leg.ratio(),
                leg.planner());
    }

    /**
     * Registers a real navigation policy network that was never trained as {@value
     * MuseumNavigator#NAME}: it walks badly, so A* must take over.
     *
     * @param registry where to register it
     * @param seed the seed of its initial weights
     */
    public static void registerUntrainedPolicy(ModelRegistry registry, long seed) {
        NetworkSpec spec = NetworkSpec.linear(NavGrid.OBSERVATION_SIZE, List.of(64, 64), 8, "tanh");
        Provenance provenance =
                new Provenance(
                        Map.of("algorithm", "untrained"),
                        seed,
                        new Provenance.DatasetRef("NavGrid-museum", "none", "no training"),
                        CodeVersion.current(),
                        RuntimeInfo.current(Map.of()),
                        Instant.now(),
                        Instant.now(),
                        Map.of());
        try (Network net = Network.create(spec, 1e-3, 0.01, seed)) {
            PolicyArtifact artifact =
                    new PolicyArtifact(
                            PolicyArtifact.FORMAT_VERSION,
                            "untrained",
                            "NavGrid-museum",
                            NavGrid.OBSERVATION_SIZE,
                            PolicyArtifact.Actions.of(new ActionSpace.Discrete(8)),
                            spec,
                            Map.of(),
                            provenance);
            registry.registerFiles(
                    ModelManifest.artifact(
                            MuseumNavigator.NAME,
                            ModelManifest.POLICY,
                            ModelManifest.DJL,
                            List.of(),
                            Map.of(),
                            provenance),
                    d -> artifact.save(d, net));
        }
    }
}
