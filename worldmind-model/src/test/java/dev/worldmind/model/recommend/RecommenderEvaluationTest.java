package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.interaction.InteractionSplit;
import dev.worldmind.data.interaction.SyntheticInteractions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecommenderEvaluationTest {
    @Test
    void anAlgorithmThatRefusesKeepsItsReasonAndTheOthersTheirRows() {
        SyntheticInteractions data =
                SyntheticInteractions.generate(SyntheticInteractions.Config.small());
        InteractionSplit split = InteractionSplit.random(data.interactions(), 0.2, 1);
        RecommenderEvaluation.Setup setup =
                RecommenderEvaluation.setup(split.train(), split.test());
        // a real refusal: content-based learning with no item described
        RecommenderAlgorithm noTexts =
                ContentBased.of(new HashedWordsEmbedder(64), Map.of("not-an-item", "some words"));
        List<String> said = new ArrayList<>();

        List<RecommenderEvaluation.Row> rows =
                RecommenderEvaluation.run(
                        setup,
                        List.of(new Popularity(), noTexts, ItemKnn.defaults()),
                        10,
                        said::add);

        assertThat(rows)
                .extracting(RecommenderEvaluation.Row::ok)
                .containsExactly(true, false, true);
        assertThat(rows.get(1).failure()).contains("none of the").contains("has a text");
        assertThat(rows.get(2).report().ndcg()).isGreaterThan(rows.get(0).report().ndcg());
        String table = RecommenderEvaluation.table(rows);
        assertThat(table.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(4);
        assertThat(table).contains("| content | no result: content: none of the");
        assertThat(table).containsPattern("\\| item-knn \\| 0\\.\\d{4} \\|");
        assertThat(said).anyMatch(l -> l.startsWith("[2/3] content has no result"));
        assertThat(said).anyMatch(l -> l.startsWith("[3/3] item-knn: ndcg@10 "));
    }

    @Test
    void aTableOfOnlyFailuresStillSaysWhy() {
        String table =
                RecommenderEvaluation.table(
                        List.of(
                                RecommenderEvaluation.Row.failed(
                                        "ease", "needs 1.2 GB | more", java.time.Duration.ZERO)));
        assertThat(table).contains("| ease | no result: needs 1.2 GB / more |");
    }
}
