package dev.worldmind.server.service;

/**
 * A part of the server with a lifecycle: the {@link Lifecycle} starts the services in the order
 * they were added, asks them whether they are ready, and closes them in the reverse order. A
 * service does its periodic work on the lifecycle's shared scheduler and its long loading on the
 * lifecycle's background threads, never on threads of its own.
 */
public interface Service extends AutoCloseable {
    /**
     * Its name in logs and in {@code /health/ready}.
     *
     * @return a short lower-case name, e.g. {@code "characters"}
     */
    String name();

    /**
     * Starts it: schedule periodic work and begin loading. Must not block on long work; load with
     * {@link Lifecycle#background}.
     *
     * @param life the lifecycle that runs it
     */
    default void start(Lifecycle life) {}

    /**
     * Whether it can serve yet; the server is ready when all its services are.
     *
     * @return true once loaded (a service that failed to load and runs without is ready too)
     */
    default boolean ready() {
        return true;
    }

    /** Stops it and frees what it holds; called once, after the scheduler has stopped. */
    @Override
    default void close() {}

    /**
     * A service that only has to be closed.
     *
     * @param name its name
     * @param resource what to close
     * @return the service
     */
    static Service closing(String name, AutoCloseable resource) {
        return new Service() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void close() {
                try {
                    resource.close();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + name + " failed", e);
                }
            }
        };
    }

    /**
     * A service that runs a short task periodically on the shared scheduler.
     *
     * @param name its name
     * @param period how often, the first time after one period
     * @param task the task
     * @return the service
     */
    static Service every(String name, java.time.Duration period, Runnable task) {
        return new Service() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start(Lifecycle life) {
                life.every(period, period, name, task);
            }
        };
    }
}
