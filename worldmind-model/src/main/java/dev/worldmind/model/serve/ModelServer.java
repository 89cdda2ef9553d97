package dev.worldmind.model.serve;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.model.explain.EngineBusyException;
import dev.worldmind.model.explain.Explainer;
import dev.worldmind.model.explain.Explanation;
import dev.worldmind.model.explain.ExplanationMethod;
import dev.worldmind.model.registry.Aliases;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.vision.ImageClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Serves the registry's models. A request names a model and optionally a version or alias; without
 * one it goes to {@code stable} when that alias is set, else to {@code latest}. Versions load on
 * first use. {@link #refresh()} (called periodically by the server, and after alias changes)
 * follows the registry: a newly registered version or a moved alias is loaded first and then
 * swapped in, and the old version retires once its last request is answered. Thread-safe.
 */
public final class ModelServer implements AutoCloseable {
    private static final String DEFAULT = Deployments.DEFAULT;
    private static final int ATTEMPTS = 3;

    /** The most images one explanation request may carry (each needs a backward pass). */
    public static final int MAX_EXPLAIN_IMAGES = 16;

    private final ModelRegistry registry;
    private final Deployments deployments;

    /**
     * Creates a server over a registry; nothing is loaded until asked for.
     *
     * @param registry the model registry
     * @param options the batching of each model version
     * @param meters where the serving meters go
     * @param idleUnload how long a version no alias points at stays loaded without requests
     */
    public ModelServer(
            ModelRegistry registry,
            Function<ModelManifest, BatchingOptions> options,
            MeterRegistry meters,
            Duration idleUnload) {
        this.registry = registry;
        this.deployments = new Deployments(registry, options, meters, idleUnload);
    }

    /** Returns the registry served. */
    public ModelRegistry registry() {
        return registry;
    }

    /**
     * Predicts class probabilities.
     *
     * @param name the model name
     * @param selector a version number, {@code latest}, an alias, or empty for the default
     * @param images01 {@code count} images back to back, pixel values in [0, 1]
     * @param count how many images
     * @return the answering version and the probabilities, once computed
     * @throws NotFoundException for an unknown model, version or alias
     * @throws OverloadedException when the version's queue is full
     */
    public CompletableFuture<Served> predict(
            String name, String selector, float[] images01, int count) {
        OverloadedException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Deployment d = deployment(name, selector);
            if (!d.acquire()) {
                continue; // swapped out a moment ago: resolve again
            }
            CompletableFuture<float[][]> f;
            try {
                f = d.predictor().submit(images01, count);
            } catch (OverloadedException e) {
                d.release();
                last = e;
                if (d.predictor().queueDepth() > 0) {
                    throw e; // really full, not a version being unloaded
                }
                continue;
            } catch (RuntimeException e) {
                d.release();
                throw e;
            }
            return f.whenComplete((r, e) -> d.release())
                    .thenApply(p -> new Served(d.manifest(), p));
        }
        throw last != null ? last : new OverloadedException("the model is being reloaded; retry");
    }

    /**
     * Predicts class probabilities and explains each image's predicted class. Runs on the calling
     * thread, outside the batches but never during one: the backward pass has the model to itself.
     * Needs DJL weights (gradients); ONNX and int8 versions answer with an {@link
     * InvalidDataException}.
     *
     * @param name the model name
     * @param selector a version number, {@code latest}, an alias, or empty for the default
     * @param images01 {@code count} images back to back, pixel values in [0, 1]
     * @param count how many images, at most {@link #MAX_EXPLAIN_IMAGES}
     * @param method how to explain
     * @return the answering version, the probabilities and one explanation per image
     * @throws NotFoundException for an unknown model, version or alias
     * @throws InvalidDataException for too many images, a runtime without gradients, or Grad-CAM on
     *     a network without convolutions
     * @throws OverloadedException when the version is being swapped out or the engine is busy
     */
    public Explained explain(
            String name, String selector, float[] images01, int count, ExplanationMethod method) {
        if (count > MAX_EXPLAIN_IMAGES) {
            throw new InvalidDataException(
                    "at most "
                            + MAX_EXPLAIN_IMAGES
                            + " images per explanation request, got "
                            + count);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Deployment d = deployment(name, selector);
            if (!d.acquire()) {
                continue; // swapped out a moment ago: resolve again
            }
            try {
                ModelManifest m = d.manifest();
                return d.predictor()
                        .exclusive(
                                model -> {
                                    if (!(model instanceof ImageClassifier c)) {
                                        throw new InvalidDataException(
                                                "explanations need gradients, which only the DJL"
                                                        + " runtime computes; "
                                                        + m.ref()
                                                        + " runs on "
                                                        + m.runtime()
                                                        + " (ask its DJL source model)");
                                    }
                                    float[][] p = c.probabilities(images01, count);
                                    List<Explanation> e =
                                            Explainer.explain(c, images01, count, method, -1);
                                    return new Explained(m, p, e);
                                });
            } catch (EngineBusyException e) {
                throw new OverloadedException(e.getMessage());
            } finally {
                d.release();
            }
        }
        throw new OverloadedException("the model is being reloaded; retry");
    }

    /**
     * Returns the manifest of the version a request would go to, loading it if needed.
     *
     * @param name the model name
     * @param selector a version number, {@code latest}, an alias, or empty for the default
     * @throws NotFoundException for an unknown model, version or alias
     */
    public ModelManifest target(String name, String selector) {
        return deployment(name, selector).manifest();
    }

    /**
     * Loads a model's default version ahead of the first request.
     *
     * @param name the model name
     * @return the manifest of the version loaded
     */
    public ModelManifest warm(String name) {
        return deployment(name, DEFAULT).manifest();
    }

    private Deployment deployment(String name, String selector) {
        return deployments.get(name, selector == null ? DEFAULT : selector);
    }

    /**
     * Follows the registry: re-resolves every alias in use, loads versions that aliases now point
     * to before switching to them, and retires versions nothing points to any more once idle (at
     * once for a version that was an alias's target). Call it periodically and after alias changes.
     */
    public void refresh() {
        deployments.refresh();
    }

    /**
     * Points the {@code stable} alias at a version and switches serving to it.
     *
     * @param name the model name
     * @param version the version
     * @return the aliases now stored
     */
    public Aliases promote(String name, int version) {
        Aliases a = registry.setAlias(name, Aliases.STABLE, version);
        refresh();
        return a;
    }

    /**
     * Steps the {@code stable} alias back to its previous version and switches serving to it.
     *
     * @param name the model name
     * @return the aliases now stored
     */
    public Aliases rollback(String name) {
        Aliases a = registry.rollback(name, Aliases.STABLE);
        refresh();
        return a;
    }

    /**
     * Describes every registered model: versions, aliases, what serves by default, what is loaded.
     */
    public List<ModelStatus> status() {
        Map<String, List<ModelStatus.Version>> byName = new TreeMap<>();
        for (ModelRegistry.Entry e : registry.list()) {
            ModelStatus.Version v =
                    e.manifest()
                            .map(
                                    m ->
                                            ModelStatus.Version.of(
                                                    m, deployments.isLoaded(e.name(), e.version())))
                            .orElseGet(() -> ModelStatus.Version.broken(e.version(), e.problem()));
            byName.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(v);
        }
        List<ModelStatus> out = new ArrayList<>();
        byName.forEach(
                (name, versions) -> {
                    Aliases a = registry.aliases(name);
                    Integer def;
                    try {
                        def = deployments.resolve(name, DEFAULT);
                    } catch (RuntimeException e) {
                        def = null;
                    }
                    out.add(new ModelStatus(name, versions, a.aliases(), def));
                });
        return out;
    }

    /**
     * Describes one model.
     *
     * @param name the model name
     * @throws NotFoundException when there is no such model
     */
    public ModelStatus status(String name) {
        return status().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no model named '" + name + "'"));
    }

    /** Finishes queued requests and unloads every model. */
    @Override
    public void close() {
        deployments.close();
    }

    /**
     * An answer: which version computed it, and the probabilities.
     *
     * @param manifest the version that answered
     * @param probabilities one row per image
     */
    public record Served(ModelManifest manifest, float[][] probabilities) {}

    /**
     * An explained answer.
     *
     * @param manifest the version that answered
     * @param probabilities one row per image
     * @param explanations one per image, of its predicted class
     */
    public record Explained(
            ModelManifest manifest, float[][] probabilities, List<Explanation> explanations) {}
}
