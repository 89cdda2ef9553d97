package dev.worldmind.server.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/** Counters and the latency histogram shared by all simulated clients. Thread-safe. */
final class LoadStats {
    final LongAdder sent = new LongAdder();
    final LongAdder received = new LongAdder();
    final LongAdder arrivals = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder closedUnexpectedly = new LongAdder();
    private final Map<Long, SimClient> byId = new ConcurrentHashMap<>();
    // Up to one minute with three significant digits.
    private final Recorder latency = new Recorder(60_000_000_000L, 3);
    private volatile boolean measuring;

    void register(SimClient client) {
        byId.put(client.id, client);
    }

    SimClient client(long id) {
        return byId.get(id);
    }

    void arrived(long nanos) {
        if (measuring) {
            arrivals.increment();
            latency.recordValue(Math.max(0, Math.min(nanos, 60_000_000_000L)));
        }
    }

    void closed() {
        if (measuring) {
            closedUnexpectedly.increment();
        }
    }

    /** Starts the measured period: counters and histogram begin from zero. */
    void startMeasuring() {
        sent.reset();
        received.reset();
        arrivals.reset();
        latency.reset();
        measuring = true;
    }

    /** Ends it and returns the latencies recorded. */
    org.HdrHistogram.Histogram stopMeasuring() {
        measuring = false;
        return latency.getIntervalHistogram();
    }
}
