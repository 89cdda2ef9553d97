package dev.worldmind.model.serve;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.model.registry.ModelKinds;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.vision.ImageModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded versions of each model, and what the selectors in use (aliases, {@code latest}, the
 * default) point to. A version loads on first use; {@link #refresh()} follows the registry, loading
 * a new target before switching to it and retiring versions nothing points to on a background
 * thread, so that no request is lost in a swap. Thread-safe: loading a model's versions is
 * serialised per model, lookups are lock-free.
 */
final class Deployments implements AutoCloseable {
    /** The selector of a request that names no version: {@code stable}, else {@code latest}. */
    static final String DEFAULT = "";

    // Under the server's name, as before this class was split from it: log settings name it.
    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);

    private final ModelRegistry registry;
    private final Function<ModelManifest, BatchingOptions> options;
    private final MeterRegistry meters;
    private final Duration idleUnload;
    private final Map<String, Map<Integer, Deployment>> loaded = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> targets = new ConcurrentHashMap<>();
    private final ExecutorService retirer =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "serve-retire");
                        t.setDaemon(true);
                        return t;
                    });
    private volatile boolean closed;

    Deployments(
            ModelRegistry registry,
            Function<ModelManifest, BatchingOptions> options,
            MeterRegistry meters,
            Duration idleUnload) {
        this.registry = registry;
        this.options = options;
        this.meters = meters;
        this.idleUnload = idleUnload;
    }

    /**
     * Returns the deployment a request goes to, loading its version if needed.
     *
     * @param name the model name
     * @param selector a version number, {@code latest}, an alias, or {@link #DEFAULT}
     * @throws NotFoundException for an unknown model, version or alias
     * @throws OverloadedException once closed
     */
    Deployment get(String name, String selector) {
        if (closed) {
            throw new OverloadedException("the model server is shutting down");
        }
        int version = version(name, selector);
        Map<Integer, Deployment> versions =
                loaded.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        Deployment d = versions.get(version);
        if (d != null) {
            return d;
        }
        synchronized (versions) {
            return versions.computeIfAbsent(version, v -> load(name, v));
        }
    }

    private int version(String name, String selector) {
        if (selector.matches("[0-9]{1,9}")) {
            return Integer.parseInt(selector);
        }
        Map<String, Integer> known = targets.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        Integer v = known.get(selector);
        if (v == null) {
            v = resolve(name, selector);
            known.put(selector, v);
        }
        return v;
    }

    /**
     * Asks the registry which version a selector points to now.
     *
     * @param name the model name
     * @param selector {@code latest}, an alias, or {@link #DEFAULT}
     */
    int resolve(String name, String selector) {
        if (selector.equals(DEFAULT)) {
            return registry.defaultVersion(name);
        }
        return registry.get(name + ":" + selector).version();
    }

    private Deployment load(String name, int version) {
        String ref = name + ":" + version;
        ModelManifest manifest = registry.get(ref);
        if (!ModelKinds.served(manifest.kind())) {
            throw new NotFoundException(
                    ref
                            + " is a "
                            + manifest.kind()
                            + "; the kinds served here are "
                            + String.join(", ", ModelKinds.servedIds()));
        }
        long start = System.nanoTime();
        ImageModel model = registry.loadModel(ref);
        try {
            BatchingPredictor p =
                    new BatchingPredictor(
                            model,
                            options.apply(manifest),
                            meters,
                            Tags.of("model", name, "version", Integer.toString(version)));
            LOG.info(
                    "loaded {} ({}) in {} ms",
                    ref,
                    manifest.runtime(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return new Deployment(manifest, p);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** See {@link ModelServer#refresh()}. */
    void refresh() {
        for (String name : List.copyOf(targets.keySet())) {
            Map<String, Integer> known = targets.get(name);
            Map<String, Integer> fresh = new HashMap<>();
            for (String selector : List.copyOf(known.keySet())) {
                try {
                    fresh.put(selector, resolve(name, selector));
                } catch (RuntimeException e) {
                    // The alias or model is gone: forget it; requests will get a 404.
                    LOG.info("{}:{} no longer resolves: {}", name, selector, e.getMessage());
                }
            }
            Map<Integer, Deployment> versions =
                    loaded.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
            for (int v : fresh.values()) {
                if (!versions.containsKey(v)) {
                    try {
                        synchronized (versions) {
                            versions.computeIfAbsent(v, x -> load(name, x));
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("cannot load {}:{}; keeping the current version", name, v, e);
                        fresh.values().removeIf(x -> x == v);
                    }
                }
            }
            List<Integer> wasTarget = List.copyOf(known.values());
            known.putAll(fresh);
            known.keySet().retainAll(fresh.keySet());
            for (Map.Entry<Integer, Deployment> e : List.copyOf(versions.entrySet())) {
                int v = e.getKey();
                boolean current = known.containsValue(v);
                boolean stale =
                        wasTarget.contains(v) || e.getValue().idleNanos() > idleUnload.toNanos();
                if (!current && stale && versions.remove(v, e.getValue())) {
                    LOG.info("unloading {}:{}", name, v);
                    retirer.execute(e.getValue()::retire);
                }
            }
        }
    }

    /**
     * Whether a version is loaded now.
     *
     * @param name the model name
     * @param version the version
     */
    boolean isLoaded(String name, int version) {
        Map<Integer, Deployment> v = loaded.get(name);
        return v != null && v.containsKey(version);
    }

    /** Refuses new requests, lets queued ones finish and unloads every version. */
    @Override
    public void close() {
        closed = true;
        for (Map<Integer, Deployment> versions : loaded.values()) {
            for (Deployment d : versions.values()) {
                retirer.execute(d::retire);
            }
            versions.clear();
        }
        retirer.shutdown();
        try {
            if (!retirer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("models still busy after 30 s; leaving them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
