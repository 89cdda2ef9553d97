package dev.worldmind.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WorldBusTest {
    @Test
    void deliversEachEventToTheFollowersOfItsKindInOrder() {
        WorldBus bus = new WorldBus();
        List<String> seen = new CopyOnWriteArrayList<>();
        bus.on(WorldEvent.ModelRegistered.class, e -> seen.add("first " + e.ref()));
        bus.on(WorldEvent.Withheld.class, e -> seen.add("withheld " + e.text()));
        bus.on(WorldEvent.ModelRegistered.class, e -> seen.add("second " + e.ref()));
        bus.publish(WorldEvent.ModelRegistered.of("fashion-cnn:3"));
        bus.publish(new WorldEvent.Withheld(7, "plaza", "chat", "buy now", List.of("spam"), 0.9));
        assertThat(seen)
                .containsExactly("first fashion-cnn:3", "second fashion-cnn:3", "withheld buy now");
    }

    @Test
    void aFollowerThatThrowsDoesNotKeepTheEventFromTheOthers() {
        WorldBus bus = new WorldBus();
        List<String> seen = new CopyOnWriteArrayList<>();
        bus.on(
                WorldEvent.ModelRegistered.class,
                e -> {
                    throw new IllegalStateException("broken follower");
                });
        bus.on(WorldEvent.ModelRegistered.class, e -> seen.add(e.name()));
        bus.publish(WorldEvent.ModelRegistered.of("sentiment:2"));
        assertThat(seen).containsExactly("sentiment");
    }

    @Test
    void modelFollowersHearOnlyTheNamesTheyAskedFor() {
        WorldBus bus = new WorldBus();
        List<String> seen = new CopyOnWriteArrayList<>();
        bus.onModel(e -> seen.add(e.ref()), "spam-filter", "sentiment");
        bus.publish(WorldEvent.ModelRegistered.of("fashion-cnn:3"));
        bus.publish(WorldEvent.ModelRegistered.of("sentiment:4"));
        bus.publish(WorldEvent.ModelRegistered.of("spam-filter"));
        assertThat(seen).containsExactly("sentiment:4", "spam-filter");
    }
}
