package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.testing.TestHome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Content-based recommendations from real MiniLM sentence embeddings: the descriptions of one
 * category share meaning but hardly any words, so only an embedder that knows the language groups
 * them.
 */
class ContentBasedIT {
    private static final Map<String, String> TEXTS =
            Map.ofEntries(
                    Map.entry("knit-1", "Merino wool scarf, soft and warm"),
                    Map.entry("knit-2", "Cashmere cardigan with horn buttons"),
                    Map.entry("knit-3", "Chunky knitted beanie for freezing days"),
                    Map.entry("knit-4", "Thick woollen mittens"),
                    Map.entry("cook-1", "Cast iron frying pan"),
                    Map.entry("cook-2", "Stainless steel chef's knife"),
                    Map.entry("cook-3", "Wooden chopping board for vegetables"),
                    Map.entry("cook-4", "Non-stick saucepan with a glass lid"),
                    Map.entry("tech-1", "Bluetooth noise-cancelling headphones"),
                    Map.entry("tech-2", "Portable USB-C phone charger"),
                    Map.entry("tech-3", "Wireless computer mouse"),
                    Map.entry("tech-4", "Smartwatch with heart-rate monitor"));

    @Test
    void recommendsItemsOfTheCategoryTheUserLikes() {
        TestHome.get();
        InteractionMatrix shop = shop();
        try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
            for (int u = 0; u < shop.users(); u++) {
                String category = shop.userId(u).replace("-fan", "");
                assertThat(topTwo(shop, embedder, u))
                        .as(shop.userId(u))
                        .containsExactlyInAnyOrder(category + "-3", category + "-4");
            }
        }
    }

    /**
     * The control: shared words alone miss it. The knitwear fan's "cardigan with horn buttons"
     * shares only "with", with the saucepan and the smartwatch, and nothing with the beanie.
     */
    @Test
    void aBagOfWordsCannot() {
        InteractionMatrix shop = shop();
        int knitFan = shop.user("knit-fan").getAsInt();
        assertThat(topTwo(shop, new HashedWordsEmbedder(4096), knitFan))
                .containsExactlyInAnyOrder("cook-4", "tech-4");
    }

    private static List<String> topTwo(InteractionMatrix shop, TextEmbedder embedder, int u) {
        Recommender r = ContentBased.of(embedder, TEXTS).fit(shop, ProgressMonitor.silent());
        int[] top = Ranking.top(r.score(u, shop.row(u)), 2, shop.row(u));
        return List.of(shop.itemId(top[0]), shop.itemId(top[1]));
    }

    private static InteractionMatrix shop() {
        List<Interaction> seen = new ArrayList<>();
        for (String category : List.of("knit", "cook", "tech")) {
            seen.add(new Interaction(category + "-fan", category + "-1", 1, 1));
            seen.add(new Interaction(category + "-fan", category + "-2", 1, 2));
        }
        return InteractionMatrix.of(
                seen,
                List.of("cook-fan", "knit-fan", "tech-fan"),
                TEXTS.keySet().stream().sorted().toList());
    }
}
