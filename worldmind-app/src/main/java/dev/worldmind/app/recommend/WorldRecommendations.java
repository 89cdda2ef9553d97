package dev.worldmind.app.recommend;

import dev.worldmind.core.ContentHash;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.events.EventLog;
import dev.worldmind.data.events.EventQuery;
import dev.worldmind.data.interaction.EventInteractions;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.InteractionWeights;
import dev.worldmind.model.recommend.ItemKnn;
import dev.worldmind.model.recommend.Recommender;
import dev.worldmind.model.recommend.RecommenderAlgorithm;
import dev.worldmind.model.recommend.RecommenderArtifact;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The world's recommender, trained, registered and loaded by name ({@value #NAME}): it learns from
 * the behaviour event log (weighted by {@link InteractionWeights#defaults()}) plus {@link
 * SimulatedVisitors}, and carries its held-out NDCG@10 (one item held out per user) in the
 * registry. Training takes seconds. Stateless.
 */
public final class WorldRecommendations {
    /** The registry name. */
    public static final String NAME = "world-recommender";

    /** The seed of the simulated visitors and the held-out split. */
    public static final long SEED = 42;

    /** Users with at least this many distinct items have one held out for the NDCG figure. */
    public static final int HOLDOUT_MIN_ITEMS = 4;

    /** The list length the held-out figures are measured at. */
    public static final int K = 10;

    private static final String LOGGED_UNTIL = "loggedUntil";

    private WorldRecommendations() {}

    /**
     * The world's algorithm: the one setting to switch (e.g. to a hybrid). Item-kNN explains each
     * suggestion by the liked item most similar to it, and folds new likes in at once. (With {@code
     * new Popularity()} everything still works, but nothing is personal.)
     */
    public static RecommenderAlgorithm algorithm() {
        return ItemKnn.defaults();
    }

    /**
     * Reads the logged interactions up to a time.
     *
     * @param log the behaviour event log
     * @param until the end, exclusive
     * @return the interactions, in the log's order
     */
    public static List<Interaction> logged(EventLog log, Instant until) {
        return EventInteractions.of(
                log.query(EventQuery.all().withTo(until)), InteractionWeights.defaults());
    }

    /**
     * Trains on logged plus simulated interactions.
     *
     * @param logged interactions from the event log
     * @param loggedUntil when the logged ones end (later events are replayed on load)
     * @param catalogue what is in the world
     * @param algorithm the algorithm
     * @param progress where to report
     * @return the trained artifact, with its held-out figures in the provenance
     */
    public static RecommenderArtifact train(
            List<Interaction> logged,
            Instant loggedUntil,
            WorldCatalogue catalogue,
            RecommenderAlgorithm algorithm,
            ProgressMonitor progress) {
        Instant started = Instant.now();
        List<Interaction> simulated =
                SimulatedVisitors.generate(catalogue, SimulatedVisitors.DEFAULT_COUNT, SEED);
        List<Interaction> all = new ArrayList<>(logged);
        all.addAll(simulated);
        InteractionMatrix train = InteractionMatrix.of(all);
        Map<String, Double> metrics = HeldOut.measure(train, algorithm, K, SEED);
        Recommender r = algorithm.fit(train, progress);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("algorithm", algorithm.name());
        config.putAll(algorithm.config());
        config.put("simulatedVisitors", SimulatedVisitors.DEFAULT_COUNT);
        config.put("loggedInteractions", logged.size());
        config.put("simulatedInteractions", simulated.size());
        config.put(LOGGED_UNTIL, loggedUntil.toString());
        Provenance provenance =
                new Provenance(
                        config,
                        SEED,
                        new Provenance.DatasetRef(
                                "world-interactions",
                                hash(train),
                                train
                                        + ": the event log until "
                                        + loggedUntil
                                        + " plus simulated visitors"),
                        CodeVersion.current(),
                        RuntimeInfo.current(Map.of()),
                        started,
                        Instant.now(),
                        metrics);
        progress.info(
                String.format(
                        Locale.ROOT,
                        "%s: %s on %s, held-out NDCG@%d %.4f (popularity %.4f)",
                        NAME,
                        algorithm.name(),
                        train,
                        K,
                        metrics.getOrDefault("ndcg@10", Double.NaN),
                        metrics.getOrDefault("popularityNdcg@10", Double.NaN)));
        return new RecommenderArtifact(train, r, provenance);
    }

    /**
     * Registers an artifact as the next version of {@value #NAME}.
     *
     * @param registry the model registry
     * @param artifact the trained recommender
     * @return the registered manifest
     */
    public static ModelManifest register(ModelRegistry registry, RecommenderArtifact artifact) {
        return registry.registerFiles(
                ModelManifest.artifact(
                        NAME,
                        ModelManifest.RECOMMENDER,
                        ModelManifest.JAVA,
                        List.of(),
                        artifact.provenance().metrics(),
                        artifact.provenance()),
                artifact::save);
    }

    /**
     * Loads the latest registered version.
     *
     * @param registry the model registry
     * @return the artifact, or empty when none is registered
     */
    public static Optional<RecommenderArtifact> load(ModelRegistry registry) {
        if (registry.latestVersion(NAME).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RecommenderArtifact.load(registry.directory(NAME)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Loads the latest registered version, training and registering one first when there is none
     * (or when the registered one was made by another algorithm than {@link #algorithm()}).
     *
     * @param registry the model registry, or null to train in memory without registering
     * @param log the behaviour event log
     * @param catalogue what is in the world
     * @param clock the time source (where the logged interactions end)
     * @param progress where to report
     * @return the artifact
     */
    public static RecommenderArtifact ensure(
            ModelRegistry registry,
            EventLog log,
            WorldCatalogue catalogue,
            Clock clock,
            ProgressMonitor progress) {
        RecommenderAlgorithm algorithm = algorithm();
        if (registry != null) {
            Optional<RecommenderArtifact> found = load(registry);
            if (found.isPresent()
                    && found.get().recommender().algorithm().equals(algorithm.name())) {
                return found.get();
            }
        }
        Instant until = clock.instant();
        RecommenderArtifact a = train(logged(log, until), until, catalogue, algorithm, progress);
        if (registry != null) {
            progress.info("registered " + register(registry, a).ref());
        }
        return a;
    }

    /**
     * Where an artifact's logged interactions end: events from then on are not in it.
     *
     * @param artifact a trained artifact
     * @return the time, or the training start when the provenance does not say
     */
    public static Instant loggedUntil(RecommenderArtifact artifact) {
        Object until = artifact.provenance().config().get(LOGGED_UNTIL);
        return until == null ? artifact.provenance().startedAt() : Instant.parse(until.toString());
    }

    /**
     * The interactions logged after an artifact's training data ends and before a time, to replay
     * into its live state.
     *
     * @param log the behaviour event log
     * @param artifact the artifact
     * @param until the end, exclusive (from then on interactions are recorded live)
     * @return the interactions, in the log's order
     */
    public static List<Interaction> since(
            EventLog log, RecommenderArtifact artifact, Instant until) {
        Instant from = loggedUntil(artifact);
        if (!from.isBefore(until)) {
            return List.of();
        }
        return EventInteractions.of(
                log.query(EventQuery.all().withFrom(from).withTo(until)),
                InteractionWeights.defaults());
    }

    private static String hash(InteractionMatrix train) {
        StringBuilder sb = new StringBuilder();
        train.interactions().stream()
                .sorted(Comparator.comparing(Interaction::user).thenComparing(Interaction::item))
                .forEach(
                        x ->
                                sb.append(x.user())
                                        .append('\t')
                                        .append(x.item())
                                        .append('\t')
                                        .append(x.weight())
                                        .append('\t')
                                        .append(x.at())
                                        .append('\n'));
        return ContentHash.of(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
