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
import dev.worldmind.model.language.emotion.Appraisal;
import dev.worldmind.model.language.emotion.EmotionLevels;
import dev.worldmind.model.language.emotion.EmotionState;
import dev.worldmind.model.language.emotion.Expression;
import dev.worldmind.model.language.moderation.Channel;
import dev.worldmind.model.language.moderation.ModerationVerdict;
import dev.worldmind.model.language.moderation.Moderator;
import dev.worldmind.model.language.retrieval.Chunker;
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
 * The steps from one message to its reply: sentiment and moderation, then the {@link
 * DialogueManager}'s decision (safety policy, the conversation itself, world actions and referrals,
 * knowledge or an honest "I don't know"), the character's feeling toward the visitor, the LLM for
 * knowledge answers when one is configured, and remembering. The embedded reply streams sentence by
 * sentence. Stateless apart from its collaborators, which are all thread-safe; runs on the host's
 * worker threads.
 *
 * @param sentiment reads how positive a message is
 * @param moderator checks messages and LLM replies
 * @param conversations the per-user memory
 * @param settings memory turns and retrieval k
 * @param clock the time turns are remembered at
 * @param manager decides each reply
 * @param chat the LLM with its fallback
 */
record TalkPipeline(
        SentimentAnalyzer sentiment,
        Moderator moderator,
        ConversationStore conversations,
        DialogueSettings settings,
        Clock clock,
        DialogueManager manager,
        FallbackChat chat) {
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
        List<ConversationTurn> memory =
                conversations.recent(request.accountId(), character.id(), settings.memoryTurns());
        DialogueManager.Decision decision =
                manager.decide(character, text, verdict, feeling, memory);
        boolean safety =
                !decision.route().equals(DialogueManager.ANSWER)
                        && !decision.route().equals(DialogueManager.ABSTAIN)
                        && !decision.route().equals(DialogueManager.REFERRAL)
                        && !decision.route().equals(DialogueManager.ACTION)
                        && !decision.route().equals(DialogueManager.META);
        EmotionState toward = resident.visitors().toward(request.accountId());
        EmotionLevels feelings = toward.appraise(decision.appraisal(), character.caring());
        resident.mood().appraise(decision.appraisal(), character.caring());
        Expression face =
                decision.appraisal() == Appraisal.DISTRESS
                        ? Expression.CONCERNED
                        : feelings.expression();
        if (!safety && !verdict.allowed()) {
            // Withheld text is neither sent to an LLM nor remembered (memory goes into prompts).
            String refusal = CharacterPrompt.refusal(character, verdict.reasons());
            listener.onToken(refusal);
            return new Reply(
                    character.id(),
                    refusal,
                    face,
                    feelings,
                    Optional.empty(),
                    List.of(),
                    FallbackChat.EMBEDDED,
                    false,
                    verdict,
                    false,
                    "withheld");
        }
        if (!llm || !decision.knowledge()) {
            String said = stream(decision.sentences(), listener);
            if (decision.remember()) {
                remember(request.accountId(), character.id(), text, said);
            }
            return new Reply(
                    character.id(),
                    said,
                    face,
                    feelings,
                    decision.action(),
                    decision.sources(),
                    FallbackChat.EMBEDDED,
                    false,
                    verdict,
                    false,
                    decision.route());
        }
        List<RetrievalHit> passages = new ArrayList<>();
        for (RetrievalHit hit : resident.index().search(text, settings.retrievalK())) {
            if (hit.score() >= MIN_PASSAGE_SCORE) {
                passages.add(hit);
            }
        }
        DialogueRequest ask =
                new DialogueRequest(
                        CharacterPrompt.system(
                                character,
                                request.userName(),
                                feelings,
                                passages,
                                Optional.empty()),
                        memory.stream().map(t -> new DialogueTurn(t.speaker(), t.text())).toList(),
                        text);
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
                        reply -> moderator.check(reply, Channel.FROM_LLM).allowed(),
                        decision::text);
        String said = truncate(outcome.text().strip());
        remember(request.accountId(), character.id(), text, said);
        boolean fellBack = outcome.fellBack();
        return new Reply(
                character.id(),
                said,
                face,
                feelings,
                Optional.empty(),
                fellBack ? decision.sources() : titles(passages),
                outcome.provider(),
                fellBack,
                verdict,
                outcome.fallback() == DialogueOutcome.Fallback.WITHHELD,
                fellBack ? decision.route() : DialogueManager.ANSWER);
    }

    /** Sends a reply sentence by sentence and returns its text. */
    private static String stream(List<String> sentences, TalkListener listener) {
        StringBuilder said = new StringBuilder();
        for (String part : sentences) {
            // A decision's part can hold several sentences (a referral, a safety reply).
            List<String> split = Chunker.sentences(part);
            for (String sentence : split.isEmpty() ? List.of(part) : split) {
                String piece = said.length() == 0 ? sentence : " " + sentence;
                listener.onToken(piece);
                said.append(piece);
            }
        }
        return truncate(said.toString().strip());
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
