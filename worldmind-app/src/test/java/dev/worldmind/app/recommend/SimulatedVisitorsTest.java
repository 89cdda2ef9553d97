package dev.worldmind.app.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulatedVisitorsTest {
    private static final WorldCatalogue WORLD = WorldCatalogue.defaults();

    @Test
    void sameSeedSameHistoryOtherSeedOtherHistory() {
        List<Interaction> a = SimulatedVisitors.generate(WORLD, 50, 7);
        assertThat(SimulatedVisitors.generate(WORLD, 50, 7)).isEqualTo(a);
        assertThat(SimulatedVisitors.generate(WORLD, 50, 8)).isNotEqualTo(a);
    }

    @Test
    void usesTheEventLogsIdsAndCoversTheCatalogue() {
        List<Interaction> all = SimulatedVisitors.generate(WORLD, 300, 42);
        Set<String> users = all.stream().map(Interaction::user).collect(Collectors.toSet());
        assertThat(users).hasSize(300).contains("visitor-001", "visitor-300");
        assertThat(users).allMatch(SimulatedVisitors::isSimulated);
        for (Interaction x : all) {
            assertThat(WORLD.find(x.item())).as(x.item()).isPresent();
        }
        Set<String> items = all.stream().map(Interaction::item).collect(Collectors.toSet());
        for (RecommendKind kind :
                List.of(RecommendKind.PRODUCT, RecommendKind.EXHIBIT, RecommendKind.LESSON)) {
            assertThat(WORLD.of(kind)).allMatch(e -> items.contains(e.id()));
        }
        assertThat(items).contains("space:plaza", "space:shop", "space:museum");
        assertThat(InteractionMatrix.of(all).users()).isEqualTo(300);
    }

    @Test
    void lessonsAreTakenInTheirTracksOrder() {
        List<Interaction> all = SimulatedVisitors.generate(WORLD, 300, 42);
        for (List<String> track : WORLD.tracks().values()) {
            for (int step = 1; step < track.size(); step++) {
                String lesson = track.get(step);
                String before = track.get(step - 1);
                Set<String> took =
                        all.stream()
                                .filter(x -> x.item().equals(lesson))
                                .map(Interaction::user)
                                .collect(Collectors.toSet());
                Set<String> tookBefore =
                        all.stream()
                                .filter(x -> x.item().equals(before))
                                .map(Interaction::user)
                                .collect(Collectors.toSet());
                assertThat(tookBefore).containsAll(took);
            }
        }
    }

    @Test
    void productsFollowTheFavouriteCategory() {
        List<Interaction> all = SimulatedVisitors.generate(WORLD, 300, 42);
        // for most visitors, one category holds most of their product looks
        int focused = 0;
        int shoppers = 0;
        for (String user : all.stream().map(Interaction::user).collect(Collectors.toSet())) {
            var perCategory =
                    all.stream()
                            .filter(x -> x.user().equals(user))
                            .map(x -> WORLD.find(x.item()).orElseThrow())
                            .filter(e -> e.kind() == RecommendKind.PRODUCT)
                            .map(CatalogueEntry::id)
                            .distinct()
                            .collect(
                                    Collectors.groupingBy(
                                            id -> WORLD.find(id).orElseThrow().category(),
                                            Collectors.counting()));
            long total = perCategory.values().stream().mapToLong(Long::longValue).sum();
            if (total >= 4) {
                shoppers++;
                long top = perCategory.values().stream().mapToLong(Long::longValue).max().orElse(0);
                if (top * 2 >= total) {
                    focused++;
                }
            }
        }
        assertThat(shoppers).isGreaterThan(100);
        assertThat(focused).isGreaterThan(shoppers * 6 / 10);
    }
}
