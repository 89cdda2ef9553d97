package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveRecommenderTest {
    @TempDir Path dir;

    static final List<Interaction> DATA =
            List.of(
                    new Interaction("ann", "mug", 1, 1),
                    new Interaction("ann", "tea", 3, 2),
                    new Interaction("bob", "mug", 1, 3),
                    new Interaction("bob", "tea", 1, 4),
                    new Interaction("bob", "scarf", 5, 5),
                    new Interaction("cy", "mug", 1, 6),
                    new Interaction("cy", "watch", 1, 7),
                    new Interaction("dee", "watch", 1, 8));

    static RecommenderArtifact artifact(RecommenderAlgorithm algorithm) {
        InteractionMatrix train = InteractionMatrix.of(DATA);
        Provenance p =
                new Provenance(
                        algorithm.config(),
                        42,
                        new Provenance.DatasetRef("hand-made", "0".repeat(64), "8 interactions"),
                        CodeVersion.current(),
                        RuntimeInfo.current(Map.of()),
                        Instant.EPOCH,
                        Instant.EPOCH,
                        Map.of());
        return new RecommenderArtifact(train, algorithm.fit(train, ProgressMonitor.silent()), p);
    }

    @Test
    void givesANewUserThePopularItemsWithoutAReason() {
        LiveRecommender live = new LiveRecommender(artifact(new Popularity()));
        List<Suggestion> s = live.recommend("stranger", 2, id -> true);
        assertThat(s).extracting(Suggestion::item).containsExactly("mug", "tea");
        assertThat(s.get(0).because()).isNull();
        assertThat(s.get(0).explanation()).isEqualTo("popular with other visitors");
    }

    @Test
    void leavesOutWhatTheUserHasSeenAndWhatTheFilterRefuses() {
        LiveRecommender live = new LiveRecommender(artifact(new Popularity()));
        assertThat(live.recommend("ann", 5, id -> true))
                .extracting(Suggestion::item)
                .containsExactly("watch", "scarf");
        assertThat(live.recommend("ann", 5, id -> !id.equals("watch")))
                .extracting(Suggestion::item)
                .containsExactly("scarf");
    }

    @Test
    void recordsNewInteractionsAtOnceAndCountsUnknownItemsAsPending() {
        LiveRecommender live = new LiveRecommender(artifact(new Popularity()));
        assertThat(live.record(new Interaction("ann", "watch", 1, 9))).isTrue();
        assertThat(live.record(new Interaction("ann", "watch", 2, 10))).isTrue();
        assertThat(live.record(new Interaction("newcomer", "scarf", 1, 11))).isTrue();
        assertThat(live.record(new Interaction("ann", "brand-new-item", 1, 12))).isFalse();
        assertThat(live.pending()).isEqualTo(1);
        assertThat(live.changedUsers()).isEqualTo(2);
        int watch = live.artifact().train().item("watch").getAsInt();
        assertThat(live.history("ann").indices()).contains(watch);
        assertThat(
                        live.history("ann")
                                .value(
                                        java.util.Arrays.binarySearch(
                                                live.history("ann").indices(), watch)))
                .isEqualTo(3f);
        assertThat(live.recommend("ann", 5, id -> true))
                .extracting(Suggestion::item)
                .containsExactly("scarf");
        assertThat(live.recommend("newcomer", 5, id -> true))
                .extracting(Suggestion::item)
                .doesNotContain("scarf");
    }

    @Test
    void findsPeopleWithSharedItemsMostSimilarFirst() {
        LiveRecommender live = new LiveRecommender(artifact(new Popularity()));
        List<PersonMatch> people = live.people("ann", 5, u -> true);
        assertThat(people).extracting(PersonMatch::user).containsExactly("bob", "cy");
        assertThat(people.get(0).shared()).containsExactly("mug", "tea");
        assertThat(people.get(0).similarity()).isBetween(0.0, 1.0);
        assertThat(live.people("ann", 5, u -> !u.equals("bob")))
                .extracting(PersonMatch::user)
                .containsExactly("cy");
        assertThat(live.people("stranger", 5, u -> true)).isEmpty();
    }

    @Test
    void refusesSimilarItemsForAnUnknownItem() {
        LiveRecommender live = new LiveRecommender(artifact(new Popularity()));
        assertThatThrownBy(() -> live.similarItems("unicorn", 3, id -> true))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("unicorn");
        assertThat(live.similarItems("mug", 3, id -> true))
                .extracting(Suggestion::item)
                .doesNotContain("mug")
                .hasSize(3);
    }

    @Test
    void artifactRoundTripsThroughAFolder() {
        RecommenderArtifact a = artifact(new Popularity());
        a.save(dir);
        RecommenderArtifact back = RecommenderArtifact.load(dir);
        assertThat(back.train().interactions()).isEqualTo(a.train().interactions());
        assertThat(back.recommender().score(-1, back.train().row(0)))
                .containsExactly(a.recommender().score(-1, a.train().row(0)));
        assertThat(back.provenance().seed()).isEqualTo(42);
    }

    @Test
    void artifactLoadingNamesWhatIsMissing() {
        assertThatThrownBy(() -> RecommenderArtifact.load(dir))
                .hasMessageContaining(RecommenderArtifact.MANIFEST);
    }
}
