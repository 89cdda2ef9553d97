package dev.worldmind.server;

import dev.worldmind.app.recommend.WorldCatalogue;
import dev.worldmind.app.recommend.WorldRecommendations;
import dev.worldmind.app.recommend.WorldRecommender;
import dev.worldmind.data.events.EventLog;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.world.WorldStores;
import dev.worldmind.model.recommend.RecommenderArtifact;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import dev.worldmind.server.ws.Desks;
import dev.worldmind.server.ws.RecommendationDesk;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the world's recommender in the background (training and registering it when there is none),
 * then replays what was logged since it was trained; until then recommendations say they are
 * warming up, and when it fails they stay off.
 */
final class RecommenderService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(RecommenderService.class);

    private final RecommendationDesk desk;
    private final Optional<ModelRegistry> registry;
    private final EventLog eventLog;
    private final WorldCatalogue catalogue;
    private final Clock clock;
    private volatile Lifecycle life;

    /**
     * The recommender of a world whose recommendations are on: its models live in the recommender's
     * registry, else the serving one.
     */
    static Optional<Service> forWorld(
            ServerConfig config, Desks desks, WorldStores stores, Clock clock) {
        if (!config.recommend().enabled()) {
            return Optional.empty();
        }
        return Optional.of(
                new RecommenderService(
                        desks.recommendations(),
                        config.recommend()
                                .models()
                                .or(() -> config.serving().models())
                                .map(ModelRegistry::new),
                        stores.eventLog(),
                        WorldCatalogue.of(stores.world().spaces(), desks.characters().all()),
                        clock));
    }

    private RecommenderService(
            RecommendationDesk desk,
            Optional<ModelRegistry> registry,
            EventLog eventLog,
            WorldCatalogue catalogue,
            Clock clock) {
        this.desk = desk;
        this.registry = registry;
        this.eventLog = eventLog;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "recommender";
    }

    @Override
    public void start(Lifecycle life) {
        this.life = life;
        life.background("recommender", this::load);
    }

    private void load() {
        try {
            RecommenderArtifact artifact =
                    WorldRecommendations.ensure(
                            registry.orElse(null), eventLog, catalogue, clock, LOG::info);
            WorldRecommender live = new WorldRecommender(artifact, catalogue);
            if (life.closing()) {
                return;
            }
            // Live from now on; what was logged between training and now is replayed, so nothing
            // is counted twice (only events still queued for the log in this instant are missed).
            Instant readyAt = clock.instant();
            desk.ready(live);
            int replayed = 0;
            for (Interaction x : WorldRecommendations.since(eventLog, artifact, readyAt)) {
                live.record(x);
                replayed++;
            }
            LOG.info(
                    "recommendations ready: {} over {}, {} interactions replayed from the log",
                    live.algorithm(),
                    artifact.train(),
                    replayed);
        } catch (RuntimeException e) {
            LOG.error("the world's recommender could not be loaded; recommendations stay off", e);
        }
    }
}
