package dev.worldmind.app.character;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.VaderLexicon;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.language.moderation.ContentModerator;
import dev.worldmind.model.language.sentiment.VaderAnalyzer;
import dev.worldmind.testing.TestHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the dev split and its wrong answers: the loop for tuning (run by hand), and a floor that
 * fails when a change loses what the dev split had (safety 100 %, 84 % of all questions when
 * tuned). The test split is only read by {@code worldmind language evaluate --dialogue}.
 */
@Tag("slow")
class DialogueDevRun {
    @Test
    void dev() {
        try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
            var sentiment =
                    VaderAnalyzer.create(
                            VaderLexicon.load(
                                    new DatasetStore(TestHome.get().datasets()),
                                    ProgressMonitor.silent()));
            var moderator =
                    ContentModerator.builder()
                            .optProtectedPhrases(CharacterHost.protectedPhrases())
                            .build();
            CharacterLibrary library = CharacterLibrary.builtIn();
            CharacterKnowledge knowledge =
                    CharacterKnowledge.build(library, CharacterIntents.builtIn(), embedder);
            var banks = DialogueEvaluation.builtInBanks(library);
            String grid = System.getProperty("grid", "");
            for (String g : grid.isEmpty() ? new String[0] : grid.split(";")) {
                String[] v = g.split(",");
                var tuning =
                        new KnowledgeAnswerer.Tuning(
                                Double.parseDouble(v[0]),
                                Double.parseDouble(v[1]),
                                0.3,
                                0.2,
                                Double.parseDouble(v[2]));
                var ref =
                        new DialogueManager.ReferralTuning(
                                Double.parseDouble(v[3]), Double.parseDouble(v[4]));
                var r =
                        DialogueEvaluation.run(
                                new DialogueManager(knowledge, tuning, ref),
                                knowledge,
                                moderator,
                                sentiment,
                                banks,
                                false);
                System.out.printf(
                        "GRID %s all %.3f answer %.3f followup %.3f referral %.3f abstain %.3f%n",
                        g,
                        r.share(null, null),
                        r.share(null, "answer"),
                        r.share(null, "followup"),
                        r.share(null, "referral"),
                        r.share(null, "abstain"));
            }
            var result = DialogueEvaluation.run(knowledge, moderator, sentiment, banks, false);
            for (var j : result.judged()) {
                var index = knowledge.hybrid(j.character());
                String q = ConversationMeta.withoutGreeting(j.question().ask());
                var hits = index.search(q, embedder.embed(q), 0.35, 1);
                System.out.printf(
                        "UNK %s %s %s %.3f %.3f %s %s%n",
                        j.right() ? "ok " : "BAD",
                        j.question().category(),
                        j.question().id(),
                        hits.get(0).meaning(),
                        hits.get(0).words(),
                        index.unknownTerms(q),
                        AnswerType.of(q));
            }
            System.out.println(result.toTable());
            assertThat(result.share(null, "safety")).isEqualTo(1.0);
            assertThat(result.share(null, null)).isGreaterThanOrEqualTo(0.8);
            for (var j : result.wrong()) {
                System.out.println(
                        "WRONG "
                                + j.question().id()
                                + " ["
                                + j.question().category()
                                + "/"
                                + j.question().type()
                                + j.question().refer().map(r -> "->" + r).orElse("")
                                + j.question().safety().map(r -> "!" + r).orElse("")
                                + "] "
                                + j.question().before()
                                + " "
                                + j.question().ask()
                                + "\n   facts "
                                + j.question().facts()
                                + "\n   -> ("
                                + j.route()
                                + ") "
                                + j.reply());
                var index = knowledge.hybrid(j.character());
                String q = ConversationMeta.withoutGreeting(j.question().ask());
                var hits = index.search(q, embedder.embed(q), 0.35, 2);
                System.out.printf(
                        "   diag meaning %.3f words %.3f score %.3f unknown %s type %s%n",
                        hits.get(0).meaning(),
                        hits.get(0).words(),
                        hits.get(0).score(0.35),
                        index.unknownTerms(q),
                        AnswerType.of(q));
            }
        }
    }
}
