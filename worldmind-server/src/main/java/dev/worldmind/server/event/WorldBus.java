package dev.worldmind.server.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@link WorldEvent}s to the parts that follow them, on the publisher's thread and in the
 * order they subscribed. Followers must be quick (hand long work to a background thread); one that
 * throws is logged and the others still get the event. Thread-safe.
 */
public final class WorldBus {
    private static final Logger LOG = LoggerFactory.getLogger(WorldBus.class);

    private record Follower<E extends WorldEvent>(Class<E> type, Consumer<? super E> action) {
        void offer(WorldEvent event) {
            if (type.isInstance(event)) {
                action.accept(type.cast(event));
            }
        }
    }

    private final List<Follower<?>> followers = new CopyOnWriteArrayList<>();

    /**
     * Follows the events of a kind from now on.
     *
     * @param type the kind
     * @param action what to do with each
     * @param <E> the kind
     */
    public <E extends WorldEvent> void on(Class<E> type, Consumer<? super E> action) {
        followers.add(new Follower<>(type, action));
    }

    /**
     * Follows the registrations of the models named.
     *
     * @param action what to do when a version of one of them is registered
     * @param names the models' names
     */
    public void onModel(Consumer<WorldEvent.ModelRegistered> action, String... names) {
        List<String> wanted = List.of(names);
        on(
                WorldEvent.ModelRegistered.class,
                e -> {
                    if (wanted.contains(e.name())) {
                        action.accept(e);
                    }
                });
    }

    /**
     * Delivers an event to its followers.
     *
     * @param event the event
     */
    public void publish(WorldEvent event) {
        for (Follower<?> f : followers) {
            try {
                f.offer(event);
            } catch (RuntimeException e) {
                LOG.warn(
                        "a follower of {} failed: {}",
                        event.getClass().getSimpleName(),
                        e.toString(),
                        e);
            }
        }
    }
}
