package dev.worldmind.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.Folders;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.serve.BatchingOptions;
import dev.worldmind.model.vision.ImageModel;
import dev.worldmind.server.WorldServer;
import dev.worldmind.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Measures the serving API against its peers in one run: throughput and p50/p99 latency over
 * loopback HTTP at several concurrencies, with dynamic batching and without, and an in-process
 * predictor called one image at a time (what an application embedding the model gets) and in
 * batches (the ceiling), all on the same model, images and machine.
 */
public final class ServingBench {
    private final Options options;
    private final ProgressMonitor progress;

    /**
     * @param options what to measure
     * @param progress where to say what runs
     */
    public ServingBench(Options options, ProgressMonitor progress) {
        this.options = options;
        this.progress = progress;
    }

    /**
     * What to measure.
     *
     * @param models the model registry
     * @param model the model reference, {@code name[:version]}
     * @param images test images, pixel values in [0, 1], one per row
     * @param concurrency the numbers of concurrent callers
     * @param warmup how long each step runs before measuring
     * @param measure how long each step is measured
     * @param batching the batching of the batched server
     */
    public record Options(
            Path models,
            String model,
            float[][] images,
            List<Integer> concurrency,
            Duration warmup,
            Duration measure,
            BatchingOptions batching) {
        public Options {
            concurrency = List.copyOf(concurrency);
            if (concurrency.isEmpty() || concurrency.stream().anyMatch(c -> c < 1 || c > 256)) {
                throw new IllegalArgumentException("concurrency must be 1-256");
            }
            if (measure.compareTo(Duration.ofMinutes(2)) > 0) {
                throw new IllegalArgumentException("measure at most 2 minutes per step");
            }
        }
    }

    /**
     * One measured step.
     *
     * @param mode {@code in-process}, {@code in-process-batch}, {@code http-batched} or {@code
     *     http-unbatched}
     * @param concurrency concurrent callers
     * @param perSecond images predicted per second
     * @param p50Ms median latency per call
     * @param p99Ms 99th percentile latency per call
     * @param errors calls that failed
     */
    public record Row(
            String mode,
            int concurrency,
            double perSecond,
            double p50Ms,
            double p99Ms,
            long errors) {}

    /**
     * All steps of a run.
     *
     * @param model the model measured, {@code name:version}
     * @param runtime its runtime
     * @param rows the steps
     */
    public record Report(String model, String runtime, List<Row> rows) {
        /** Returns the step of a mode and concurrency, if measured. */
        public java.util.Optional<Row> row(String mode, int concurrency) {
            return rows.stream()
                    .filter(r -> r.mode().equals(mode) && r.concurrency() == concurrency)
                    .findFirst();
        }

        /** Renders the table and the ratios. */
        public String table() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("model %s (%s)%n", model, runtime));
            b.append(
                    String.format(
                            "%-18s %5s %10s %9s %9s %7s%n",
                            "mode", "conc", "images/s", "p50 ms", "p99 ms", "errors"));
            for (Row r : rows) {
                b.append(
                        String.format(
                                "%-18s %5d %10.0f %9.2f %9.2f %7d%n",
                                r.mode(),
                                r.concurrency(),
                                r.perSecond(),
                                r.p50Ms(),
                                r.p99Ms(),
                                r.errors()));
            }
            double ceiling = row("in-process-batch", 1).map(Row::perSecond).orElse(Double.NaN);
            b.append(String.format("%nratios (throughput):%n"));
            for (Row batched : rows) {
                if (!batched.mode().equals("http-batched")) {
                    continue;
                }
                int c = batched.concurrency();
                double unbatched = row("http-unbatched", c).map(Row::perSecond).orElse(Double.NaN);
                double inProcess = row("in-process", c).map(Row::perSecond).orElse(Double.NaN);
                b.append(
                        String.format(
                                "  c=%-3d batched/unbatched %.2fx | batched/in-process %.2fx |"
                                        + " batched/in-process-batch %.2fx%n",
                                c,
                                batched.perSecond() / unbatched,
                                batched.perSecond() / inProcess,
                                batched.perSecond() / ceiling));
            }
            return b.toString();
        }
    }

    /** Runs every step; takes about (warmup + measure) x (3 x concurrencies + 1). */
    public Report run() {
        ModelRegistry registry = new ModelRegistry(options.models());
        ModelManifest manifest = registry.get(options.model());
        List<Row> rows = new ArrayList<>();
        try (ImageModel model = registry.loadModel(manifest.ref())) {
            for (int c : options.concurrency()) {
                progress.info("in-process, one image per call, " + c + " threads");
                rows.add(inProcess(model, c, 1, "in-process"));
            }
            int batch = options.batching().maxBatchSize();
            progress.info("in-process, batches of " + batch + ", 1 thread");
            rows.add(inProcess(model, 1, batch, "in-process-batch"));
        }
        List<byte[]> bodies = bodies();
        rows.addAll(overHttp(manifest, options.batching(), "http-batched", bodies));
        rows.addAll(overHttp(manifest, options.batching().unbatched(), "http-unbatched", bodies));
        return new Report(manifest.ref(), manifest.runtime(), rows);
    }

    private Row inProcess(ImageModel model, int threads, int batch, String mode) {
        int size = options.images()[0].length;
        float[][] inputs = new float[options.images().length][];
        for (int i = 0; i < inputs.length; i++) {
            float[] x = new float[size * batch];
            for (int k = 0; k < batch; k++) {
                System.arraycopy(options.images()[(i + k) % inputs.length], 0, x, k * size, size);
            }
            inputs[i] = x;
        }
        return measure(
                mode,
                threads,
                batch,
                i -> {
                    model.probabilities(inputs[i % inputs.length], batch);
                    return true;
                });
    }

    private List<Row> overHttp(
            ModelManifest manifest, BatchingOptions batching, String mode, List<byte[]> bodies) {
        Path dir;
        try {
            dir = Files.createTempDirectory("worldmind-serve-bench");
        } catch (IOException e) {
            throw new WorldmindException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        ServerConfig config =
                ServerConfig.defaults()
                        .with("server.port", 0)
                        .with("serving.models", options.models())
                        .with("serving.batching", batching);
        List<Row> rows = new ArrayList<>();
        try (WorldServer server =
                WorldServer.start(
                        config, DatabaseConfig.h2File(dir.resolve("db")), Clock.systemUTC())) {
            server.models()
                    .orElseThrow()
                    .target(manifest.name(), Integer.toString(manifest.version()));
            URI base = URI.create("http://127.0.0.1:" + server.port());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = token(http, base, server.firstAdminPassword().orElseThrow());
            URI predict =
                    base.resolve(
                            "/api/models/"
                                    + manifest.name()
                                    + "/versions/"
                                    + manifest.version()
                                    + "/predict");
            for (int c : options.concurrency()) {
                progress.info(mode + " over HTTP, " + c + " concurrent clients");
                List<KeepAliveClient> clients = new ArrayList<>();
                ThreadLocal<KeepAliveClient> mine =
                        ThreadLocal.withInitial(
                                () -> {
                                    KeepAliveClient k = new KeepAliveClient(predict, token);
                                    synchronized (clients) {
                                        clients.add(k);
                                    }
                                    return k;
                                });
                try {
                    rows.add(
                            measure(
                                    mode,
                                    c,
                                    1,
                                    i -> mine.get().post(bodies.get(i % bodies.size())) == 200));
                } finally {
                    clients.forEach(KeepAliveClient::close);
                }
            }
        } finally {
            try {
                Folders.deleteTree(dir);
            } catch (IOException e) {
                progress.info("could not delete " + dir + ": " + e.getMessage());
            }
        }
        return rows;
    }

    private static String token(HttpClient http, URI base, String password) {
        try {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(base.resolve("/api/tokens"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    Json.write(
                                                            Map.of(
                                                                    "username",
                                                                    "admin",
                                                                    "password",
                                                                    password))))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.mapper().readTree(r.body());
            return body.path("token").asText();
        } catch (IOException e) {
            throw new WorldmindException("cannot log in to the bench server: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorldmindException("interrupted", e);
        }
    }

    private List<byte[]> bodies() {
        List<byte[]> out = new ArrayList<>();
        for (float[] image : options.images()) {
            StringBuilder b = new StringBuilder(image.length * 6).append("{\"instances\":[[");
            for (int k = 0; k < image.length; k++) {
                b.append(k == 0 ? "" : ",").append(image[k]);
            }
            out.add(b.append("]]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A call that predicts {@code batch} images; false when it failed. */
    private interface Call {
        boolean run(int i) throws Exception;
    }

    private Row measure(String mode, int threads, int batch, Call call) {
        Recorder latency = new Recorder(3);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long warmEnd = System.nanoTime() + options.warmup().toNanos();
        long end = warmEnd + options.measure().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t * 7919;
                running.add(
                        pool.submit(
                                () -> {
                                    int i = seed;
                                    long now;
                                    while ((now = System.nanoTime()) < end) {
                                        boolean ok;
                                        try {
                                            ok = call.run(i++);
                                        } catch (Exception e) {
                                            ok = false;
                                        }
                                        long after = System.nanoTime();
                                        if (now >= warmEnd) {
                                            latency.recordValue(Math.max(1, (after - now) / 1000));
                                            if (ok) {
                                                done.incrementAndGet();
                                            } else {
                                                errors.incrementAndGet();
                                            }
                                        }
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (Exception e) {
            throw new WorldmindException("the bench failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        var h = latency.getIntervalHistogram();
        double seconds = options.measure().toNanos() / 1e9;
        return new Row(
                mode,
                threads,
                done.get() * batch / seconds,
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                errors.get());
    }
}
