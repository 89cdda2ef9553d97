package dev.worldmind.model.language.moderation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The moderator of world chat and LLM traffic: abuse detection (insults, harassment, threats,
 * obscene words and slurs, read through evasions) on world chat, rule checks on every channel, the
 * spam classifier on what users write (with a high threshold, since chat lines are short and not
 * e-mail), prompt injection patterns on text going to an LLM, and leak and unsafe-instruction
 * patterns on text coming back. Immutable and thread-safe; a chat line is checked in microseconds.
 *
 * <pre>{@code
 * Moderator moderator = ContentModerator.builder()
 *         .optClassifier(SpamClassifier.load(dir))
 *         .build();
 * ModerationVerdict verdict = moderator.check(line, Channel.WORLD_CHAT);
 * }</pre>
 */
public final class ContentModerator implements Moderator {
    /** The default spam probability from which a user's text is withheld. */
    public static final double DEFAULT_SPAM_THRESHOLD = 0.95;

    /** The default fewest words a text needs before the classifier may withhold it. */
    public static final int DEFAULT_MIN_WORDS_FOR_SPAM = 4;

    /** The most characters the injection patterns read of one text. */
    static final int SCAN_CHARS = 20_000;

    /** The most characters the classifier reads of one text. */
    static final int CLASSIFIER_CHARS = 4000;

    private final SpamClassifier classifier;
    private final double spamThreshold;
    private final int minWordsForSpam;
    private final RuleChecks chatRules;
    private final RuleChecks llmRules;
    private final List<String> protectedPhrases;
    private final AbuseDetector abuse;

    private ContentModerator(Builder b) {
        this.classifier = b.classifier;
        this.spamThreshold = b.spamThreshold;
        this.minWordsForSpam = b.minWordsForSpam;
        this.chatRules = b.chatRules;
        this.llmRules = b.llmRules;
        this.protectedPhrases = List.copyOf(b.protectedPhrases);
        this.abuse = b.abuse;
    }

    /** Returns a builder; every setting is optional. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ModerationVerdict check(String text, Channel channel) {
        Objects.requireNonNull(channel, "channel");
        String t = text == null ? "" : text;
        String head = t.length() > SCAN_CHARS ? t.substring(0, SCAN_CHARS) : t;
        Set<String> reasons = new LinkedHashSet<>();
        switch (channel) {
            case WORLD_CHAT -> {
                abuse.detect(head).ifPresent(f -> reasons.add(f.reason()));
                reasons.addAll(chatRules.check(t, false));
            }
            case TO_LLM -> {
                reasons.addAll(llmRules.check(t));
                if (!PromptInjection.inbound(head).isEmpty()) {
                    reasons.add(PromptInjection.INJECTION);
                }
            }
            case FROM_LLM -> {
                reasons.addAll(llmRules.check(t));
                if (!PromptInjection.leaks(head, protectedPhrases).isEmpty()) {
                    reasons.add(PromptInjection.LEAK);
                }
                if (!PromptInjection.unsafe(head).isEmpty()) {
                    reasons.add(PromptInjection.UNSAFE_INSTRUCTIONS);
                }
            }
        }
        double score = 0;
        if (classifier != null && !t.isBlank()) {
            score =
                    classifier.spamProbability(
                            t.length() > CLASSIFIER_CHARS ? t.substring(0, CLASSIFIER_CHARS) : t);
            if (channel != Channel.FROM_LLM
                    && score >= spamThreshold
                    && words(t) >= minWordsForSpam) {
                reasons.add(RuleChecks.SPAM);
            }
        }
        return new ModerationVerdict(reasons.isEmpty(), new ArrayList<>(reasons), score);
    }

    private static int words(String text) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                n++;
            }
            inWord = letter;
        }
        return n;
    }

    /** Collects a moderator's settings. */
    public static final class Builder {
        private SpamClassifier classifier;
        private double spamThreshold = DEFAULT_SPAM_THRESHOLD;
        private int minWordsForSpam = DEFAULT_MIN_WORDS_FOR_SPAM;
        private RuleChecks chatRules = RuleChecks.chatDefaults();
        private RuleChecks llmRules = new RuleChecks(8000, 3);
        private List<String> protectedPhrases = List.of();
        private AbuseDetector abuse = AbuseDetector.builtIn();

        private Builder() {}

        /**
         * Sets the abuse detector for world chat (default {@link AbuseDetector#builtIn()}, which
         * lacks the LDNOOBW list; {@link AbuseDetector#load} adds it from the dataset store).
         *
         * @param value the detector
         */
        public Builder optAbuseDetector(AbuseDetector value) {
            this.abuse = Objects.requireNonNull(value, "abuse");
            return this;
        }

        /**
         * Sets the spam classifier; without one, spam is caught by the link rule only.
         *
         * @param value the classifier
         */
        public Builder optClassifier(SpamClassifier value) {
            this.classifier = Objects.requireNonNull(value, "classifier");
            return this;
        }

        /**
         * Sets the spam probability from which a user's text is withheld (default {@value
         * #DEFAULT_SPAM_THRESHOLD}: high, so friendly chat is never held back).
         *
         * @param value a probability in (0, 1]
         */
        public Builder optSpamThreshold(double value) {
            this.spamThreshold = value;
            return this;
        }

        /**
         * Sets the fewest words a text needs before the classifier may withhold it (default {@value
         * #DEFAULT_MIN_WORDS_FOR_SPAM}): the classifier learned from e-mails and has little to go
         * on in a greeting.
         *
         * @param value the number of words, at least 1
         */
        public Builder optMinWordsForSpam(int value) {
            this.minWordsForSpam = value;
            return this;
        }

        /**
         * Sets the rules for world chat (default {@link RuleChecks#chatDefaults()}).
         *
         * @param value the rules
         */
        public Builder optChatRules(RuleChecks value) {
            this.chatRules = Objects.requireNonNull(value, "chatRules");
            return this;
        }

        /**
         * Sets the rules for text to and from an LLM (default: 8,000 characters, 3 links).
         *
         * @param value the rules
         */
        public Builder optLlmRules(RuleChecks value) {
            this.llmRules = Objects.requireNonNull(value, "llmRules");
            return this;
        }

        /**
         * Sets phrases an LLM's reply must never repeat, e.g. distinctive lines of its system
         * prompt.
         *
         * @param value the phrases
         */
        public Builder optProtectedPhrases(List<String> value) {
            this.protectedPhrases = List.copyOf(value);
            return this;
        }

        /**
         * Builds the moderator.
         *
         * @return the moderator
         * @throws IllegalArgumentException when the threshold or word count is out of range
         */
        public ContentModerator build() {
            if (!(spamThreshold > 0 && spamThreshold <= 1)) {
                throw new IllegalArgumentException(
                        "the spam threshold lies in (0, 1]: " + spamThreshold);
            }
            if (minWordsForSpam < 1) {
                throw new IllegalArgumentException(
                        "minWordsForSpam is at least 1: " + minWordsForSpam);
            }
            return new ContentModerator(this);
        }
    }
}
