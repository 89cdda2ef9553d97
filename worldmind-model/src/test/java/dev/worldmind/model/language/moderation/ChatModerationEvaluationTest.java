package dev.worldmind.model.language.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.catalog.NaughtyWords;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.model.language.moderation.ChatModerationEvaluation.ChatLine;
import dev.worldmind.testing.TestHome;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatModerationEvaluationTest {
    private static Moderator moderator() {
        DatasetStore store = new DatasetStore(TestHome.get().datasets());
        NaughtyWords list =
                NaughtyWords.load(store, dev.worldmind.core.progress.ProgressMonitor.silent());
        return ContentModerator.builder()
                .optAbuseDetector(AbuseDetector.withWordList(list.entries(), "ldnoobw"))
                .build();
    }

    @Test
    void chatSetIsLargeEnoughAndSplitBeforeTuning() {
        List<ChatLine> lines = ChatModerationEvaluation.lines();
        assertThat(lines.stream().filter(ChatLine::abusive).count()).isGreaterThanOrEqualTo(350);
        assertThat(lines.stream().filter(l -> !l.abusive()).count()).isGreaterThanOrEqualTo(1100);
        assertThat(lines.stream().filter(l -> l.split().equals("test")).count())
                .isBetween(lines.size() / 3L, lines.size() * 2L / 3);
    }

    @Test
    void devFiguresMeetTheGoals() {
        ChatModerationEvaluation dev = ChatModerationEvaluation.run(moderator(), "dev", "ldnoobw");
        if (System.getenv("MODERATION_SHOW_ERRORS") != null) {
            System.out.println(dev.toTable());
            dev.errors()
                    .forEach(
                            e ->
                                    System.out.println(
                                            (e.abusive() ? "MISS " : "FALSE ")
                                                    + e.category()
                                                    + " | "
                                                    + e.text()));
        }
        assertThat(dev.recall()).isGreaterThanOrEqualTo(0.90);
        assertThat(dev.ordinaryFlagged()).isLessThanOrEqualTo(0.01);
    }
}
