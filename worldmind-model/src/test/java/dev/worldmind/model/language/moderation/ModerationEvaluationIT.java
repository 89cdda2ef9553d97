package dev.worldmind.model.language.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal on the full SpamAssassin corpus (fetched with npm into the shared test home): F1
 * of the spam class at least 0.95 on the held-out 20%, and the trained classifier in the moderator
 * at its default threshold letting ordinary chat through. About a minute on 2 cores, so tagged:
 * {@code ./mvnw -B -o -pl worldmind-model -am verify -Dworldmind.excludedGroups= -Dgroups=slow
 * -Dtest=none -Dit.test=ModerationEvaluationIT}.
 */
@Tag("slow")
class ModerationEvaluationIT {
    @TempDir Path tmp;

    @Test
    void reachesTheSpamGoalAndLetsOrdinaryChatThrough() {
        ModerationEvaluation.Result result =
                ModerationEvaluation.run(
                        new DatasetStore(TestHome.get().datasets()), 42, System.out::println);
        System.out.println(result.toTable());

        assertThat(result.duplicates() + result.testSize() + result.trainSize())
                .isEqualTo(6046 - result.skipped());
        assertThat(result.f1()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.classifier().provenance().metrics()).containsKey("heldOutF1Spam");

        result.classifier().save(tmp.resolve("spam"));
        SpamClassifier classifier = SpamClassifier.load(tmp.resolve("spam"));
        ContentModerator moderator = ContentModerator.builder().optClassifier(classifier).build();
        for (String line : ContentModeratorTest.ORDINARY_CHAT) {
            ModerationVerdict v = moderator.check(line, Channel.WORLD_CHAT);
            System.out.printf(Locale.ROOT, "%.3f %s%n", v.spamScore(), line);
            assertThat(v.allowed()).as(line + " " + v.reasons()).isTrue();
        }
        List<String> spam =
                List.of(
                        "Make $5000 a week working from home, no experience needed, limited offer",
                        "Congratulations! You have been selected to receive a free iPhone. Click"
                                + " here to claim.",
                        "Earn money fast! Visit www.cash-now.biz and sign up today for free credit"
                                + " report");
        for (String line : spam) {
            assertThat(moderator.check(line, Channel.WORLD_CHAT).reasons())
                    .as(line)
                    .contains(RuleChecks.SPAM);
        }

        // A rough figure for the report, not an assertion (speed belongs in benchmarks).
        long start = System.nanoTime();
        int n = 0;
        for (int round = 0; round < 200; round++) {
            for (String line : ContentModeratorTest.ORDINARY_CHAT) {
                moderator.check(line, Channel.WORLD_CHAT);
                n++;
            }
        }
        System.out.printf(
                Locale.ROOT, "%.1f us per chat line%n", (System.nanoTime() - start) / 1e3 / n);
    }
}
