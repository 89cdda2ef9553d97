package dev.worldmind.app.language;

import dev.worldmind.app.character.CharacterHost;
import dev.worldmind.app.character.CharacterLibrary;
import dev.worldmind.app.character.WorldGuide;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.conversation.ConversationStore;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.language.dialogue.DialogueSettings;
import dev.worldmind.model.language.moderation.AbuseDetector;
import dev.worldmind.model.language.moderation.ContentModerator;
import dev.worldmind.model.language.moderation.Moderator;
import dev.worldmind.model.language.sentiment.SentimentAnalyzer;
import java.time.Clock;

/**
 * Everything the world's characters run on, loaded together: the MiniLM embedder, the registered
 * sentiment classifier (VADER when none is registered), the moderator with the registered spam
 * filter (rule checks alone when none is), and the character host with each character's knowledge
 * embedded. Loading takes a few seconds; close it to stop the host and free the embedder.
 */
public final class LanguageRuntime implements AutoCloseable {
    private final MiniLmEmbedder embedder;
    private final SentimentAnalyzer sentiment;
    private final Moderator moderator;
    private final CharacterHost host;

    private LanguageRuntime(
            MiniLmEmbedder embedder,
            SentimentAnalyzer sentiment,
            Moderator moderator,
            CharacterHost host) {
        this.embedder = embedder;
        this.sentiment = sentiment;
        this.moderator = moderator;
        this.host = host;
    }

    /**
     * Loads the runtime.
     *
     * @param home the Worldmind home (lexicons in its datasets, trained classifiers in its models)
     * @param library the characters
     * @param conversations where conversations are remembered
     * @param settings which LLM answers, if any
     * @param clock the time source of the characters' emotions
     * @param world the world's places, items and prices the characters refer to
     * @param progress where to report
     * @return the runtime; close it
     */
    public static LanguageRuntime open(
            WorldmindHome home,
            CharacterLibrary library,
            ConversationStore conversations,
            DialogueSettings settings,
            Clock clock,
            WorldGuide world,
            ProgressMonitor progress) {
        MiniLmEmbedder embedder = MiniLmEmbedder.create();
        try {
            SentimentAnalyzer sentiment = LanguageModels.loadSentiment(home, embedder, progress);
            Moderator moderator = moderator(home);
            CharacterHost host =
                    CharacterHost.builder()
                            .setLibrary(library)
                            .setEmbedder(embedder)
                            .setSentiment(sentiment)
                            .setModerator(moderator)
                            .setConversations(conversations)
                            .optSettings(settings)
                            .optClock(clock)
                            .optWorld(world)
                            .build();
            progress.info(
                    "characters ready: "
                            + library.all().size()
                            + ", sentiment "
                            + sentiment.name()
                            + ", replies by "
                            + host.providerName());
            return new LanguageRuntime(embedder, sentiment, moderator, host);
        } catch (RuntimeException e) {
            embedder.close();
            throw e;
        }
    }

    /**
     * Returns the moderator: the rule checks and prompt-injection patterns, chat abuse detection
     * with the LDNOOBW word list from the dataset store (fetched when missing; without it, and a
     * logged warning, when it cannot be had), and the registered spam filter when there is one.
     *
     * @param home the Worldmind home
     */
    public static Moderator moderator(WorldmindHome home) {
        ContentModerator.Builder b = rules();
        b.optAbuseDetector(
                AbuseDetector.load(new DatasetStore(home.datasets()), ProgressMonitor.silent()));
        LanguageModels.loadSpamFilter(home).ifPresent(b::optClassifier);
        return b.build();
    }

    /** Returns the moderator with rule checks only, for before (or without) the spam filter. */
    public static Moderator rulesOnly() {
        return rules().build();
    }

    private static ContentModerator.Builder rules() {
        return ContentModerator.builder().optProtectedPhrases(CharacterHost.protectedPhrases());
    }

    /** Returns the character host. */
    public CharacterHost host() {
        return host;
    }

    /** Returns the moderator. */
    public Moderator moderator() {
        return moderator;
    }

    /** Returns the sentiment analyzer. */
    public SentimentAnalyzer sentiment() {
        return sentiment;
    }

    @Override
    public void close() {
        try {
            host.close();
        } finally {
            embedder.close();
        }
    }
}
