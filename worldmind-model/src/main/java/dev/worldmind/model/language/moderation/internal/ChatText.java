package dev.worldmind.model.language.moderation.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a chat line the way a person sees it, so that evasions meet the same rules as plain words.
 * Folding: NFKC (full-width and styled letters become plain), format characters dropped (zero-width
 * space and joiners, soft hyphen, bidi marks: Unicode category Cf), lowercase, non-ASCII letters
 * replaced by their UTS #39 confusable skeleton when that is an ASCII letter (Cyrillic {@code а},
 * Greek {@code ο}), accents dropped. Tokens: leetspeak read as letters inside words ({@code 1d10t},
 * {@code @ss}), {@code *} kept as a masked letter, letters stretched by repetition squeezed, and
 * words spelled one letter at a time ({@code i d i o t}, {@code k y s}) joined back into known
 * words. Stateless and thread-safe.
 */
public final class ChatText {
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final SpoofChecker SPOOF =
            new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();

    /** Characters that only say a word is loud or ends ("idiot!!!", "great?"). */
    private static final Set<Character> EDGE = Set.of('.', '!', '?', '\'', '-', '_', '~');

    private ChatText() {}

    /**
     * Folds a text: NFKC, format characters removed, lowercase, confusables and accents to ASCII.
     *
     * @param text any text
     * @return the folded text
     */
    public static String fold(String text) {
        String nfkc = NFKC.normalize(text);
        StringBuilder b = new StringBuilder(nfkc.length());
        nfkc.codePoints()
                .filter(cp -> UCharacter.getType(cp) != UCharacter.FORMAT)
                .forEach(b::appendCodePoint);
        String lower = UCharacter.toLowerCase(Locale.ROOT, b.toString());
        StringBuilder out = new StringBuilder(lower.length());
        lower.codePoints()
                .forEach(
                        cp -> {
                            if (cp < 128 || !UCharacter.isLetter(cp)) {
                                out.appendCodePoint(cp);
                                return;
                            }
                            String skeleton = SPOOF.getSkeleton(new String(Character.toChars(cp)));
                            String plain = stripMarks(skeleton).toLowerCase(Locale.ROOT);
                            if (plain.length() == 1 && plain.charAt(0) < 128) {
                                out.append(plain);
                            } else {
                                out.append(stripMarks(new String(Character.toChars(cp))));
                            }
                        });
        return out.toString();
    }

    private static String stripMarks(String s) {
        String d = NFD.normalize(s);
        StringBuilder b = new StringBuilder(d.length());
        d.codePoints()
                .filter(cp -> UCharacter.getType(cp) != UCharacter.NON_SPACING_MARK)
                .forEach(b::appendCodePoint);
        return b.toString();
    }

    /**
     * Splits a text into words as the moderation rules read them.
     *
     * @param text any text
     * @param known the words the rules know; decides how stretched letters are squeezed and how
     *     spelled-out letters are joined
     * @return the words, lowercase ASCII letters (and {@code *} for a masked letter)
     */
    public static List<String> words(String text, Predicate<String> known) {
        List<String> raw = new ArrayList<>();
        for (String piece : fold(text).split("[\\s,;:\"()\\[\\]{}<>/\\\\]+")) {
            String token = leet(trimEdges(piece));
            if (!token.isEmpty()) {
                raw.add(squeeze(token, known));
            }
        }
        return joinSpelled(raw, known);
    }

    private static String trimEdges(String piece) {
        int from = 0;
        int to = piece.length();
        while (from < to && EDGE.contains(piece.charAt(from))) {
            from++;
        }
        while (to > from && EDGE.contains(piece.charAt(to - 1))) {
            to--;
        }
        return piece.substring(from, to);
    }

    /** Reads digits and symbols as letters in a piece that holds a letter; drops the rest. */
    private static String leet(String piece) {
        boolean hasLetter = piece.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        StringBuilder t = new StringBuilder(piece.length());
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            char m =
                    !hasLetter
                            ? c
                            : switch (c) {
                                case '0' -> 'o';
                                case '1', '!', '|' -> 'i';
                                case '3' -> 'e';
                                case '4', '@' -> 'a';
                                case '5', '$' -> 's';
                                case '6', '9' -> 'g';
                                case '7', '+' -> 't';
                                case '8' -> 'b';
                                default -> c;
                            };
            if ((m >= 'a' && m <= 'z') || (m == '*' && t.length() > 0)) {
                t.append(m);
            } else if (m > 127 && Character.isLetter(m)) {
                t.append(m);
            }
        }
        return t.toString();
    }

    /** Squeezes stretched letters: the first known form of runs cut to one or two, else one. */
    static String squeeze(String token, Predicate<String> known) {
        if (known.test(token)) {
            return token;
        }
        String one = token.replaceAll("(.)\\1{2,}", "$1");
        String two = token.replaceAll("(.)\\1{2,}", "$1$1");
        String single = token.replaceAll("(.)\\1+", "$1");
        for (String form : List.of(one, two, single)) {
            if (known.test(form)) {
                return form;
            }
        }
        return one;
    }

    /** Joins runs of one-letter words into the known words they spell. */
    private static List<String> joinSpelled(List<String> raw, Predicate<String> known) {
        List<String> out = new ArrayList<>(raw.size());
        int i = 0;
        while (i < raw.size()) {
            int j = i;
            while (j < raw.size() && raw.get(j).length() == 1) {
                j++;
            }
            if (j - i >= 3) {
                String run = String.join("", raw.subList(i, j));
                List<String> split = Segmenter.segment(squeeze(run, known), known);
                out.addAll(split != null ? split : raw.subList(i, j));
                i = j;
            } else if (j > i) {
                out.addAll(raw.subList(i, j));
                i = j;
            } else {
                out.add(raw.get(i++));
            }
        }
        return out;
    }
}
