package dev.worldmind.server;

import dev.worldmind.model.registry.ModelKinds;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.serve.ModelServer;
import dev.worldmind.model.serve.ModelStatus;
import dev.worldmind.server.config.ServingConfig;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model serving's lifecycle: warms the default version of every served model in the background (so
 * first requests do not wait; ready when done), follows the registry for new versions and alias
 * moves, and closes the loaded models at the end. Without a registry it is ready at once.
 */
final class ModelService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(ModelService.class);

    private final Optional<ModelServer> models;
    private final ServingConfig config;
    private volatile boolean ready;

    /**
     * @param config the serving settings: without a registry nothing is served
     * @param meters where the model server measures requests and batches
     */
    ModelService(ServingConfig config, MeterRegistry meters) {
        this.config = config;
        this.models =
                config.models()
                        .map(
                                dir ->
                                        new ModelServer(
                                                new ModelRegistry(dir),
                                                m -> config.batching(),
                                                meters,
                                                Duration.ofMinutes(5)));
    }

    /** The model server, when a registry is configured. */
    Optional<ModelServer> server() {
        return models;
    }

    @Override
    public String name() {
        return "models";
    }

    @Override
    public void start(Lifecycle life) {
        if (models.isEmpty()) {
            ready = true;
            return;
        }
        ModelServer m = models.get();
        life.background("warm-models", () -> warm(m));
        life.every(config.refresh(), config.refresh(), "following the model registry", m::refresh);
    }

    @Override
    public boolean ready() {
        return ready;
    }

    /**
     * Loads the default version of every served model; text models, generators and policies are
     * used inside the world.
     */
    private void warm(ModelServer m) {
        try {
            for (ModelStatus status : m.status()) {
                if (status.versions().stream().noneMatch(v -> ModelKinds.served(v.kind()))) {
                    continue;
                }
                try {
                    m.warm(status.name());
                } catch (RuntimeException e) {
                    LOG.warn("cannot load model {}: {}", status.name(), e.getMessage());
                }
            }
        } finally {
            ready = true;
        }
    }

    @Override
    public void close() {
        models.ifPresent(ModelServer::close);
    }
}
