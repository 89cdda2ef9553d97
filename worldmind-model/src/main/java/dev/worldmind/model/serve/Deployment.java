package dev.worldmind.model.serve;

import dev.worldmind.model.registry.ModelManifest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One loaded model version and its batching predictor. Requests acquire it before submitting and
 * release it when their answer is out; retiring waits until no request holds it, so a hot swap
 * never cuts a request off.
 */
final class Deployment {
    private static final int RETIRED = -1;

    private final ModelManifest manifest;
    private final BatchingPredictor predictor;
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicLong lastUsedNanos = new AtomicLong(System.nanoTime());

    Deployment(ModelManifest manifest, BatchingPredictor predictor) {
        this.manifest = manifest;
        this.predictor = predictor;
    }

    ModelManifest manifest() {
        return manifest;
    }

    BatchingPredictor predictor() {
        return predictor;
    }

    /** Takes a hold on this deployment; false once it is retired (the caller re-resolves). */
    boolean acquire() {
        while (true) {
            int u = users.get();
            if (u == RETIRED) {
                return false;
            }
            if (users.compareAndSet(u, u + 1)) {
                lastUsedNanos.set(System.nanoTime());
                return true;
            }
        }
    }

    void release() {
        users.decrementAndGet();
    }

    long idleNanos() {
        return System.nanoTime() - lastUsedNanos.get();
    }

    /**
     * Waits until no request holds this deployment, then closes it. Blocks: call it off the request
     * path.
     */
    void retire() {
        while (!users.compareAndSet(0, RETIRED)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                // Closing still finishes every queued request; only late submitters get a retry.
                Thread.currentThread().interrupt();
                break;
            }
        }
        predictor.close();
    }
}
