package dev.worldmind.app.character;

import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, and whether a sentence can be one: "when was it made"
 * needs a date, "how long" a duration, "who painted it" a person, "how much" a price. A sentence of
 * the kind asked for wins over any that is not; for prices, opening hours, dates and durations only
 * such a sentence can answer, and when there is none the character says it does not know.
 */
enum AnswerType {
    HOURS(
            "\\b(?:opening (?:hours|times)|open(?:ing)? (?:on|at|till|until)|(?:what time|when) (?:do|does"
                    + " (?:it|the \\w+)|are|is) (?:you |it |they |the \\w+ )?(?:open|close|shut)|are you open"
                    + "|is (?:it|the \\w+) open|close[sd]? at|hours)\\b",
            "\\b(?:\\d{1,2}(?::\\d{2})? ?(?:am|pm|o'clock)|\\d{1,2}:\\d{2}|noon|midnight|always open"
                    + "|open (?:all|any|every|day|around|round|24)|any time|every day|day and night|24 hours"
                    + "|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:in the|at"
                    + " night|o'clock)|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?"
                    + "|sundays?|weekdays?|weekends?)\\b"),
    WHEN(
            "^(?:and )?when\\b|\\bwhen (?:was|were|did|is|does|do|will)\\b|\\bwhat (?:year|century|date"
                    + "|day|time)\\b|\\bwhich (?:year|century|day)\\b|\\bhow old\\b|\\bhow long ago\\b",
            "\\b(?:1\\d{3}s?|20\\d{2}|\\d{1,2}(?:st|nd|rd|th) century|century|centuries|bc|ad|decade"
                    + "|years? (?:ago|old)|ancient|monday|tuesday|wednesday|thursday|friday|saturday"
                    + "|sunday|january|february|march|april|may|june|july|august|september|october"
                    + "|november|december|noon|midnight|morning|evening|afternoon|\\d{1,2}(?::\\d{2})?"
                    + " ?(?:am|pm)|minutes?|hours?|days?|weeks?|every day|daily)\\b"),
    DURATION(
            "\\bhow long\\b(?! ago)|\\bhow much time\\b|\\bfor how long\\b",
            "\\b(?:(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty"
                    + "|thirty|forty|forty-five|fifty|sixty|ninety|a few|several|a couple of|half an?)"
                    + "(?: or \\w+)? (?:seconds?|minutes?|mins?|hours?|days?|nights?|weeks?|months?"
                    + "|years?)|lasts?|lasting|overnight|forever|permanent(?:ly)?)\\b"),
    WHO(
            "^(?:and )?who\\b|\\bwho(?:'s| is| was| made| painted| built| carved| created| designed"
                    + "| wrote| sculpted| runs| leads| teaches)\\b|\\bwhose\\b|\\bby whom\\b|\\bwhich"
                    + " (?:artist|painter|sculptor|maker|person)\\b|\\bwhat (?:artist|painter|sculptor"
                    + "|maker)\\b",
            "(?<!^)(?<![.!?] )\\b[A-Z][a-z]+|\\b(?:artist|painter|sculptor|potter|maker|makers|knitter"
                    + "|nurse|tutor|guide|greeter|assistant|craftsman|craftsmen|monks?|artisans?"
                    + "|family|workshop|students?|scientists?|astronomers?|greek|japanese|french|dutch"
                    + "|i am|i'm)\\b"),
    WHERE(
            "^(?:and )?where\\b|\\bwhere(?:'s| is| are| do| can| was| did)\\b|\\bwhich way\\b"
                    + "|\\bhow do i (?:get|find|go)\\b|\\bhow (?:can|to) (?:i )?(?:get|find) (?:to|the)\\b"
                    + "|\\bin which (?:room|part|space)\\b",
            "\\b(?:east|west|north|south|left|right|next to|near|beside|behind|opposite|corner|wall"
                    + "|room|gallery|entrance|middle|centre|center|shelf|shelves|counter|table|window"
                    + "|plaza|museum|classroom|shop|clinic|portal|ring|board|fountain|top bar|button"
                    + "|from|in (?:the|a|your)|on (?:the|a)|at the|made in|comes? from|grown|garden"
                    + "|town|city|country|japan|france|greece|paris)\\b"),
    PRICE(
            "(?<!by )\\bhow much\\b|\\bprice\\b|\\bcost(?:s|ing)?\\b|\\bpricey\\b|\\bexpensive\\b"
                    + "|\\bcheap(?:er|est)?\\b|\\bafford\\b",
            "\\b\\d+(?:[.,]\\d+)? ?(?:credits?|cr)\\b|\\bfree\\b|\\bcosts? \\d"),
    NUMBER(
            "\\bhow (?:many|far|big|tall|high|wide|heavy|large|often|deep|hot|warm|cold)\\b"
                    + "|\\bnumber of\\b|\\bwhat size\\b|\\bby how much\\b|\\bhow much (?:water|sleep)\\b",
            "\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
                    + "|thirty|forty|fifty|sixty|hundred|hundreds|thousand|thousands|million|dozen|few"
                    + "|several|once|twice|half|quarter)\\b"),
    WHY(
            "^(?:and )?why\\b|\\bwhy (?:do|does|is|are|did|was|were|can|should|would)\\b|\\bhow come\\b"
                    + "|\\bwhat (?:causes|makes)\\b|\\bwhat is the reason\\b",
            "\\b(?:because|so that|since|due to|which is why|that is why|that's why|causes?|caused"
                    + "|reason|thanks to|as a result|means|makes?|helps?|in order to|so (?:the|it|they"
                    + "|you|we)|pulls?|keeps?|leads? to|gives?|lets?)\\b"),
    GENERAL("(?!)", "");

    private static final Pattern OPENING =
            Pattern.compile(
                    "\\b(?:open|opens|opening|close|closes|closed|closing|shut|hours|staffed)\\b",
                    Pattern.CASE_INSENSITIVE);

    private final Pattern question;
    private final Pattern answer;

    AnswerType(String question, String answer) {
        this.question = Pattern.compile(question, Pattern.CASE_INSENSITIVE);
        // Only WHO tells names by their capital letter; every other kind ignores case.
        this.answer =
                Pattern.compile(
                        answer,
                        question.startsWith("^(?:and )?who") ? 0 : Pattern.CASE_INSENSITIVE);
    }

    /**
     * Returns what a question asks for; {@link #GENERAL} when it is not one of the typed kinds.
     *
     * @param question the question, as typed
     */
    static AnswerType of(String question) {
        String q = question.strip();
        for (AnswerType t : values()) {
            if (t != GENERAL && t.question.matcher(q).find()) {
                // "how much water", "by how much" are quantities, "how much time" a duration.
                if (t == PRICE && DURATION.question.matcher(q).find()) {
                    return DURATION;
                }
                if (t == PRICE && NUMBER.question.matcher(q).find()) {
                    return NUMBER;
                }
                return t;
            }
        }
        return GENERAL;
    }

    /**
     * Returns whether only a sentence of this type can answer: a price, opening hours, a date or
     * time for "when", a duration for "how long".
     */
    boolean strict() {
        return this == PRICE || this == HOURS || this == WHEN || this == DURATION;
    }

    /**
     * Returns whether a sentence can answer this kind of question.
     *
     * @param sentence the sentence, as written
     */
    boolean fits(String sentence) {
        if (this == GENERAL) {
            return true;
        }
        if (this == HOURS && !OPENING.matcher(sentence).find()) {
            return false; // "the noon meet-up" is a time, not an opening hour
        }
        return answer.matcher(sentence).find();
    }
}
