package dev.worldmind.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.model.serve.BatchingOptions;
import dev.worldmind.model.serve.ModelServer;
import dev.worldmind.model.train.EngineInfo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelKindsTest {
    @TempDir Path tmp;

    @Test
    void listsTheBuiltInKindsFirstThenThePlugins() {
        assertThat(ModelKinds.all())
                .extracting(ModelKind::id)
                .containsExactly(
                        ModelManifest.IMAGE_CLASSIFIER,
                        ModelManifest.TEXT_CLASSIFIER,
                        ModelManifest.RECOMMENDER,
                        ModelManifest.POLICY,
                        ModelManifest.GENERATOR,
                        "score-table");
        assertThat(ModelKinds.servedIds()).containsExactly(ModelManifest.IMAGE_CLASSIFIER);
        assertThat(ModelKinds.all()).allSatisfy(k -> assertThat(k.description()).isNotBlank());
    }

    @Test
    void registersAPluginKindAndRefusesAKindNoPluginDeclares() {
        ModelRegistry registry = new ModelRegistry(tmp.resolve("models"));
        ModelManifest table = registry.registerFiles(draft("scores", "score-table"), this::write);
        assertThat(registry.get("scores").kind()).isEqualTo("score-table");
        assertThat(table.version()).isEqualTo(1);

        assertThatThrownBy(() -> registry.registerFiles(draft("odd", "hologram"), this::write))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("unknown model kind 'hologram'")
                .hasMessageContaining("image-classifier, text-classifier")
                .hasMessageContaining("score-table");
        assertThat(registry.list()).extracting(ModelRegistry.Entry::name).containsExactly("scores");
    }

    @Test
    void theServerServesOnlyTheKindsThatSaySoAndNamesThem() {
        ModelRegistry registry = new ModelRegistry(tmp.resolve("models"));
        registry.registerFiles(draft("scores", "score-table"), this::write);
        try (ModelServer server =
                new ModelServer(
                        registry,
                        m -> BatchingOptions.DEFAULT,
                        new SimpleMeterRegistry(),
                        Duration.ofMinutes(5))) {
            assertThatThrownBy(() -> server.warm("scores"))
                    .hasMessageContaining("scores:1 is a score-table")
                    .hasMessageContaining("the kinds served here are image-classifier");
        }
    }

    private void write(Path dir) {
        Json.write(dir.resolve("scores.json"), Map.of("alice", 3));
    }

    private static ModelManifest draft(String name, String kind) {
        Instant now = Instant.now();
        Provenance provenance =
                new Provenance(
                        Map.of(),
                        1,
                        new Provenance.DatasetRef("scores", "abc", "all"),
                        "test",
                        RuntimeInfo.current(EngineInfo.libraries()),
                        now,
                        now,
                        Map.of());
        return ModelManifest.artifact(
                name, kind, ModelManifest.JAVA, List.of(), Map.of(), provenance);
    }
}
