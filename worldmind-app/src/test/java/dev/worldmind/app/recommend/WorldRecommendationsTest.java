package dev.worldmind.app.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.model.recommend.RecommenderArtifact;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldRecommendationsTest {
    private static final WorldCatalogue WORLD = WorldCatalogue.defaults();
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir Path dir;

    @Test
    void catalogueHasTheSeededProductsLessonsAndExhibits() {
        assertThat(WORLD.of(RecommendKind.PRODUCT)).hasSize(70);
        assertThat(WORLD.of(RecommendKind.PRODUCT))
                .allMatch(e -> e.price() != null && !"other".equals(e.category()));
        assertThat(WORLD.of(RecommendKind.LESSON)).hasSize(10);
        assertThat(WORLD.of(RecommendKind.EXHIBIT)).hasSize(7);
        assertThat(WORLD.tracks().get("science").get(0)).isEqualTo("classroom/lesson-solar-system");
        assertThat(WORLD.resolve("ceramic-mug").orElseThrow().id()).isEqualTo("shop/ceramic-mug");
        assertThat(WORLD.resolve("museum").orElseThrow().kind()).isEqualTo(RecommendKind.SPACE);
    }

    @Test
    void trainsRegistersWithProvenanceAndReloads() {
        List<Interaction> logged =
                List.of(
                        new Interaction("ann", "shop/ceramic-mug", 3, NOW.toEpochMilli() - 1000),
                        new Interaction("ann", "space:shop", 1, NOW.toEpochMilli() - 2000));
        RecommenderArtifact a = train(logged);
        assertThat(a.train().users()).isEqualTo(SimulatedVisitors.DEFAULT_COUNT + 1);
        assertThat(a.provenance().metrics()).containsKeys("ndcg@10", "popularityNdcg@10");
        assertThat(a.provenance().metrics().get("ndcg@10")).isBetween(0.0, 1.0);
        assertThat(a.provenance().dataset().sha256()).hasSizeGreaterThan(30);
        assertThat(a.provenance().seed()).isEqualTo(WorldRecommendations.SEED);
        assertThat(WorldRecommendations.loggedUntil(a)).isEqualTo(NOW);

        ModelRegistry registry = new ModelRegistry(dir);
        ModelManifest m = WorldRecommendations.register(registry, a);
        assertThat(m.kind()).isEqualTo(ModelManifest.RECOMMENDER);
        assertThat(m.version()).isEqualTo(1);
        RecommenderArtifact back = WorldRecommendations.load(registry).orElseThrow();
        assertThat(back.train().interactions()).isEqualTo(a.train().interactions());
        assertThat(back.provenance().dataset()).isEqualTo(a.provenance().dataset());
        assertThat(back.recommender().algorithm()).isEqualTo(a.recommender().algorithm());

        // the same training data gives the same dataset hash
        RecommenderArtifact again = train(logged);
        assertThat(again.provenance().dataset().sha256())
                .isEqualTo(a.provenance().dataset().sha256());
    }

    /** Trains the world's recommender at {@code NOW} as the server does. */
    private static RecommenderArtifact train(List<Interaction> logged) {
        return WorldRecommendations.train(
                logged, NOW, WORLD, WorldRecommendations.algorithm(), ProgressMonitor.silent());
    }

    @Test
    void newUsersGetPopularProductsAndLessonsInOrder() {
        WorldRecommender r = recommender();
        List<Recommendation> shelf = r.recommend("newcomer", RecommendKind.PRODUCT, 6);
        assertThat(shelf).hasSize(6);
        assertThat(shelf).allMatch(x -> x.entry().kind() == RecommendKind.PRODUCT);
        assertThat(shelf.get(0).explanation()).isEqualTo("popular with other visitors");
        int[] pop = r.artifact().train().itemPopularity();
        int best =
                WORLD.of(RecommendKind.PRODUCT).stream()
                        .mapToInt(e -> pop[r.artifact().train().item(e.id()).getAsInt()])
                        .max()
                        .orElseThrow();
        assertThat(pop[r.artifact().train().item(shelf.get(0).entry().id()).getAsInt()])
                .isEqualTo(best);

        Recommendation lesson = r.nextLesson("newcomer").orElseThrow();
        assertThat(lesson.entry().step()).isEqualTo(1);
        r.record(new Interaction("newcomer", "classroom/lesson-solar-system", 1, 1));
        r.record(new Interaction("newcomer", "classroom/lesson-fractions", 1, 2));
        r.record(new Interaction("newcomer", "classroom/lesson-writing", 1, 3));
        Recommendation next = r.nextLesson("newcomer").orElseThrow();
        assertThat(next.entry().step()).isEqualTo(2);
        assertThat(next.explanation()).startsWith("next in ").contains("after Lesson: ");
        for (String l : WORLD.tracks().values().stream().flatMap(List::stream).toList()) {
            r.record(new Interaction("newcomer", l, 1, 4));
        }
        assertThat(r.nextLesson("newcomer")).isEmpty();
    }

    @Test
    void threeLikesChangeTheShelfWithoutRetrainingAndNameTheLikedProduct() {
        WorldRecommender r = recommender();
        List<String> before =
                r.recommend("newcomer", RecommendKind.PRODUCT, 6).stream()
                        .map(x -> x.entry().id())
                        .toList();
        List<String> liked = List.of("shop/french-press", "shop/coffee-beans", "shop/honey-jar");
        r.record(new Interaction("newcomer", "space:plaza", 1, 9));
        r.record(new Interaction("newcomer", "space:shop", 1, 9));
        assertThat(
                        r.recommend("newcomer", RecommendKind.PRODUCT, 6).stream()
                                .map(x -> x.entry().id())
                                .toList())
                .as("space visits alone do not personalise the shelf")
                .isEqualTo(before);
        for (String id : liked) {
            r.record(new Interaction("newcomer", id, 3, 10));
        }
        List<Recommendation> after = r.recommend("newcomer", RecommendKind.PRODUCT, 6);
        assertThat(after).noneMatch(x -> x.explanation().contains("visited"));
        assertThat(after.stream().map(x -> x.entry().id()).toList())
                .isNotEqualTo(before)
                .doesNotContainAnyElementsOf(liked);
        List<String> likedNames =
                liked.stream().map(WORLD::name).map(n -> "because you liked " + n).toList();
        assertThat(after.get(0).explanation()).isIn(likedNames);
        // the kitchen taste shows: most of the shelf is kitchen things now
        assertThat(after.stream().filter(x -> "kitchen".equals(x.entry().category())).count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void unknownItemsAndPeople() {
        WorldRecommender r = recommender();
        assertThatThrownBy(() -> r.similar("no-such-thing", 5))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-thing");
        assertThat(r.similar("ceramic-mug", 5))
                .hasSize(5)
                .allMatch(x -> x.entry().kind() == RecommendKind.PRODUCT)
                .noneMatch(x -> x.entry().id().equals("shop/ceramic-mug"));
        assertThat(r.people("nobody", 5)).isEmpty();
        r.record(new Interaction("ann", "shop/ceramic-mug", 3, 1));
        List<Person> people = r.people("ann", 5);
        assertThat(people).hasSize(5).allMatch(Person::simulated);
        assertThat(people.get(0).shared()).contains("Hand-thrown ceramic mug");
        // a duplicate like adds weight but keeps one history entry
        r.record(new Interaction("ann", "shop/ceramic-mug", 3, 2));
        assertThat(r.taken("ann")).containsExactly("shop/ceramic-mug");
        assertThat(r.record(new Interaction("ann", "shop/not-in-the-world", 3, 3))).isFalse();
        assertThat(r.pending()).isEqualTo(1);
    }

    private static WorldRecommender recommender() {
        return new WorldRecommender(
                WorldRecommendations.train(
                        List.of(),
                        NOW,
                        WORLD,
                        WorldRecommendations.algorithm(),
                        ProgressMonitor.silent()),
                WORLD);
    }
}
