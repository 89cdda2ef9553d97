package dev.worldmind.model.train;

import ai.djl.engine.Engine;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Changes how many intra-op threads the deep-learning engine uses, while it runs: background
 * training takes both cores while nobody is in the world and one while people are. Only the PyTorch
 * engine can change this at run time; it is reached by reflection because model code compiles
 * against DJL's API alone. With another engine, or none loaded, this does nothing.
 */
public final class EngineThreads {
    private static final AtomicInteger CURRENT = new AtomicInteger();
    private static volatile Method setter;
    private static volatile boolean unavailable;

    private EngineThreads() {}

    /**
     * Sets the engine's intra-op threads, if it can change them and they differ from the last call.
     *
     * @param threads at least 1
     * @return whether the engine now uses that many
     */
    public static boolean set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (CURRENT.get() == threads) {
            return true;
        }
        Method m = setter();
        if (m == null) {
            return false;
        }
        try {
            m.invoke(null, threads);
            CURRENT.set(threads);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = true;
            return false;
        }
    }

    private static Method setter() {
        if (unavailable) {
            return null;
        }
        Method m = setter;
        if (m != null) {
            return m;
        }
        try {
            if (!"PyTorch".equals(Engine.getInstance().getEngineName())) {
                unavailable = true;
                return null;
            }
            m = Class.forName("ai.djl.pytorch.jni.JniUtils").getMethod("setNumThreads", int.class);
            setter = m;
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = true;
            return null;
        }
    }
}
