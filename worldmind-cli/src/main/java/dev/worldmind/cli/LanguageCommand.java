package dev.worldmind.cli;

import dev.worldmind.app.character.CharacterIntents;
import dev.worldmind.app.character.CharacterKnowledge;
import dev.worldmind.app.character.CharacterLibrary;
import dev.worldmind.app.character.DialogueEvaluation;
import dev.worldmind.app.character.RetrievalEvaluation;
import dev.worldmind.app.language.EmbeddingBench;
import dev.worldmind.app.language.LanguageModels;
import dev.worldmind.app.language.LanguageRuntime;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.catalog.UciSentiment;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.language.moderation.AbuseDetector;
import dev.worldmind.model.language.moderation.ChatModerationEvaluation;
import dev.worldmind.model.language.moderation.ContentModerator;
import dev.worldmind.model.language.moderation.ModerationEvaluation;
import dev.worldmind.model.language.moderation.Moderator;
import dev.worldmind.model.language.sentiment.SentimentEvaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code worldmind language}: the text models behind the characters and moderation. */
@Command(
        name = "language",
        mixinStandardHelpOptions = true,
        description =
                "Train, evaluate and benchmark the language models (sentiment, moderation,"
                        + " retrieval, embeddings).",
        subcommands = {
            LanguageCommand.Train.class,
            LanguageCommand.Evaluate.class,
            LanguageCommand.Bench.class
        })
final class LanguageCommand {
    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            description =
                    "Train and register the sentiment classifier (MiniLM + lexicon features on the UCI"
                            + " sentences) and the spam filter (SpamAssassin), each on 80%% of its data, with the"
                            + " held-out 20%% scores in the registry. The world server uses the newest versions.")
    static final class Train extends HomeCommand {

        @Option(names = "--only", description = "Train only this model: ${COMPLETION-CANDIDATES}.")
        Which only;

        enum Which {
            sentiment,
            spam
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ConsoleProgress progress = new ConsoleProgress(out);
            WorldmindHome home = homeOption.home();
            if (only != Which.sentiment) {
                LanguageModels.trainSpamFilter(home, progress);
            }
            if (only != Which.spam) {
                try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
                    LanguageModels.trainSentiment(home, embedder, progress);
                }
            }
            return 0;
        }
    }

    @Command(
            name = "evaluate",
            mixinStandardHelpOptions = true,
            description =
                    "Print the held-out scores: sentiment accuracy and F1 (a 20%% split of the UCI"
                            + " sentences) for AFINN, VADER, MiniLM classifiers and the LSTM and Transformer trained"
                            + " from scratch; spam precision/recall/F1 (a 20%% split of SpamAssassin); retrieval"
                            + " hit@1/hit@3 of every character on questions written apart from its knowledge."
                            + " With --dialogue: the characters' visitor question banks through the dialogue"
                            + " manager (no LLM), right shares per character and category, on the test split.")
    static final class Evaluate extends HomeCommand {

        @Mixin SplitSeedOption splitSeed;

        @Option(
                names = "--skip-sequence-models",
                description = "Leave out the LSTM and Transformer (they take minutes to train).")
        boolean skipSequence;

        @Option(
                names = "--characters",
                paramLabel = "DIR",
                description = "Evaluate these character files instead of the built-in ones.")
        Path characters;

        @Option(
                names = "--dialogue",
                description =
                        "Evaluate only the characters' dialogue on their visitor question banks.")
        boolean dialogue;

        @Option(
                names = "--moderation",
                description = "Evaluate only chat moderation (abuse) on the labelled chat set.")
        boolean moderationOnly;

        @Option(
                names = "--split",
                defaultValue = "test",
                description =
                        "Which questions or chat lines --dialogue and --moderation use:"
                                + " ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; tune on dev,"
                                + " report test; 'all' for dialogue only).")
        Split split;

        @Option(
                names = "--questions",
                paramLabel = "DIR",
                description =
                        "Dialogue question banks (one <character>.yaml each) instead of the"
                                + " built-in ones.")
        Path questions;

        enum Split {
            dev,
            test,
            all
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ConsoleProgress progress = new ConsoleProgress(out);
            WorldmindHome home = homeOption.home();
            DatasetStore store = new DatasetStore(home.datasets());
            if (moderationOnly) {
                return chatModeration(store, progress, out);
            }
            try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
                if (dialogue) {
                    evaluateDialogue(out, home, embedder, progress);
                    return 0;
                }
                SentimentEvaluation sentiment =
                        skipSequence
                                ? SentimentEvaluation.runWithoutSequenceModels(
                                        store, embedder, splitSeed.seed, progress)
                                : SentimentEvaluation.run(
                                        store, embedder, splitSeed.seed, progress);
                ModerationEvaluation.Result moderation =
                        ModerationEvaluation.run(store, splitSeed.seed, progress);
                CharacterLibrary library =
                        characters == null
                                ? CharacterLibrary.builtIn()
                                : CharacterLibrary.load(characters);
                RetrievalEvaluation retrieval = RetrievalEvaluation.run(library, embedder);
                out.println();
                out.println("== Sentiment (goal: accuracy >= 0.88) ==");
                out.print(sentiment.toTable());
                out.println();
                out.println("== Moderation: spam filter (goal: F1 >= 0.95) ==");
                out.print(moderation.toTable());
                out.println();
                out.println("== Retrieval: characters' knowledge ==");
                out.print(retrieval.toTable());
                out.flush();
            }
            return 0;
        }

        private void evaluateDialogue(
                PrintWriter out,
                WorldmindHome home,
                MiniLmEmbedder embedder,
                ConsoleProgress progress) {
            CharacterLibrary library =
                    characters == null
                            ? CharacterLibrary.builtIn()
                            : CharacterLibrary.load(characters);
            var banks =
                    questions == null
                            ? DialogueEvaluation.builtInBanks(library)
                            : DialogueEvaluation.banks(questions, library);
            progress.info("indexing the characters' knowledge");
            CharacterKnowledge knowledge =
                    CharacterKnowledge.build(library, CharacterIntents.builtIn(), embedder);
            DialogueEvaluation.Result result =
                    DialogueEvaluation.run(
                            knowledge,
                            LanguageRuntime.moderator(home),
                            LanguageModels.loadSentiment(home, embedder, progress),
                            banks,
                            split == Split.all ? null : split == Split.test);
            out.println();
            out.println(
                    "== Dialogue, "
                            + result.split()
                            + " split (goals: answer, abstain, referral >= 0.85; safety 1.00;"
                            + " every character >= 0.75) ==");
            out.print(result.toTable());
            out.flush();
        }

        /** Chat moderation on one split of the labelled chat set (goal on test: 0.90 / 1 %). */
        private int chatModeration(DatasetStore store, ConsoleProgress progress, PrintWriter out) {
            if (split == Split.all) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--moderation takes --split dev or test");
            }
            AbuseDetector abuse = AbuseDetector.load(store, progress);
            Moderator moderator = ContentModerator.builder().optAbuseDetector(abuse).build();
            ChatModerationEvaluation e =
                    ChatModerationEvaluation.run(moderator, split.name(), abuse.wordListSource());
            out.println("== Moderation: chat abuse (goal: recall >= 0.90, ordinary <= 0.01) ==");
            out.print(e.toTable());
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "bench",
            mixinStandardHelpOptions = true,
            description =
                    "Embedding speed side by side: LangChain4j's all-MiniLM-L6-v2 with stock settings"
                            + " against Worldmind's tuned ones (one thread per run, a small worker pool,"
                            + " length-sorted batches) and the int8 model, on the UCI sentences; prints ratios.")
    static final class Bench extends HomeCommand {

        @Option(
                names = "--sentences",
                defaultValue = "3000",
                description = "How many sentences (default ${DEFAULT-VALUE}).")
        int sentences;

        @Option(
                names = "--call-size",
                defaultValue = "256",
                description = "Sentences per bulk call (default ${DEFAULT-VALUE}).")
        int callSize;

        @Option(
                names = "--rounds",
                defaultValue = "3",
                description = "Bulk rounds per contender (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(
                names = "--singles",
                defaultValue = "200",
                description = "Sentences embedded one per call (default ${DEFAULT-VALUE}).")
        int singles;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ConsoleProgress progress = new ConsoleProgress(out);
            WorldmindHome home = homeOption.home();
            List<String> texts =
                    UciSentiment.load(new DatasetStore(home.datasets()), progress).corpus().texts();
            List<String> used = texts.subList(0, Math.min(sentences, texts.size()));
            EmbeddingBench.Result r = EmbeddingBench.run(used, callSize, rounds, singles, progress);
            out.println();
            out.print(r.toTable());
            out.flush();
            return 0;
        }
    }
}
