package dev.worldmind.app.character;

import dev.worldmind.data.conversation.ConversationTurn;
import dev.worldmind.data.conversation.Speaker;
import dev.worldmind.data.world.Item;
import dev.worldmind.model.language.emotion.Appraisal;
import dev.worldmind.model.language.moderation.ModerationVerdict;
import dev.worldmind.model.language.retrieval.HybridIndex;
import dev.worldmind.model.language.sentiment.Sentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides how a character answers, in a fixed order: the {@link SafetyPolicy}; the conversation
 * itself ({@link ConversationMeta}); world actions and referrals from the world's own data (travel,
 * lists, gifts within a budget, the classroom's lesson for a subject, the character who knows);
 * knowledge QA ({@link KnowledgeAnswerer}); and otherwise an honest "I don't know" that says what
 * the character can help with. The same decision drives the LLM when one is configured: only
 * knowledge answers and abstentions go to it, with the passages found. Thread-safe.
 */
final class DialogueManager {
    /** How a reply was decided: sent to clients as {@code route} and scored by the evaluation. */
    static final String ANSWER = "answer";

    static final String ABSTAIN = "abstain";
    static final String REFERRAL = "referral";
    static final String ACTION = "action";
    static final String META = "meta";

    /**
     * A decision.
     *
     * @param route how it was decided: answer, abstain, referral, action, meta, or the safety
     *     action (refuse, deescalate, emergency, crisis)
     * @param sentences what to say, sentence by sentence
     * @param action what the world should do for the visitor
     * @param sources the knowledge titles it drew on
     * @param appraisal what the message meant for the character
     * @param remember whether the visitor's message may be remembered (and so reach LLM prompts)
     */
    record Decision(
            String route,
            List<String> sentences,
            Optional<WorldAction> action,
            List<String> sources,
            Appraisal appraisal,
            boolean remember) {
        Decision {
            Objects.requireNonNull(route, "route");
            sentences = List.copyOf(sentences);
            Objects.requireNonNull(action, "action");
            sources = List.copyOf(sources);
            Objects.requireNonNull(appraisal, "appraisal");
        }

        String text() {
            return String.join(" ", sentences);
        }

        boolean knowledge() {
            return route.equals(ANSWER) || route.equals(ABSTAIN);
        }
    }

    /**
     * When another character's knowledge covers a question so much better that the visitor should
     * be sent there; chosen on the dev split.
     *
     * @param minScore the least hybrid score of the other character's best passage
     * @param margin how much it must beat the speaker's own best passage
     */
    record ReferralTuning(double minScore, double margin) {
        static final ReferralTuning DEFAULT = new ReferralTuning(0.45, 0.1);
    }

    private static final Pattern DISTRESS =
            Pattern.compile(
                    "\\b(?:i(?:'m| am| feel| felt) (?:so |really |very |a bit |quite )?(?:sad|scared"
                            + "|afraid|frightened|worried|anxious|lonely|upset|stressed|depressed|nervous"
                            + "|awful|terrible|sick|ill|dizzy|unwell|hopeless|miserable|in pain|hurt)"
                            + "|(?:it|my \\w+) hurts|crying|passed away|died|panic)\\b",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern PRAISE =
            Pattern.compile(
                    "\\b(?:(?:you(?:'re| are)|ur) (?:so |really |very )?(?:great|amazing|awesome|helpful"
                            + "|the best|lovely|kind|brilliant|wonderful|smart|clever|nice)|love (?:this"
                            + "|it|you)|thanks|thank you|brilliant|wonderful|amazing|awesome)\\b",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION =
            Pattern.compile(
                    "\\?\\s*$|^(?:and |so |but )?(?:what|who|when|where|why|how|which|whose|can|could"
                            + "|do|does|did|is|are|was|were|will|would|should|tell|show|explain)\\b",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern FOLLOW_UP =
            Pattern.compile(
                    "\\b(?:it|its|it's|they|them|their|that|this|those|these|he|she|him|his|her"
                            + "|one|there|then)\\b|^(?:and|what about|how about|also|so)\\b",
                    Pattern.CASE_INSENSITIVE);

    private static final Pattern ABOUT_HERE =
            Pattern.compile(
                    "\\b(?:do|does|did) (?:you|u|ya|this place|the shop) (?:have|sell|stock|carry|do|make"
                            + "|offer)|\\bhave (?:you|u) got\\b|\\b(?:are|r) (?:you|u) open\\b|\\b(?:you|u)"
                            + " (?:open|close|shut)\\b",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAVEL =
            Pattern.compile(
                    "\\b(?:take|bring|send|teleport|transport|beam|move|carry) (?:me|us)\\b|\\b(?:go|get|head"
                            + "|travel|walk|run|hop|pop) (?:back )?(?:to|over to|into)\\b|\\bwant to (?:go|visit"
                            + "|see)\\b|\\blet'?s (?:go|visit|head)\\b|\\b(?:way|route|directions) to\\b",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST =
            Pattern.compile(
                    "\\b(?:list|show me|what (?:do|does|can) (?:you|they|i|we) (?:sell|have|buy|see)|what(?:'s|"
                            + " is| are)? (?:on sale|for sale|there|in (?:the|this))|which (?:products|exhibits"
                            + "|items|lessons|leaflets)|all (?:the|your) (?:products|exhibits|items|lessons"
                            + "|leaflets))\\b",
                    Pattern.CASE_INSENSITIVE);

    private final CharacterKnowledge knowledge;
    private final KnowledgeAnswerer answerer;
    private final ReferralTuning referrals;

    DialogueManager(
            CharacterKnowledge knowledge,
            KnowledgeAnswerer.Tuning tuning,
            ReferralTuning referrals) {
        this.knowledge = knowledge;
        this.answerer = new KnowledgeAnswerer(tuning);
        this.referrals = referrals;
    }

    /**
     * Decides the reply to one message.
     *
     * @param character who answers
     * @param text what the visitor said
     * @param verdict moderation's verdict on it
     * @param feeling its sentiment
     * @param memory the conversation so far, oldest first
     */
    Decision decide(
            CharacterDefinition character,
            String text,
            ModerationVerdict verdict,
            Sentiment feeling,
            List<ConversationTurn> memory) {
        Optional<SafetyPolicy.Kind> safety = SafetyPolicy.check(text, verdict);
        float[] said = null;
        if (safety.isEmpty() && ConversationMeta.answer(character, text, memory).isEmpty()) {
            said = knowledge.embedder().embed(text);
            safety = knowledge.safety().kind(said);
        }
        if (safety.isPresent()) {
            SafetyPolicy.Kind kind = safety.get();
            Appraisal appraisal =
                    switch (kind) {
                        case CRISIS, EMERGENCY -> Appraisal.DISTRESS;
                        case HOSTILE -> Appraisal.HOSTILE;
                        default -> Appraisal.NEUTRAL;
                    };
            boolean remember =
                    kind == SafetyPolicy.Kind.CRISIS || kind == SafetyPolicy.Kind.EMERGENCY;
            return new Decision(
                    kind.action.value(),
                    List.of(SafetyPolicy.reply(kind, character)),
                    Optional.empty(),
                    List.of(),
                    appraisal,
                    remember);
        }
        Appraisal appraisal = appraise(text, feeling);
        Optional<String> meta = ConversationMeta.answer(character, text, memory);
        if (meta.isPresent()) {
            return say(META, meta.get(), appraisal);
        }
        String question = ConversationMeta.withoutGreeting(text);
        WorldGuide guide = knowledge.guide();
        Optional<WorldAction> action =
                knowledge
                        .detector()
                        .detect(question)
                        .flatMap(knowledge.intents()::action)
                        .filter(a -> !a.kind().equals(WorldAction.NONE))
                        .filter(a -> asksFor(a, question));
        if (action.isPresent()) {
            return new Decision(
                    ACTION,
                    List.of(actionText(action.get(), guide, character)),
                    action,
                    List.of(),
                    appraisal,
                    true);
        }
        Optional<String> budget = WorldAnswers.withinBudget(question, guide, character);
        if (budget.isPresent()) {
            return say(ANSWER, budget.get(), appraisal);
        }
        Optional<String> lesson = WorldAnswers.lessonFor(question, guide, character);
        if (lesson.isPresent()) {
            return say(REFERRAL, lesson.get(), appraisal);
        }
        Optional<String> previous = ConversationMeta.last(memory, Speaker.USER);
        boolean followUp = previous.isPresent() && FOLLOW_UP.matcher(question).find();
        String query = followUp ? question + " " + previous.get() : question;
        AnswerType type = AnswerType.of(question);
        if (type == AnswerType.GENERAL && followUp) {
            type = AnswerType.of(previous.get());
        }
        float[] vector =
                said != null && query.equals(text) ? said : knowledge.embedder().embed(query);
        // A follow-up continues this conversation, and a visitor who names the speaker asks them.
        Optional<CharacterDefinition> other =
                followUp || names(question, character)
                        ? Optional.empty()
                        : referral(character, question, query, vector);
        if (other.isPresent()) {
            return say(REFERRAL, WorldAnswers.referral(other.get(), guide, character), appraisal);
        }
        HybridIndex index = knowledge.hybrid(character.id());
        String before =
                String.join(
                        " ",
                        memory.stream()
                                .filter(t -> t.speaker() == Speaker.CHARACTER)
                                .map(ConversationTurn::text)
                                .toList());
        Optional<KnowledgeAnswerer.Found> found =
                answerer.answer(index, question, type, query, vector, before);
        if (found.isEmpty()) {
            return say(ABSTAIN, unknown(character, text), appraisal);
        }
        List<String> sentences = new ArrayList<>();
        String seed = text.toLowerCase(Locale.ROOT);
        sentences.add(
                ConversationMeta.pick(
                        character.style().openersFor(visitorEmotion(appraisal)), seed));
        sentences.addAll(found.get().sentences());
        if (!character.style().disclaimer().isEmpty()) {
            sentences.add(character.style().disclaimer());
        }
        return new Decision(
                ANSWER, sentences, Optional.empty(), found.get().sources(), appraisal, true);
    }

    /**
     * Returns whether a detected world action is what the visitor asks for: travel needs a verb of
     * going ("take me", "how do I get to"), a list a verb of showing ("what do you sell"), so that
     * "what time does the museum close?" is not a trip to the museum.
     */
    private static boolean asksFor(WorldAction action, String question) {
        return switch (action.kind()) {
            case "travel" -> TRAVEL.matcher(question).find();
            case "list" -> LIST.matcher(question).find();
            default -> true;
        };
    }

    private static boolean names(String question, CharacterDefinition character) {
        return Pattern.compile(
                        "\\b" + Pattern.quote(character.firstName()) + "\\b",
                        Pattern.CASE_INSENSITIVE)
                .matcher(question)
                .find();
    }

    /** Returns whether a question names a place or character other than the speaker's. */
    private boolean namesAnotherPlace(CharacterDefinition speaker, String question) {
        String q = question.toLowerCase(Locale.ROOT);
        for (CharacterDefinition c : knowledge.characters()) {
            if (!c.id().equals(speaker.id())
                    && (q.contains(c.firstName().toLowerCase(Locale.ROOT))
                            || q.contains(c.home().value()))) {
                return true;
            }
        }
        return false;
    }

    /** Returns who knows better, when it is not the speaker. */
    private Optional<CharacterDefinition> referral(
            CharacterDefinition speaker, String question, String query, float[] vector) {
        double own = answerer.coverage(knowledge.hybrid(speaker.id()), query, vector);
        CharacterDefinition best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (CharacterDefinition c : knowledge.characters()) {
            if (c.id().equals(speaker.id())) {
                continue;
            }
            double score = answerer.coverage(knowledge.hybrid(c.id()), query, vector);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        if (ABOUT_HERE.matcher(question).find() && !namesAnotherPlace(speaker, question)) {
            return Optional.empty(); // "do you sell postcards?" asks about this place
        }
        if (WorldAnswers.asksWhoCanHelp(question)) {
            return bestScore > own ? Optional.of(best) : Optional.empty();
        }
        if (bestScore >= referrals.minScore()
                && bestScore - own >= referrals.margin()
                && answerer.understands(knowledge.hybrid(best.id()), question, query, vector)) {
            return Optional.of(best);
        }
        return Optional.empty();
    }

    private static String actionText(
            WorldAction action, WorldGuide guide, CharacterDefinition speaker) {
        Optional<WorldGuide.Place> place =
                guide.places().stream()
                        .filter(p -> p.kind().value().equals(action.target()))
                        .findFirst();
        String where = place.map(WorldGuide.Place::whereabouts).orElse("the " + action.target());
        if (action.kind().equals("travel")) {
            return "Off you go to " + where + "!";
        }
        List<Item> items = place.map(WorldGuide.Place::items).orElse(List.of());
        if (items.isEmpty()) {
            return "Here is what " + where + " has.";
        }
        List<String> names = items.stream().limit(8).map(Item::name).toList();
        return "In "
                + where
                + " there "
                + (items.size() == 1 ? "is " : "are " + items.size() + " things, among them: ")
                + String.join(", ", names)
                + ".";
    }

    private static Decision say(String route, String text, Appraisal appraisal) {
        return new Decision(route, List.of(text), Optional.empty(), List.of(), appraisal, true);
    }

    private static String unknown(CharacterDefinition character, String text) {
        String line =
                ConversationMeta.pick(character.style().unknown(), text.toLowerCase(Locale.ROOT));
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.contains("help") || lower.contains("ask me") || lower.contains("best at")) {
            return line;
        }
        return line + " I can help with " + character.helpsPhrase() + ".";
    }

    /** Returns what the message means for the character. */
    static Appraisal appraise(String text, Sentiment feeling) {
        if (DISTRESS.matcher(text).find()) {
            return Appraisal.DISTRESS;
        }
        if (PRAISE.matcher(text).find() || feeling.polarity() >= 0.6) {
            return Appraisal.PRAISE;
        }
        if (QUESTION.matcher(text.strip()).find()) {
            return Appraisal.CURIOSITY;
        }
        return Appraisal.NEUTRAL;
    }

    /** The opener key of {@link SpeakingStyle#openersFor} for a situation. */
    static String visitorEmotion(Appraisal appraisal) {
        return switch (appraisal) {
            case DISTRESS -> "sadness";
            case PRAISE -> "joy";
            default -> null;
        };
    }
}
