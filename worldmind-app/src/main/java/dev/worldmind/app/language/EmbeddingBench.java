package dev.worldmind.app.language;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.model.language.LangChainEmbedder;
import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.language.TextEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Sentence embedding speed, side by side in one run: LangChain4j's all-MiniLM-L6-v2 with its stock
 * settings against {@link MiniLmEmbedder}'s tuned ones (and its int8 twin), on the same sentences.
 * Two workloads: bulk (the corpus in calls of {@code callSize}, as when indexing knowledge or
 * training a classifier) and one sentence per call (as in chat). Every contender's vectors are
 * compared with the stock ones, so a speed-up never hides a different result.
 */
public final class EmbeddingBench {
    /**
     * One contender's figures.
     *
     * @param name what ran
     * @param bulkPerSecond sentences per second in bulk calls (median of the rounds)
     * @param singleMillisP50 median milliseconds for one sentence alone
     * @param concurrentSinglesPerSecond sentences per second when two callers each embed one
     *     sentence at a time, as a busy world server does for chat
     * @param maxDifference largest absolute difference of any vector element from the stock vectors
     */
    public record Row(
            String name,
            double bulkPerSecond,
            double singleMillisP50,
            double concurrentSinglesPerSecond,
            double maxDifference) {}

    /**
     * The whole run.
     *
     * @param sentences how many sentences
     * @param callSize sentences per bulk call
     * @param rounds bulk rounds per contender
     * @param rows the contenders, stock first
     */
    public record Result(int sentences, int callSize, int rounds, List<Row> rows) {
        /** Returns the table with each contender's speed relative to the stock settings. */
        public String toTable() {
            StringBuilder b = new StringBuilder();
            b.append(
                    String.format(
                            Locale.ROOT,
                            "%d sentences, bulk calls of %d, %d rounds; cores: %d%n",
                            sentences,
                            callSize,
                            rounds,
                            Runtime.getRuntime().availableProcessors()));
            b.append(
                    String.format(
                            Locale.ROOT,
                            "%-44s %11s %7s %13s %7s %14s %7s %10s%n",
                            "embedder",
                            "bulk sent/s",
                            "x stock",
                            "single p50 ms",
                            "x stock",
                            "2 callers s/s",
                            "x stock",
                            "max |diff|"));
            Row stock = rows.get(0);
            for (Row r : rows) {
                b.append(
                        String.format(
                                Locale.ROOT,
                                "%-44s %11.1f %6.2fx %13.2f %6.2fx %14.1f %6.2fx %10.2e%n",
                                r.name(),
                                r.bulkPerSecond(),
                                r.bulkPerSecond() / stock.bulkPerSecond(),
                                r.singleMillisP50(),
                                stock.singleMillisP50() / r.singleMillisP50(),
                                r.concurrentSinglesPerSecond(),
                                r.concurrentSinglesPerSecond() / stock.concurrentSinglesPerSecond(),
                                r.maxDifference()));
            }
            return b.toString();
        }
    }

    private EmbeddingBench() {}

    /**
     * Runs the benchmark.
     *
     * @param sentences the sentences (e.g. the UCI sentiment corpus)
     * @param callSize sentences per bulk call
     * @param rounds bulk rounds per contender
     * @param singles sentences embedded one per call per contender
     * @param progress where to report
     * @return the figures
     */
    public static Result run(
            List<String> sentences,
            int callSize,
            int rounds,
            int singles,
            ProgressMonitor progress) {
        if (sentences.isEmpty() || callSize < 1 || rounds < 1 || singles < 1) {
            throw new IllegalArgumentException("need sentences, a call size, rounds and singles");
        }
        List<Contender> contenders =
                List.of(
                        new Contender("langchain4j stock (fp32)", LangChainEmbedder::stockMiniLm),
                        new Contender(
                                "tuned fp32 " + describe(MiniLmEmbedder.Options.defaults()),
                                () ->
                                        MiniLmEmbedder.create(
                                                MiniLmEmbedder.Variant.FP32,
                                                MiniLmEmbedder.Options.defaults())),
                        new Contender(
                                "fp32 1 worker x all threads, batch 8",
                                () ->
                                        MiniLmEmbedder.create(
                                                MiniLmEmbedder.Variant.FP32,
                                                new MiniLmEmbedder.Options(
                                                        1,
                                                        Runtime.getRuntime().availableProcessors(),
                                                        8))),
                        new Contender(
                                "fp32 2 workers x 1 thread, batch 32",
                                () ->
                                        MiniLmEmbedder.create(
                                                MiniLmEmbedder.Variant.FP32,
                                                new MiniLmEmbedder.Options(2, 1, 32))),
                        new Contender(
                                "tuned int8 " + describe(MiniLmEmbedder.Options.defaults()),
                                () ->
                                        MiniLmEmbedder.create(
                                                MiniLmEmbedder.Variant.INT8,
                                                MiniLmEmbedder.Options.defaults())));
        List<Row> rows = new ArrayList<>();
        float[][] reference = null;
        for (Contender c : contenders) {
            progress.info("embedding with " + c.name());
            try (TextEmbedder e = c.factory().get()) {
                e.embed(sentences.subList(0, Math.min(64, sentences.size()))); // warm-up
                double[] perSecond = new double[rounds];
                float[][] vectors = null;
                for (int r = 0; r < rounds; r++) {
                    long start = System.nanoTime();
                    vectors = embedInCalls(e, sentences, callSize);
                    perSecond[r] = sentences.size() / ((System.nanoTime() - start) / 1e9);
                }
                if (reference == null) {
                    reference = vectors;
                }
                double[] single = new double[Math.min(singles, sentences.size())];
                for (int i = 0; i < single.length; i++) {
                    long start = System.nanoTime();
                    e.embed(sentences.get(i));
                    single[i] = (System.nanoTime() - start) / 1e6;
                }
                rows.add(
                        new Row(
                                c.name(),
                                median(perSecond),
                                median(single),
                                concurrentSingles(e, sentences, single.length),
                                maxDifference(reference, vectors)));
            }
        }
        return new Result(sentences.size(), callSize, rounds, rows);
    }

    private record Contender(String name, Supplier<TextEmbedder> factory) {}

    private static String describe(MiniLmEmbedder.Options o) {
        return "("
                + o.workers()
                + " workers x "
                + o.threadsPerRun()
                + " thread, batch "
                + o.batchSize()
                + ")";
    }

    /** Two threads embed one sentence per call each, {@code count} in all; returns sentences/s. */
    private static double concurrentSingles(TextEmbedder e, List<String> sentences, int count) {
        Thread[] callers = new Thread[2];
        long start = System.nanoTime();
        for (int t = 0; t < callers.length; t++) {
            int first = t;
            callers[t] =
                    new Thread(
                            () -> {
                                for (int i = first; i < count; i += 2) {
                                    e.embed(sentences.get(i % sentences.size()));
                                }
                            },
                            "bench-caller-" + t);
            callers[t].start();
        }
        try {
            for (Thread c : callers) {
                c.join();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static float[][] embedInCalls(TextEmbedder e, List<String> sentences, int callSize) {
        float[][] out = new float[sentences.size()][];
        for (int start = 0; start < sentences.size(); start += callSize) {
            int end = Math.min(sentences.size(), start + callSize);
            float[][] part = e.embed(sentences.subList(start, end));
            System.arraycopy(part, 0, out, start, part.length);
        }
        return out;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double maxDifference(float[][] a, float[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int d = 0; d < a[i].length; d++) {
                max = Math.max(max, Math.abs(a[i][d] - b[i][d]));
            }
        }
        return max;
    }
}
