package dev.worldmind.app.character;

import dev.worldmind.data.conversation.ConversationTurn;
import dev.worldmind.data.conversation.Speaker;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages about the conversation or the character rather than the world: hello, thanks, goodbye,
 * "who are you", "what can you do", "what did I just ask", "say that again". Answered from the
 * character's file and the visitor's conversation memory. Stateless and thread-safe.
 */
final class ConversationMeta {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final String GREETING_WORDS =
            "(?:hi|hello|hey|heya|hiya|howdy|greetings|good (?:morning|afternoon|evening|day)|hallo"
                    + "|yo|hi there|hello there|hey there|morning|evening)\\b";

    /** A greeting in front of something else: "hi! where is the shop?". */
    private static final Pattern GREETING_PREFIX =
            Pattern.compile(
                    "^" + GREETING_WORDS + "(?: (?:there|again|everyone|all))?(?:,? \\w+)?[!,.]+ *",
                    FLAGS);

    private static final Pattern GREETING =
            Pattern.compile(
                    "^"
                            + GREETING_WORDS
                            + "(?: there| everyone| all| again)?(?:,? (?!how\\b)[a-z]+)?"
                            + "(?:[ ,!.]+"
                            + GREETING_WORDS
                            + "(?: to you)?)?[ ,!.]*"
                            + "(?:how are you(?: doing| today)?|how's it going|nice to meet you)?[ !.?]*$",
                    FLAGS);
    private static final Pattern THANKS =
            Pattern.compile(
                    "^(?:(?:ok(?:ay)?|great|cool|perfect|awesome|brilliant|lovely|nice)[,! ]+)?(?:many"
                            + " thanks|thanks|thank you|thank u|thx|ty|ta|cheers|much appreciated"
                            + "|that'?s (?:very |really |so )?(?:helpful|useful|great))\\b[a-z ,'!.]*$",
                    FLAGS);
    private static final Pattern FAREWELL =
            Pattern.compile(
                    "^(?:(?:ok(?:ay)?|thanks|thank you)[,! ]+)?(?:bye|goodbye|good bye|bye bye|see you"
                            + "|see ya|farewell|good night|cya|take care|later|i have to go|i'?m off"
                            + "|i must go|gotta go)\\b[a-z ,'!.]*$",
                    FLAGS);
    private static final Pattern WHO_ARE_YOU =
            Pattern.compile(
                    "\\b(?:who (?:are|might|may) (?:you|u)(?: be)?|who r u|do you (?:like|enjoy|love) (?:it|working|your job|being)|are you happy here|how long have you (?:worked|been)|what(?:'s| is) your name|what are you|your name"
                            + "|introduce yourself|tell me about yourself|what(?:'s| is) your (?:job|role)"
                            + "|what do you do here|are (?:you|u) (?:a |an )?(?:real|human|bot|robot|ai"
                            + "|person|machine|computer|program|npc|alive))\\b",
                    FLAGS);
    private static final Pattern WHAT_CAN_YOU_DO =
            Pattern.compile(
                    "^(?:so |ok |and )?(?:what(?: (?:kind|sort)s? of (?:stuff|things|questions)| else)?"
                            + " can (?:you|u) (?:help (?:me )?(?:with)?|do|tell me(?: about)?|teach(?: me)?"
                            + "|answer)(?: (?:for|here|with))?|how can"
                            + " (?:you|u) help|what do (?:you|u) know(?: about)?|what should i ask"
                            + " (?:you|u)|what are you (?:good|able to help) (?:at|with)|can (?:you|u)"
                            + " help(?: me)?|help|i need help)[ ?!.]*$",
                    FLAGS);
    private static final Pattern WHAT_DID_I_ASK =
            Pattern.compile(
                    "\\b(?:what (?:did|was it) i (?:just |last |first )?(?:ask|say|said|asked)|what was my"
                            + " (?:last |first |previous )?(?:question|message)|what did i ask (?:you )?"
                            + "(?:before|earlier|first|last)|do you remember what i (?:asked|said)"
                            + "|what (?:were|have) we (?:been )?(?:talking|talked|chatting) about"
                            + "|remind me what i (?:asked|said))",
                    FLAGS);
    private static final Pattern SAY_AGAIN =
            Pattern.compile(
                    "^(?:sorry,? )?(?:(?:can|could) you )?(?:please )?(?:say (?:that|it) again|repeat"
                            + " (?:that|it|yourself|your (?:last )?answer)|come again|what did you (?:just )?"
                            + "say|pardon(?: me)?|what was that|huh|i didn'?t (?:get|catch) (?:that|it))"
                            + "(?: please)?(?:[ ?!.,]+(?:i )?(?:missed|didn'?t (?:get|catch|hear)) (?:it|that))?"
                            + "[ ?!.]*$",
                    FLAGS);

    private ConversationMeta() {}

    /**
     * Returns a message without a leading greeting ("hi! where is the shop?" → "where is the
     * shop?"), or the message itself.
     *
     * @param text the message
     */
    static String withoutGreeting(String text) {
        Matcher m = GREETING_PREFIX.matcher(text);
        if (m.lookingAt() && m.end() < text.length()) {
            return text.substring(m.end()).strip();
        }
        return text;
    }

    /**
     * Answers a message about the conversation or the character.
     *
     * @param character who answers
     * @param text the message
     * @param memory the conversation so far, oldest first (both speakers)
     * @return the reply, or empty when the message is about something else
     */
    static Optional<String> answer(
            CharacterDefinition character, String text, List<ConversationTurn> memory) {
        String t = text.strip();
        SpeakingStyle style = character.style();
        String seed = t.toLowerCase(Locale.ROOT);
        if (GREETING.matcher(t).matches()) {
            return Optional.of(pick(style.greetings(), seed));
        }
        if (THANKS.matcher(t).matches()) {
            return Optional.of(pick(style.thanks(), seed));
        }
        if (FAREWELL.matcher(t).matches()) {
            return Optional.of(pick(style.farewells(), seed));
        }
        if (WHAT_DID_I_ASK.matcher(t).find()) {
            return Optional.of(lastAsked(memory));
        }
        if (SAY_AGAIN.matcher(t).matches()) {
            return Optional.of(
                    last(memory, Speaker.CHARACTER)
                            .map(s -> "Of course. I said: " + s)
                            .orElse(
                                    "We've only just started talking, so there's nothing to repeat"
                                            + " yet. Ask me about "
                                            + character.helpsPhrase()
                                            + "."));
        }
        if (WHO_ARE_YOU.matcher(t).find()) {
            return Optional.of(
                    "I'm "
                            + character.name()
                            + ". "
                            + firstSentence(character.persona())
                            + " I'm an AI character, not a real person: I answer from what I know"
                            + " and say so when I don't know something. I can help with "
                            + character.helpsPhrase()
                            + ".");
        }
        if (WHAT_CAN_YOU_DO.matcher(t).matches()) {
            return Optional.of(
                    "I can help with "
                            + character.helpsPhrase()
                            + ". For anything else, I can tell you who in the world knows best.");
        }
        return Optional.empty();
    }

    private static String lastAsked(List<ConversationTurn> memory) {
        List<String> asked =
                memory.stream()
                        .filter(m -> m.speaker() == Speaker.USER)
                        .map(ConversationTurn::text)
                        .toList();
        if (asked.isEmpty()) {
            return "You haven't asked me anything yet: this is the start of our conversation.";
        }
        String last = asked.get(asked.size() - 1);
        if (asked.size() == 1) {
            return "You asked me: \"" + last + "\"";
        }
        return "You just asked me: \""
                + last
                + "\". Before that: \""
                + asked.get(asked.size() - 2)
                + "\"";
    }

    static Optional<String> last(List<ConversationTurn> memory, Speaker speaker) {
        for (int i = memory.size() - 1; i >= 0; i--) {
            if (memory.get(i).speaker() == speaker) {
                return Optional.of(memory.get(i).text());
            }
        }
        return Optional.empty();
    }

    private static String firstSentence(String persona) {
        String s = persona.strip();
        int end = s.indexOf(". ");
        String first = end < 0 ? s : s.substring(0, end + 1);
        // "Juno is the greeter of ..." reads as "I am the greeter of ...".
        return first.replaceFirst("^\\S+ is ", "I'm ").replaceFirst("^\\S+ \\S+ is ", "I'm ");
    }

    static String pick(List<String> lines, String seed) {
        return lines.get(Math.floorMod(seed.hashCode(), lines.size()));
    }
}
