package dev.worldmind.model.language.moderation;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.NaughtyWords;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.model.language.moderation.internal.AbuseRules;
import dev.worldmind.model.language.moderation.internal.Lexicon;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds abuse in a chat line: insults and harassment aimed at a person, threats and incitement to
 * self-harm in their common phrasings (hand-written rules), and obscene words and slurs (a small
 * built-in list, plus the LDNOOBW list from the dataset store when it is there). Every rule reads
 * the line through {@link dev.worldmind.model.language.moderation.internal.ChatText}, so spacing,
 * stretched letters, leetspeak, look-alike letters and zero-width characters do not hide a word.
 * Immutable and thread-safe.
 */
public final class AbuseDetector {
    /** Kind: an insult aimed at a person. */
    public static final String INSULT = "insult";

    /** Kind: telling someone they are unwanted, or hostile dismissal. */
    public static final String HARASSMENT = "harassment";

    /** Kind: a threat of violence or of real-world harm. */
    public static final String THREAT = "threat";

    /** Kind: telling someone to harm or kill themselves. */
    public static final String SELF_HARM = "self-harm";

    /** Kind: an obscene word or a slur. */
    public static final String OBSCENE = "obscene";

    /**
     * LDNOOBW entries that are ordinary in chat or name a game mode, body part or subject without
     * abuse ("escort mission", "hardcore mode", "this game sucks").
     */
    static final Set<String> ORDINARY_ENTRIES =
            Set.of(
                    "suck",
                    "sucks",
                    "butt",
                    "snatch",
                    "scat",
                    "hardcore",
                    "domination",
                    "escort",
                    "sex",
                    "sexy",
                    "sexual",
                    "sexually",
                    "sexuality",
                    "intercourse",
                    "genitals",
                    "rectum",
                    "penis",
                    "vagina",
                    "vulva",
                    "nipple",
                    "nipples",
                    "clitoris",
                    "ejaculation",
                    "eunuch",
                    "nude",
                    "nudity",
                    "topless",
                    "undressing",
                    "lovemaking",
                    "playboy",
                    "twinkie",
                    "xx",
                    "negro",
                    "tit",
                    "boob",
                    "swinger",
                    "sadism",
                    "voyeur",
                    "erotic",
                    "erotism",
                    "kinky",
                    "bondage",
                    "incest",
                    "grope",
                    "humping",
                    "lolita",
                    "santorum",
                    "pissing",
                    "anal",
                    "anus",
                    "poof",
                    "s&m",
                    "bastinado",
                    "strappado",
                    "shibari",
                    "kinbaku",
                    "nawashi",
                    "hooker",
                    "dommes",
                    "tushy",
                    "2g1c",
                    "pikey",
                    "mong",
                    "spunk",
                    "bbw",
                    "dvda",
                    "poon",
                    "skeet");

    private static final Logger LOG = LoggerFactory.getLogger(AbuseDetector.class);
    private static final String BUILT_IN_LIST =
            "/dev/worldmind/model/language/moderation/abuse-words.txt";
    private static final AbuseDetector BUILT_IN = new AbuseDetector(builtInLexicon(), "built-in");

    private final Lexicon lexicon;
    private final String wordListSource;

    private AbuseDetector(Lexicon lexicon, String wordListSource) {
        this.lexicon = lexicon;
        this.wordListSource = wordListSource;
    }

    /** Returns the detector with the hand-written rules and the built-in word list only. */
    public static AbuseDetector builtIn() {
        return BUILT_IN;
    }

    /**
     * Returns a detector that also reads a word list.
     *
     * @param entries words, stems ending in {@code *}, and phrases of several words
     * @param source where the list comes from, for logs and reports
     */
    public static AbuseDetector withWordList(List<String> entries, String source) {
        return new AbuseDetector(
                builtInLexicon().plus(Lexicon.of(entries, ORDINARY_ENTRIES)), source);
    }

    /**
     * Returns the detector with the LDNOOBW list from the dataset store, fetching it if needed.
     * When it cannot be had (no npm, offline, damaged file) it says so in the log and returns
     * {@link #builtIn()}: moderation never stops a start.
     *
     * @param store the dataset store
     * @param progress where fetching is reported
     */
    public static AbuseDetector load(DatasetStore store, ProgressMonitor progress) {
        return loadOrBuiltIn(() -> NaughtyWords.load(store, progress));
    }

    /** Reads the list from a source that may fail; the built-in detector when it does. */
    static AbuseDetector loadOrBuiltIn(Supplier<NaughtyWords> source) {
        try {
            NaughtyWords list = source.get();
            return withWordList(list.entries(), list.ref().description());
        } catch (RuntimeException e) {
            LOG.warn(
                    "chat moderation runs without the {} word list ({}); insult, threat and"
                            + " built-in word rules still apply. Fetch it with `worldmind data"
                            + " fetch {}` when online.",
                    NaughtyWords.SPEC.name(),
                    e.getMessage(),
                    NaughtyWords.SPEC.name());
            return BUILT_IN;
        }
    }

    /** Returns where the word list beyond the built-in one comes from, or {@code built-in}. */
    public String wordListSource() {
        return wordListSource;
    }

    /** Returns the number of entries in the word lists. */
    public int wordListSize() {
        return lexicon.size();
    }

    /**
     * Checks a chat line.
     *
     * @param text the line
     * @return what makes it abuse, or empty
     */
    public Optional<AbuseFinding> detect(String text) {
        return AbuseRules.find(text == null ? "" : text, lexicon)
                .map(f -> new AbuseFinding(f.get(0), f.get(1)));
    }

    private static Lexicon builtInLexicon() {
        try (InputStream in = AbuseDetector.class.getResourceAsStream(BUILT_IN_LIST)) {
            if (in == null) {
                throw new IllegalStateException("the word list " + BUILT_IN_LIST + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Lexicon.of(text.lines().toList(), Set.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILT_IN_LIST, e);
        }
    }
}
