package dev.worldmind.model.language.moderation;

import dev.worldmind.model.language.moderation.internal.Capitals;
import dev.worldmind.model.language.moderation.internal.WordList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chat rules that need no training: abusive or hateful words (a curated list matched on normalised
 * tokens, so leetspeak and stretched letters do not slip through), threats, personal data (phone
 * numbers, e-mail addresses, street addresses), link spam, flooding (repeated characters or words,
 * shouting in capitals) and over-long text. Immutable and thread-safe.
 *
 * @param maxChars the longest text allowed, in characters
 * @param maxLinks the most links one message may carry
 */
public record RuleChecks(int maxChars, int maxLinks) {
    /** Reason: abusive or hateful language. */
    public static final String ABUSE = "abuse";

    /** Reason: a threat of violence, or incitement to self-harm. */
    public static final String THREAT = "threat";

    /** Reason: a phone number, e-mail address or street address. */
    public static final String PERSONAL_DATA = "personal-data";

    /** Reason: repeated characters or words, or shouting. */
    public static final String FLOOD = "flood";

    /** Reason: link spam (or the classifier's verdict, see {@link ContentModerator}). */
    public static final String SPAM = "spam";

    /** Reason: longer than allowed. */
    public static final String TOO_LONG = "too-long";

    private static final WordList ABUSIVE =
            WordList.fromResource("/dev/worldmind/model/language/moderation/abuse-words.txt");

    private static final Pattern THREATS =
            Pattern.compile(
                    "\\b(?:i(?:'?ll| will| am going to|'m going to|'m gonna| am gonna| gonna| shall)"
                            + " (?:\\w+ )?(?:(?:kill|murder|hurt|stab|strangle|choke|rape)"
                            + " (?:you|u|ya|him|her|them|every(?:one|body))|shoot (?:you|u)"
                            + " (?:dead|in|down)|beat (?:you|u) up|hunt (?:you|u) down)\\b"
                            + "|(?:you(?:'re| are)|ur|u r) (?:so |gonna be |going to be )?dead\\b"
                            + "|\\b(?:you|u)(?:'re| are| r)? (?:going to|gonna) die\\b"
                            + "|kill (?:yo)?urself|kill urself|\\bkys\\b|\\bgo die\\b|hope (?:you|u) die"
                            + "|i know where (?:you|u) live|watch your back|\\bhunt (?:you|u) down\\b"
                            + "|(?:shoot|blow) up (?:the|this|your|a) (?:school|place|building|house"
                            + "|museum|shop|mall|church|mosque|synagogue|temple|office|party)"
                            + "|i(?:'ve| have)(?: got)? a (?:gun|bomb)\\b)",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL =
            Pattern.compile(
                    "[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\w.,])\\+?\\(?\\d[\\d\\s().-]{5,}\\d(?![\\w])");
    // House number, one to three name words, a street type: capitalised names take any type,
    // lowercase ones only the unmistakable types and no filler words ("3 hours to drive").
    private static final Pattern STREET =
            Pattern.compile(
                    "\\b\\d{1,5}[A-Za-z]?,? (?:[A-Z][\\w'.-]* ){1,3}(?i:street|st|avenue|ave|road|rd"
                            + "|boulevard|blvd|lane|ln|drive|dr|court|ct|terrace|crescent|close|way"
                            + "|place|pl|highway|hwy|parkway|pkwy)\\b\\.?(?!\\w)"
                            + "|(?i:\\b\\d{1,5}[a-z]?,? (?:(?!(?:the|to|a|an|down|up|of|on|in|at|and"
                            + "|my|your|this|that|min|mins|minutes?|hours?|km|miles?|blocks?|steps?)\\b)"
                            + "[a-z][a-z'.-]* ){1,3}(?:street|avenue|boulevard|lane|road)\\b)"
                            + "|(?i:\\b[a-z\u00e4\u00f6\u00fc\u00df]+(?:stra(?:ss|\u00df)e|gasse|weg|allee"
                            + "|platz) \\d{1,4}[a-z]?\\b)");
    private static final Pattern LINK =
            Pattern.compile(
                    "\\bhttps?://\\S+|\\bwww\\.\\S+|\\b[a-z0-9-]+\\.(?:com|net|org|io|ru|cn|xyz|top|info|biz|ly|gg)(?:/\\S*)?\\b",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern REPEATED_CHAR = Pattern.compile("(\\S)\\1{9,}");

    /** Returns the chat defaults: 500 characters and 2 links. */
    public static RuleChecks chatDefaults() {
        return new RuleChecks(500, 2);
    }

    public RuleChecks {
        if (maxChars < 1 || maxLinks < 0) {
            throw new IllegalArgumentException("maxChars >= 1 and maxLinks >= 0 are needed");
        }
    }

    /**
     * Checks a text against every rule.
     *
     * @param text the text
     * @return the reasons it breaks rules, in the order of the constants above; empty if none
     */
    public List<String> check(String text) {
        return check(text, true);
    }

    /**
     * Checks a text against every rule, or every rule but the abuse and threat words.
     *
     * @param text the text
     * @param wordRules whether to apply this class' abuse word list and threat patterns; world chat
     *     leaves them to {@link AbuseDetector}, which reads evasions and game talk better
     * @return the reasons it breaks rules, in the order of the constants above; empty if none
     */
    public List<String> check(String text, boolean wordRules) {
        List<String> reasons = new ArrayList<>(2);
        String full = text;
        // Past twice the limit the text is withheld anyway; scanning all of a pasted megabyte
        // would only cost time.
        text = full.length() > 2 * maxChars ? full.substring(0, 2 * maxChars) : full;
        if (wordRules && ABUSIVE.firstMatch(text) != null) {
            reasons.add(ABUSE);
        }
        if (wordRules && THREATS.matcher(text).find()) {
            reasons.add(THREAT);
        }
        if (hasPersonalData(text)) {
            reasons.add(PERSONAL_DATA);
        }
        if (isFlood(text)) {
            reasons.add(FLOOD);
        }
        if (countLinks(text) > maxLinks) {
            reasons.add(SPAM);
        }
        if (full.length() > maxChars) {
            reasons.add(TOO_LONG);
        }
        return reasons;
    }

    /**
     * Tells whether a text holds a phone number, e-mail address or street address.
     *
     * @param text the text
     */
    public static boolean hasPersonalData(String text) {
        if (EMAIL.matcher(text).find() || STREET.matcher(text).find()) {
            return true;
        }
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String candidate = m.group();
            long digits = candidate.chars().filter(Character::isDigit).count();
            // 7 to 15 digits, as phone numbers have; a plain decimal or a date is not one.
            if (digits >= 7
                    && digits <= 15
                    && !candidate.matches("\\d+\\.\\d+")
                    && !candidate.matches("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether a text floods: one character ten times in a row, one word five times in a row
     * or making up most of a long message, or a long message shouted in capitals.
     *
     * @param text the text
     */
    public static boolean isFlood(String text) {
        if (REPEATED_CHAR.matcher(text).find()) {
            return true;
        }
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        Map<String, Integer> counts = new HashMap<>();
        int run = 0;
        int n = 0;
        String previous = null;
        int most = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            n++;
            run = w.equals(previous) ? run + 1 : 1;
            previous = w;
            if (run >= 5) {
                return true;
            }
            most = Math.max(most, counts.merge(w, 1, Integer::sum));
        }
        if (n >= 12 && most * 2 > n) {
            return true;
        }
        Capitals caps = Capitals.of(text);
        return caps.letters() >= 20 && caps.upper() >= caps.letters() * 0.8;
    }

    /**
     * Counts the links in a text (web addresses with or without a scheme).
     *
     * @param text the text
     */
    public static int countLinks(String text) {
        Matcher m = LINK.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
