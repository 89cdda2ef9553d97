package dev.worldmind.core.concurrent;

import java.util.concurrent.ThreadFactory;

/**
 * Daemon threads with a name, for executors that must not keep the JVM alive and must be told apart
 * in a thread dump.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /**
     * A factory of daemon threads that all carry one name.
     *
     * @param name the threads' name, e.g. {@code worldmind-tick}
     * @return the factory
     */
    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
