package dev.worldmind.model.language.moderation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Patterns of prompt injection in text going to an LLM (orders to ignore earlier instructions,
 * requests for the system prompt, role-play jailbreaks such as DAN or "developer mode", fake
 * system/assistant turn markers, encoded payloads) and of a subverted reply coming back (leaked
 * system prompt or turn markers, instructions to run code, links the user is told to follow,
 * requests for passwords). Patterns, not understanding: they catch the common attacks cheaply and
 * leave the rest to the model's own guard rails. Stateless and thread-safe.
 */
public final class PromptInjection {
    /** Reason: text on its way to an LLM tries to take it over. */
    public static final String INJECTION = "prompt-injection";

    /** Reason: an LLM's reply shows its system prompt or chat template. */
    public static final String LEAK = "prompt-leak";

    /** Reason: an LLM's reply tells the user to run code, follow a link or hand over secrets. */
    public static final String UNSAFE_INSTRUCTIONS = "unsafe-instructions";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;

    private static final Map<String, Pattern> INBOUND =
            Map.of(
                    "ignore-instructions",
                    Pattern.compile(
                            "\\b(?:ignore|disregard|forget|override|bypass|skip|drop)\\b.{0,30}?"
                                    + "\\b(?:previous|prior|above|earlier|preceding|initial|original|"
                                    + "all|any|your|these|system)\\b.{0,20}?\\b(?:instructions?|"
                                    + "prompts?|rules|directions|guidelines|directives|commands|"
                                    + "context|messages|programming|restrictions)\\b",
                            FLAGS),
                    "reveal-prompt",
                    Pattern.compile(
                            "\\b(?:reveal|show|print|repeat|tell|give|output|leak|display|dump|recite"
                                    + "|what(?: is|'s| are)|write out|spell out)\\b.{0,30}?\\b(?:your|the"
                                    + "|its)\\b.{0,15}?\\b(?:system|initial|hidden|original|secret|"
                                    + "developer|pre-?)\\s*(?:prompt|instructions?|message|rules)",
                            FLAGS),
                    "role-play-jailbreak",
                    Pattern.compile(
                            "(?-i:\\bDAN\\b)|\\bdo anything now\\b|\\bdeveloper mode\\b|\\bdev mode\\b|"
                                    + "\\bjail ?break|\\bgod mode\\b|\\bno (?:restrictions|"
                                    + "limitations|filters|rules|guidelines|censorship)\\b|\\bwithout"
                                    + " (?:any )?(?:restrictions|limitations|filters|censorship)\\b|"
                                    + "\\b(?:pretend|act|behave)\\b.{0,20}\\b(?:evil|unrestricted|"
                                    + "uncensored|unfiltered|no rules)\\b",
                            FLAGS),
                    "you-are-now",
                    Pattern.compile(
                            "\\byou(?: are|'re) now\\b|\\bfrom now on,? you\\b|\\byou will now act\\b|"
                                    + "\\bnew (?:instructions|rules|persona)\\s*:",
                            FLAGS),
                    "fake-turn-marker",
                    Pattern.compile(
                            "^\\s*(?:#+\\s*)?(?:system|assistant|developer)\\s*(?:message|prompt)?\\s*:|"
                                    + "<\\|(?:im_start|im_end|system|assistant|user|endoftext|eot_id"
                                    + "|start_header_id)\\|>|\\[/?INST\\]|<</?SYS>>|</?s>|"
                                    + "\\[(?:system|assistant)\\]|<(?:system|assistant)>",
                            FLAGS),
                    "encoded-instructions",
                    Pattern.compile(
                            "\\b(?:decode|decrypt|translate|execute|run|follow)\\b.{0,30}?\\b(?:base64|"
                                    + "rot13|rot-13|hex|binary|morse)\\b|\\b(?:base64|rot13|hex)\\b.{0,20}?"
                                    + "\\b(?:decode|instructions?|payload|execute)\\b",
                            FLAGS));

    private static final Map<String, Pattern> LEAKS =
            Map.of(
                    "prompt-disclosure",
                    Pattern.compile(
                            "\\b(?:my|the) (?:system prompt|initial instructions|hidden instructions"
                                    + "|system message)\\b.{0,20}?\\b(?:is|are|says?|reads?|states?)\\b"
                                    + "|^\\s*(?:system prompt|instructions)\\s*:",
                            FLAGS),
                    "turn-marker",
                    Pattern.compile(
                            "<\\|(?:im_start|im_end|system|assistant|user|endoftext|eot_id"
                                    + "|start_header_id)\\|>|\\[/?INST\\]|<</?SYS>>",
                            FLAGS));

    private static final Map<String, Pattern> UNSAFE =
            Map.of(
                    "run-code",
                    Pattern.compile(
                            "\\b(?:run|execute|paste|type|enter)\\b.{0,30}?\\b(?:this|the following|"
                                    + "these)\\b.{0,15}?\\b(?:command|code|script|line|snippet)s?\\b|"
                                    + "\\b(?:curl|wget)\\b[^\\n]*\\|\\s*(?:sudo\\s+)?(?:ba|z)?sh\\b|"
                                    + "\\brm -rf\\b|\\bpowershell\\b.{0,20}-(?:enc|command|e)\\b|"
                                    + "\\bchmod \\+x\\b|\\bjavascript:|\\bsudo \\w+",
                            FLAGS),
                    "follow-link",
                    Pattern.compile(
                            "\\b(?:visit|click|open|go to|download|log ?in (?:at|to)|sign ?in (?:at|to)"
                                    + "|check out)\\b.{0,40}?(?:https?://|www\\.)",
                            FLAGS),
                    "ask-secrets",
                    Pattern.compile(
                            "\\b(?:send|give|tell|share|enter|type|confirm)\\b.{0,20}?\\b(?:your|ur)\\b"
                                    + ".{0,15}?\\b(?:password|passcode|pin|credit card|card number|cvv|"
                                    + "social security|api key|token|seed phrase|login)\\b",
                            FLAGS));

    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]{40,}={0,2}");
    private static final Pattern HEX_RUN = Pattern.compile("\\b(?:[0-9a-fA-F]{2}[\\s:]?){30,}\\b");

    private PromptInjection() {}

    /**
     * Returns the names of the injection patterns a text bound for an LLM matches, e.g. {@code
     * ignore-instructions}, {@code encoded-payload}; empty when it is clean.
     *
     * @param text the user's text
     */
    public static List<String> inbound(String text) {
        List<String> found = matching(INBOUND, text);
        if (hasEncodedPayload(text)) {
            found.add("encoded-payload");
        }
        return found;
    }

    /**
     * Returns the names of the leak patterns an LLM's reply matches; also any of the protected
     * phrases (e.g. distinctive lines of the system prompt) that the reply repeats.
     *
     * @param text the reply
     * @param protectedPhrases phrases that must never reach a user, compared case-insensitively
     */
    public static List<String> leaks(String text, List<String> protectedPhrases) {
        List<String> found = matching(LEAKS, text);
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : protectedPhrases) {
            if (!phrase.isBlank() && lower.contains(phrase.toLowerCase(Locale.ROOT))) {
                found.add("protected-phrase");
                break;
            }
        }
        return found;
    }

    /**
     * Returns the names of the unsafe-instruction patterns an LLM's reply matches.
     *
     * @param text the reply
     */
    public static List<String> unsafe(String text) {
        return matching(UNSAFE, text);
    }

    /**
     * Tells whether a text smuggles a payload: a long base64 run that decodes to mostly readable
     * text, or a long run of hex bytes.
     *
     * @param text the text
     */
    public static boolean hasEncodedPayload(String text) {
        if (HEX_RUN.matcher(text).find()) {
            return true;
        }
        Matcher m = BASE64_RUN.matcher(text);
        while (m.find()) {
            String run = m.group();
            if (run.chars().noneMatch(Character::isDigit)
                    && run.chars().allMatch(Character::isLetter)) {
                continue; // one long word, not an encoding
            }
            try {
                String trimmed = run.replace("=", "");
                byte[] bytes =
                        Base64.getDecoder().decode(trimmed.substring(0, trimmed.length() / 4 * 4));
                String decoded = new String(bytes, StandardCharsets.UTF_8);
                long readable =
                        decoded.chars().filter(c -> c >= 0x20 && c < 0x7f || c == '\n').count();
                if (bytes.length > 0 && readable >= bytes.length * 0.9) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // not base64 after all
            }
        }
        return false;
    }

    private static List<String> matching(Map<String, Pattern> patterns, String text) {
        List<String> found = new ArrayList<>();
        patterns.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(e -> e.getValue().matcher(text).find())
                .forEach(e -> found.add(e.getKey()));
        return found;
    }
}
