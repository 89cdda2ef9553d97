package dev.worldmind.server.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/** Counters and latency histograms of a talk load test, per character. Thread-safe. */
final class TalkStats {
    private static final long MAX_NANOS = 600_000_000_000L;

    private final Map<String, PerCharacter> byCharacter = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorCodes = new ConcurrentHashMap<>();
    private final Map<String, String> samples = new ConcurrentHashMap<>();

    private static final class PerCharacter {
        final LongAdder asked = new LongAdder();
        final LongAdder replies = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder timeouts = new LongAdder();
        final LongAdder withheld = new LongAdder();
        // Nanoseconds, three significant digits.
        final Histogram first = new SynchronizedHistogram(MAX_NANOS, 3);
        final Histogram end = new SynchronizedHistogram(MAX_NANOS, 3);
    }

    private PerCharacter of(String character) {
        return byCharacter.computeIfAbsent(character, c -> new PerCharacter());
    }

    void asked(String character) {
        of(character).asked.increment();
    }

    void replied(String character, long firstNanos, long endNanos, boolean withheld) {
        PerCharacter p = of(character);
        p.replies.increment();
        if (withheld) {
            p.withheld.increment();
        }
        if (firstNanos >= 0) {
            p.first.recordValue(Math.min(firstNanos, MAX_NANOS));
        }
        p.end.recordValue(Math.min(endNanos, MAX_NANOS));
    }

    void refused(String character, String code) {
        of(character).errors.increment();
        errorCodes.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    /** Keeps the first reply to each question, to show what was measured. */
    void sample(String character, String question, String reply) {
        samples.putIfAbsent(character + ": " + question, reply);
    }

    /** Counts a problem outside a question: a refused move, an unreachable character, ... */
    void otherError(String code) {
        errorCodes.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    void timedOut(String character) {
        of(character).timeouts.increment();
    }

    /** Returns the figures: one row per character in name order, then {@code all}. */
    TalkReport report(int wanted, int talking, double seconds) {
        List<TalkReport.Row> rows = new ArrayList<>();
        Histogram allFirst = new Histogram(MAX_NANOS, 3);
        Histogram allEnd = new Histogram(MAX_NANOS, 3);
        long[] sums = new long[5];
        for (Map.Entry<String, PerCharacter> e : new TreeMap<>(byCharacter).entrySet()) {
            PerCharacter p = e.getValue();
            TalkReport.Row row =
                    new TalkReport.Row(
                            e.getKey(),
                            p.asked.sum(),
                            p.replies.sum(),
                            p.errors.sum(),
                            p.timeouts.sum(),
                            p.withheld.sum(),
                            latency(p.first),
                            latency(p.end));
            rows.add(row);
            allFirst.add(p.first);
            allEnd.add(p.end);
            sums[0] += row.asked();
            sums[1] += row.replies();
            sums[2] += row.errors();
            sums[3] += row.timeouts();
            sums[4] += row.withheld();
        }
        rows.add(
                new TalkReport.Row(
                        "all",
                        sums[0],
                        sums[1],
                        sums[2],
                        sums[3],
                        sums[4],
                        latency(allFirst),
                        latency(allEnd)));
        Map<String, Long> codes = new TreeMap<>();
        errorCodes.forEach((k, v) -> codes.put(k, v.sum()));
        return new TalkReport(wanted, talking, seconds, rows, codes, new TreeMap<>(samples));
    }

    private static TalkReport.Latency latency(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new TalkReport.Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new TalkReport.Latency(
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6);
    }
}
