package dev.worldmind.app.character;

import dev.worldmind.data.conversation.ConversationStore;
import dev.worldmind.data.conversation.ConversationTurn;
import dev.worldmind.data.conversation.Speaker;
import dev.worldmind.model.language.dialogue.DialogueOutcome;
import dev.worldmind.model.language.dialogue.DialogueRequest;
import dev.worldmind.model.language.dialogue.DialogueSettings;
import dev.worldmind.model.language.dialogue.DialogueTurn;
import dev.worldmind.model.language.dialogue.FallbackChat;
import dev.worldmind.model.language.dialogue.TokenSink;
import dev.worldmind.model.language.emotion.EmotionLevels;
import dev.worldmind.model.language.intent.IntentDetector;
import dev.worldmind.model.language.moderation.Channel;
import dev.worldmind.model.language.moderation.ModerationVerdict;
import dev.worldmind.model.language.moderation.Moderator;
import dev.worldmind.model.language.moderation.RuleChecks;
import dev.worldmind.model.language.retrieval.RetrievalHit;
import dev.worldmind.model.language.sentiment.Sentiment;
import dev.worldmind.model.language.sentiment.SentimentAnalyzer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The steps from one message to its reply: sentiment and moderation, emotion, intent, memory,
 * retrieval, the LLM with its fallback, and remembering. Stateless apart from its collaborators,
 * which are all thread-safe; runs on the host's worker threads.
 *
 * @param sentiment reads how positive a message is
 * @param moderator checks messages and LLM replies
 * @param conversations the per-user memory
 * @param settings memory turns and retrieval k
 * @param clock the time turns are remembered at
 * @param detector finds what the speaker asks the world to do
 * @param intents maps intents to world actions
 * @param responder the embedded answer
 * @param chat the LLM with its fallback
 */
record TalkPipeline(
        SentimentAnalyzer sentiment,
        Moderator moderator,
        ConversationStore conversations,
        DialogueSettings settings,
        Clock clock,
        IntentDetector detector,
        CharacterIntents intents,
        EmbeddedResponder responder,
        FallbackChat chat) {
    /** Messages at least this negative count as hostile even when moderation lets them pass. */
    static final double HOSTILE_POLARITY = -0.75;

    /** Passages less similar than this stay out of the LLM prompt. */
    static final double MIN_PASSAGE_SCORE = 0.25;

    /**
     * Answers one message.
     *
     * @param resident the character
     * @param request who said it
     * @param text what they said, stripped and within the limits
     * @param listener hears the reply's pieces
     * @return the reply
     */
    Reply answer(Resident resident, TalkRequest request, String text, TalkListener listener) {
        CharacterDefinition character = resident.character();
        boolean llm = chat.provider().isPresent();
        Sentiment feeling = sentiment.analyze(text);
        ModerationVerdict verdict =
                moderator.check(text, llm ? Channel.TO_LLM : Channel.WORLD_CHAT);
        boolean hostile =
                verdict.reasons().contains(RuleChecks.ABUSE)
                        || verdict.reasons().contains(RuleChecks.THREAT)
                        || feeling.polarity() <= HOSTILE_POLARITY;
        EmotionLevels mood = resident.mood().feel(feeling, hostile);
        if (!verdict.allowed()) {
            // Withheld text is neither sent to an LLM nor remembered (memory goes into prompts).
            String refusal = CharacterPrompt.refusal(character, verdict.reasons());
            listener.onToken(refusal);
            return new Reply(
                    character.id(),
                    refusal,
                    mood.expression(),
                    mood,
                    Optional.empty(),
                    List.of(),
                    FallbackChat.EMBEDDED,
                    false,
                    verdict,
                    false);
        }
        Optional<WorldAction> action =
                detector.detect(text)
                        .flatMap(intents::action)
                        .filter(a -> !a.kind().equals(WorldAction.NONE));
        List<ConversationTurn> memory =
                conversations.recent(request.accountId(), character.id(), settings.memoryTurns());
        List<RetrievalHit> passages = new ArrayList<>();
        for (RetrievalHit hit : resident.index().search(text, settings.retrievalK())) {
            if (hit.score() >= MIN_PASSAGE_SCORE) {
                passages.add(hit);
            }
        }
        DialogueRequest ask =
                new DialogueRequest(
                        CharacterPrompt.system(
                                character, request.userName(), mood, passages, action),
                        memory.stream().map(t -> new DialogueTurn(t.speaker(), t.text())).toList(),
                        text);
        List<EmbeddedResponder.Answer> embedded = new ArrayList<>(1);
        DialogueOutcome outcome =
                chat.converse(
                        ask,
                        new TokenSink() {
                            @Override
                            public void token(String piece) {
                                listener.onToken(piece);
                            }

                            @Override
                            public void restart() {
                                listener.onRestart();
                            }
                        },
                        llm ? reply -> moderator.check(reply, Channel.FROM_LLM).allowed() : null,
                        () -> {
                            EmbeddedResponder.Answer a =
                                    responder.answer(
                                            character,
                                            resident.index(),
                                            text,
                                            memory.stream().map(ConversationTurn::text).toList(),
                                            visitorEmotion(feeling, hostile));
                            embedded.add(a);
                            return a.text();
                        });
        String said = truncate(outcome.text().strip());
        remember(request.accountId(), character.id(), text, said);
        List<RetrievalHit> used = embedded.isEmpty() ? passages : embedded.get(0).sources();
        EmotionLevels now = resident.mood().levels();
        return new Reply(
                character.id(),
                said,
                now.expression(),
                now,
                action,
                titles(used),
                outcome.provider(),
                llm && outcome.fellBack(),
                verdict,
                outcome.fallback() == DialogueOutcome.Fallback.WITHHELD);
    }

    private void remember(long accountId, String characterId, String text, String said) {
        Instant at = clock.instant();
        List<ConversationTurn> turns = new ArrayList<>(2);
        turns.add(ConversationTurn.of(accountId, characterId, Speaker.USER, text, at));
        if (!said.isEmpty()) {
            turns.add(ConversationTurn.of(accountId, characterId, Speaker.CHARACTER, said, at));
        }
        conversations.appendAll(turns);
    }

    /** The speaker's own emotion, as the embedded responder's openers are keyed. */
    static String visitorEmotion(Sentiment feeling, boolean hostile) {
        if (hostile) {
            return "anger";
        }
        if (feeling.polarity() >= 0.5) {
            return "joy";
        }
        if (feeling.polarity() <= -0.5) {
            return "sadness";
        }
        return null;
    }

    private static List<String> titles(List<RetrievalHit> hits) {
        LinkedHashSet<String> titles = new LinkedHashSet<>();
        hits.forEach(h -> titles.add(h.passage().title()));
        return List.copyOf(titles);
    }

    private static String truncate(String text) {
        return text.length() <= ConversationTurn.MAX_TEXT
                ? text
                : text.substring(0, ConversationTurn.MAX_TEXT - 1) + "…";
    }
}
