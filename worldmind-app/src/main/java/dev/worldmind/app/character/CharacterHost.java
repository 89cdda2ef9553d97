package dev.worldmind.app.character;

import dev.worldmind.app.character.TalkRejectedException.Reason;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.conversation.ConversationStore;
import dev.worldmind.data.conversation.ConversationTurn;
import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.model.language.dialogue.ChatProvider;
import dev.worldmind.model.language.dialogue.DialogueSettings;
import dev.worldmind.model.language.dialogue.FallbackChat;
import dev.worldmind.model.language.dialogue.LangChainChatProvider;
import dev.worldmind.model.language.emotion.EmotionLevels;
import dev.worldmind.model.language.moderation.Moderator;
import dev.worldmind.model.language.sentiment.SentimentAnalyzer;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The AI characters of a world, ready to talk: the one facade the server uses. For each message it
 * moderates the text, moves the character's emotions by its sentiment, detects what the speaker
 * asks the world to do, retrieves the character's knowledge, asks the configured LLM (streaming,
 * bounded in time, its output moderated a sentence at a time) or else the embedded responder, and
 * remembers both turns in the speaker's conversation memory.
 *
 * <pre>{@code
 * try (CharacterHost host = CharacterHost.builder()
 *         .setLibrary(CharacterLibrary.builtIn())
 *         .setEmbedder(embedder)
 *         .setSentiment(sentiment)
 *         .setModerator(moderator)
 *         .setConversations(new ConversationStore(db))
 *         .optSettings(settings)
 *         .build()) {
 *     host.talk(new TalkRequest("iris", accountId, "Ada", "Who painted the Great Wave?"), listener);
 * }
 * }</pre>
 *
 * <p>{@link #talk} returns at once; the work runs on a small pool of worker threads with a bounded
 * queue, and a message that finds the queue full is refused ({@link Reason#BUSY}) rather than left
 * waiting. Each character has one emotional state, shared by everyone talking to it. Thread-safe.
 * Closing stops the workers and the LLM provider the host created; the embedder, analyzer,
 * moderator and store belong to the caller.
 */
public final class CharacterHost implements AutoCloseable {
    /** The longest message a character accepts, in characters. */
    public static final int MAX_TEXT = 500;

    private final Residents residents;
    private final CharacterKnowledge knowledge;
    private final TalkPipeline pipeline;
    private final boolean ownsProvider;
    private final TalkQueue queue;

    private CharacterHost(Builder b, Optional<ChatProvider> provider, boolean ownsProvider) {
        CharacterKnowledge knowledge = b.knowledge;
        this.residents = new Residents(knowledge, b.clock);
        this.knowledge = knowledge;
        this.pipeline =
                new TalkPipeline(
                        b.sentiment,
                        b.moderator,
                        b.conversations,
                        b.settings,
                        b.clock,
                        new DialogueManager(
                                knowledge,
                                KnowledgeAnswerer.Tuning.DEFAULT,
                                DialogueManager.ReferralTuning.DEFAULT),
                        FallbackChat.create(provider, b.settings));
        this.ownsProvider = ownsProvider;
        this.queue = new TalkQueue(pipeline, b.workers, b.queueCapacity);
    }

    /**
     * Returns lines of the characters' system prompt that no reply should repeat: give them to the
     * moderator (e.g. {@code ContentModerator.builder().optProtectedPhrases(...)}) so that a reply
     * leaking the prompt is withheld.
     */
    public static List<String> protectedPhrases() {
        return List.of(CharacterPrompt.CONVERSATION_RULE, CharacterPrompt.KNOWLEDGE_RULE);
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts answering a message; returns at once.
     *
     * @param request who says what to which character
     * @param listener hears the reply as it streams, then the reply or the error
     * @return completes with the same reply (or error) the listener hears
     * @throws TalkRejectedException when the text is blank ({@link Reason#EMPTY}) or longer than
     *     {@value #MAX_TEXT} characters ({@link Reason#TOO_LONG}), the queue is full ({@link
     *     Reason#BUSY}) or the host is closed ({@link Reason#CLOSED}); the listener hears nothing
     * @throws NotFoundException for an unknown character
     */
    public CompletableFuture<Reply> talk(TalkRequest request, TalkListener listener) {
        Objects.requireNonNull(listener, "listener");
        String text = TalkQueue.admit(request);
        Resident resident = residents.get(request.characterId());
        return queue.submit(resident, request, text, listener);
    }

    /**
     * Forgets what a person said to the characters, and the answers.
     *
     * @param accountId the person's account
     * @param characterId one character, or empty for all of them
     * @return how many turns were forgotten
     * @throws NotFoundException for an unknown character
     */
    public int forget(long accountId, Optional<String> characterId) {
        if (characterId.isPresent()) {
            return pipeline.conversations()
                    .delete(accountId, residents.get(characterId.get()).character().id());
        }
        return pipeline.conversations().delete(accountId);
    }

    /**
     * Returns a person's conversation with a character, oldest first.
     *
     * @param accountId the person's account
     * @param characterId the character
     * @param limit how many turns at most
     * @throws NotFoundException for an unknown character
     */
    public List<ConversationTurn> history(long accountId, String characterId, int limit) {
        return pipeline.conversations()
                .recent(accountId, residents.get(characterId).character().id(), limit);
    }

    /** Returns the characters' embedded knowledge, to reuse in another host. */
    public CharacterKnowledge knowledge() {
        return knowledge;
    }

    /**
     * Returns how a character feels now; {@link EmotionLevels#expression()} is its avatar's face.
     *
     * @param characterId the character
     * @throws NotFoundException for an unknown character
     */
    public EmotionLevels emotion(String characterId) {
        return residents.get(characterId).mood().levels();
    }

    /** Returns the characters, in library order. */
    public List<CharacterDefinition> characters() {
        return residents.characters();
    }

    /** Returns the dialogue settings in force. */
    public DialogueSettings settings() {
        return pipeline.settings();
    }

    /** Returns the LLM's name, or {@code embedded} when none is configured. */
    public String providerName() {
        return pipeline.chat().provider().map(ChatProvider::name).orElse(FallbackChat.EMBEDDED);
    }

    /**
     * Stops taking messages, interrupts replies in progress and closes the LLM provider it made.
     */
    @Override
    public void close() {
        queue.close();
        if (ownsProvider) {
            pipeline.chat().provider().ifPresent(ChatProvider::close);
        }
    }

    /** Builds a {@link CharacterHost}: set the required parts, opt the rest. */
    public static final class Builder {
        private CharacterLibrary library;
        private TextEmbedder embedder;
        private SentimentAnalyzer sentiment;
        private Moderator moderator;
        private ConversationStore conversations;
        private DialogueSettings settings = DialogueSettings.defaults();
        private Clock clock = Clock.systemUTC();
        private CharacterIntents intents;
        private WorldGuide guide;
        private ChatProvider provider;
        private CharacterKnowledge knowledge;
        private int workers = 2;
        private int queueCapacity = 32;

        private Builder() {}

        /**
         * Sets the characters (required unless {@link #optKnowledge} is used).
         *
         * @param library the library
         */
        public Builder setLibrary(CharacterLibrary library) {
            this.library = library;
            return this;
        }

        /**
         * Sets the sentence embedder for knowledge and intents (required unless {@link
         * #optKnowledge} is used; stays the caller's).
         *
         * @param embedder the embedder
         */
        public Builder setEmbedder(TextEmbedder embedder) {
            this.embedder = embedder;
            return this;
        }

        /**
         * Sets what reads the sentiment of messages (required).
         *
         * @param sentiment the analyzer
         */
        public Builder setSentiment(SentimentAnalyzer sentiment) {
            this.sentiment = sentiment;
            return this;
        }

        /**
         * Sets what checks messages and LLM replies (required).
         *
         * @param moderator the moderator
         */
        public Builder setModerator(Moderator moderator) {
            this.moderator = moderator;
            return this;
        }

        /**
         * Sets the conversation memory (required).
         *
         * @param conversations the store
         */
        public Builder setConversations(ConversationStore conversations) {
            this.conversations = conversations;
            return this;
        }

        /**
         * Sets the dialogue settings (default: no LLM).
         *
         * @param settings the settings
         */
        public Builder optSettings(DialogueSettings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Sets the clock for emotion decay and turn times (default: the system clock, UTC).
         *
         * @param clock the clock
         */
        public Builder optClock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets the intents (default: the built-in ones).
         *
         * @param intents the intents
         */
        public Builder optIntents(CharacterIntents intents) {
            this.intents = intents;
            return this;
        }

        /**
         * Uses knowledge embedded beforehand instead of embedding the library's (then the library,
         * embedder and intents need not be set).
         *
         * @param knowledge the characters' embedded knowledge and intents
         */
        public Builder optKnowledge(CharacterKnowledge knowledge) {
            this.knowledge = knowledge;
            return this;
        }

        /**
         * Sets the world the characters describe (default: the default world's spaces).
         *
         * @param guide the world
         */
        public Builder optWorld(WorldGuide guide) {
            this.guide = guide;
            return this;
        }

        /**
         * Uses this LLM instead of the one the settings name (the caller keeps ownership); the
         * settings' timeouts still apply.
         *
         * @param provider the provider
         */
        public Builder optProvider(ChatProvider provider) {
            this.provider = provider;
            return this;
        }

        /**
         * Sets how many messages are answered at once (default 2).
         *
         * @param workers at least 1
         */
        public Builder optWorkers(int workers) {
            this.workers = workers;
            return this;
        }

        /**
         * Sets how many messages may wait for a worker before more are refused (default 32).
         *
         * @param capacity at least 1
         */
        public Builder optQueueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Builds the host, indexing every character's knowledge once.
         *
         * @throws IllegalArgumentException when a required part is missing or a size is not
         *     positive
         */
        public CharacterHost build() {
            if (knowledge == null) {
                require(library, "a character library");
                require(embedder, "a text embedder");
            }
            require(sentiment, "a sentiment analyzer");
            require(moderator, "a moderator");
            require(conversations, "a conversation store");
            require(settings, "dialogue settings");
            require(clock, "a clock");
            if (workers < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException(
                        "a character host needs at least one worker and one queue place");
            }
            if (knowledge == null) {
                knowledge =
                        CharacterKnowledge.build(
                                library,
                                intents == null ? CharacterIntents.builtIn() : intents,
                                embedder,
                                guide == null ? WorldGuide.defaultWorld(library.all()) : guide);
            }
            if (provider != null) {
                return new CharacterHost(this, Optional.of(provider), false);
            }
            return new CharacterHost(this, LangChainChatProvider.fromSettings(settings), true);
        }

        private static void require(Object part, String what) {
            if (part == null) {
                throw new IllegalArgumentException("a character host needs " + what);
            }
        }
    }
}
