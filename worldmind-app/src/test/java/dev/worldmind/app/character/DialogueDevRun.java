package dev.worldmind.app.character;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.VaderLexicon;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.language.moderation.ContentModerator;
import dev.worldmind.model.language.sentiment.VaderAnalyzer;
import dev.worldmind.testing.TestHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prints the dev split and its wrong answers: the loop for tuning (run by hand). */
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
            var result =
                    DialogueEvaluation.run(
                            knowledge,
                            moderator,
                            sentiment,
                            DialogueEvaluation.builtInBanks(library),
                            false);
            System.out.println(result.toTable());
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
            }
        }
    }
}
