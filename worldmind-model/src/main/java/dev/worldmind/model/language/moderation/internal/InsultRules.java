package dev.worldmind.model.language.moderation.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Insults aimed at a person: an insulting noun or adjective said to {@code you} ("you are a stupid
 * worthless idiot", "ur trash"), or an insulting noun said as a form of address ("shut up, idiot",
 * "what a loser"). Self-talk ("I'm such an idiot") and insults reported or denied ("you called me
 * stupid", "you're not dumb") are left alone, and so are adjectives about things ("this quest is
 * stupid"). Stateless.
 */
final class InsultRules {
    static final Set<String> NOUNS =
            Set.of(
                    "idiot",
                    "idiots",
                    "moron",
                    "morons",
                    "loser",
                    "losers",
                    "imbecile",
                    "cretin",
                    "dimwit",
                    "halfwit",
                    "nitwit",
                    "dumbass",
                    "dumbo",
                    "dunce",
                    "twit",
                    "clown",
                    "jerk",
                    "prick",
                    "twat",
                    "wanker",
                    "tosser",
                    "bellend",
                    "knobhead",
                    "dickhead",
                    "dick",
                    "bastard",
                    "bitch",
                    "asshole",
                    "arsehole",
                    "scum",
                    "scumbag",
                    "trash",
                    "garbage",
                    "freak",
                    "creep",
                    "parasite",
                    "vermin",
                    "rat",
                    "snake",
                    "pig",
                    "cow",
                    "failure",
                    "nobody",
                    "disgrace",
                    "joke",
                    "degenerate",
                    "lowlife",
                    "simp",
                    "virgin",
                    "incel",
                    "neckbeard",
                    "animal",
                    "subhuman",
                    "fool",
                    "retard",
                    "retards",
                    "piece",
                    "waste",
                    "excuse",
                    "muppet",
                    "numpty",
                    "pleb",
                    "peasant",
                    "troll",
                    "cunt",
                    "whore",
                    "slut",
                    "fag",
                    "faggot",
                    "shit",
                    "turd",
                    "maggot",
                    "donkey",
                    "ape",
                    "weirdo",
                    "psycho",
                    "nerd",
                    "dork");

    /** Nouns that are banter among friends: an insult only with more hostility around them. */
    private static final Set<String> MILD = Set.of("nerd", "dork", "weirdo", "clown", "troll");

    static final Set<String> ADJECTIVES =
            Set.of(
                    "stupid",
                    "dumb",
                    "worthless",
                    "useless",
                    "pathetic",
                    "ugly",
                    "fat",
                    "disgusting",
                    "retarded",
                    "brainless",
                    "braindead",
                    "idiotic",
                    "moronic",
                    "gross",
                    "trash",
                    "garbage",
                    "hopeless",
                    "incompetent",
                    "clueless",
                    "dense",
                    "irrelevant",
                    "nothing",
                    "repulsive",
                    "revolting",
                    "vile",
                    "filthy",
                    "dumbest",
                    "stupidest",
                    "ugliest",
                    "worst",
                    "embarrassing",
                    "annoying",
                    "creepy",
                    "sad",
                    "mental",
                    "crap",
                    "shit",
                    "shitty",
                    "awful",
                    "terrible",
                    "inbred",
                    "obese");
    private static final Set<String> HOSTILE =
            Set.of(
                    "stupid",
                    "worthless",
                    "useless",
                    "pathetic",
                    "fucking",
                    "dumb",
                    "absolute",
                    "little",
                    "ugly",
                    "fat",
                    "disgusting",
                    "sad");

    /** Adjectives that are an insult when they are the whole line. */
    private static final Set<String> LONE =
            Set.of("stupid", "pathetic", "worthless", "useless", "retarded", "disgusting", "dumb");

    static final Set<String> YOU =
            Set.of("you", "u", "ya", "yu", "youre", "ur", "yall", "yo", "youll", "youd", "youve");
    private static final Set<String> SELF =
            Set.of("i", "im", "me", "my", "myself", "ive", "id", "ill", "mine", "we", "us", "our");

    /** Words that put someone else, a report or a denial between "you" and the insult. */
    private static final Set<String> BREAK =
            Set.of(
                    "he", "she", "him", "her", "his", "they", "them", "their", "it", "its", "this",
                    "that", "the", "these", "those", "not", "never", "no", "dont", "isnt", "arent",
                    "wasnt", "call", "called", "calling", "calls", "said", "say", "says", "think",
                    "thought", "if", "when", "mean", "meant", "feel", "felt", "made", "make",
                    "makes", "see", "saw", "watch", "want", "need", "got", "get", "beat", "kill",
                    "killed", "lose", "lost", "win", "won", "do", "did", "have", "had", "was",
                    "for", "at", "in", "on", "with", "to", "of", "from", "about");

    /** Interjections that may close a line after an insult ("you're stupid lol"). */
    private static final Set<String> TAIL =
            Set.of(
                    "lol",
                    "lmao",
                    "lmfao",
                    "rofl",
                    "haha",
                    "hahaha",
                    "xd",
                    "bro",
                    "dude",
                    "man",
                    "mate",
                    "smh",
                    "ok",
                    "honestly",
                    "tbh",
                    "fr",
                    "seriously",
                    "lmaoo",
                    "omg",
                    "or",
                    "and",
                    "as",
                    "person",
                    "human",
                    "kid",
                    "guy",
                    "player",
                    "people",
                    "boy",
                    "girl",
                    "thing",
                    "noob",
                    "excuse",
                    "piece",
                    "loser",
                    "idiot",
                    "moron",
                    "cow",
                    "pig",
                    "woman",
                    "team",
                    "brat",
                    "something",
                    "here",
                    "af",
                    "too");

    private static final Set<String> OPENERS =
            Set.of(
                    "ok",
                    "okay",
                    "lol",
                    "lmao",
                    "shut",
                    "up",
                    "what",
                    "a",
                    "an",
                    "such",
                    "stfu",
                    "omg",
                    "hey",
                    "oi",
                    "yo",
                    "bye",
                    "go",
                    "away",
                    "whatever",
                    "sure",
                    "cry",
                    "ugh",
                    "stupid",
                    "dumb",
                    "fucking",
                    "absolute",
                    "total",
                    "complete",
                    "little",
                    "fat",
                    "ugly",
                    "sad",
                    "pathetic",
                    "useless",
                    "worthless");
    private static final Pattern WASTE =
            Pattern.compile(
                    "\\bwaste of (?:space|oxygen|air|skin|life)\\b|\\bexcuse (?:for|of) a"
                            + " (?:human|person|player|man|woman)\\b|\\bpiece of (?:shit|garbage"
                            + "|trash|crap|work)\\b|\\biq of a\\b|\\bbrain dead\\b"
                            + "|\\b(?:dumbest|stupidest|ugliest|worst) (?:person|player|human|kid)"
                            + "(?: (?:ever|here|alive|i))?\\b|\\bhow (?:are|can) "
                            + AbusePhrases.YOU
                            + " (?:be )?(?:this|so) (?:stupid|dumb)\\b|\\bson of a bitch\\b"
                            + "|\\b(?:yo )?mama so\\b|\\b(?:your|ur) (?:mom|mum|mother|mama|family"
                            + "|face|sister) (?:is|are|looks?) (?:a |an |so |such a )?(?:\\w+ )?"
                            + "(?:fat|ugly|whore|slut|trash|disgusting|bitch|cow|pig)\\b"
                            + "|\\b(?:nobody|no one) is as (?:dumb|stupid)\\b"
                            + "|\\b(?:ur|your) brain is\\b.*\\bsmall");

    private InsultRules() {}

    /** Whether a word is one these rules name. */
    static boolean knows(String w) {
        return NOUNS.contains(w) || ADJECTIVES.contains(w) || YOU.contains(w);
    }

    /**
     * Returns the insulting word or phrase a line aims at a person, or null.
     *
     * @param words the line's words
     * @param joined the words joined by single spaces
     */
    static String find(List<String> words, String joined) {
        var m = WASTE.matcher(joined);
        if (m.find()) {
            return m.group();
        }
        if (words.size() == 1 && LONE.contains(words.get(0))) {
            return words.get(0); // "stupid." said to someone, nothing else
        }
        for (int j = 0; j < words.size(); j++) {
            String w = words.get(j);
            boolean noun = NOUNS.contains(w);
            boolean adjective = ADJECTIVES.contains(w);
            if (!noun && !adjective) {
                continue;
            }
            if (selfBefore(words, j)) {
                continue;
            }
            if (aimedAtYou(words, j, noun)) {
                if (!noun || !MILD.contains(w) || hostileNear(words, j)) {
                    return w;
                }
            } else if (noun && addressed(words, j)) {
                if (!MILD.contains(w) || hostileNear(words, j)) {
                    return w;
                }
            }
        }
        return null;
    }

    private static boolean selfBefore(List<String> words, int j) {
        for (int i = Math.max(0, j - 4); i < j; i++) {
            if (SELF.contains(words.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** "you" within four words before the insult, nothing in between that breaks the link. */
    private static boolean aimedAtYou(List<String> words, int j, boolean noun) {
        for (int i = j - 1; i >= Math.max(0, j - 5); i--) {
            String w = words.get(i);
            if (YOU.contains(w)) {
                // An adjective must end the phrase: "you stupid idiot", not "you see stupid stuff".
                return noun
                        || j + 1 == words.size()
                        || TAIL.contains(words.get(j + 1))
                        || NOUNS.contains(words.get(j + 1))
                        || ADJECTIVES.contains(words.get(j + 1));
            }
            if (BREAK.contains(w)) {
                return false;
            }
        }
        // "idiot, you are" / "moron you"
        return noun
                && j + 1 < words.size()
                && YOU.contains(words.get(j + 1))
                && (j + 2 == words.size() || Set.of("are", "r", "is").contains(words.get(j + 2)));
    }

    /** A noun as a form of address: the line is short, or the noun ends it. */
    private static boolean addressed(List<String> words, int j) {
        int end = words.size();
        while (end > 0 && TAIL.contains(words.get(end - 1)) && end - 1 != j) {
            end--;
        }
        if (j == end - 1) {
            for (int i = 0; i < j; i++) {
                if (BREAK.contains(words.get(i)) && !OPENERS.contains(words.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (end <= 3) {
            for (int i = 0; i < end; i++) {
                if (i != j
                        && !OPENERS.contains(words.get(i))
                        && !NOUNS.contains(words.get(i))
                        && !ADJECTIVES.contains(words.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean hostileNear(List<String> words, int j) {
        for (int i = Math.max(0, j - 3); i < j; i++) {
            if (HOSTILE.contains(words.get(i))) {
                return true;
            }
        }
        return false;
    }
}
