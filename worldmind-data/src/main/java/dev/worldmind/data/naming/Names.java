package dev.worldmind.data.naming;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import dev.worldmind.core.InvalidDataException;

/**
 * The rules for names people see (user names, avatar names): visible text ({@link VisibleText}), at
 * least one letter, digit or emoji, one script family at a time (UTS #39 "moderately restrictive":
 * Latin may mix with Han or Japanese, not with Cyrillic or Greek, so {@code аdmin} with a Cyrillic
 * a is refused), no digits from two numbering systems, and a skeleton that two names share when
 * they look alike ({@code rn} and {@code m}, {@code Admin} and {@code admin}, {@code 0} and {@code
 * O}). Thread-safe: ICU's checker is immutable once built.
 */
public final class Names {
    private static final SpoofChecker MIXING =
            new SpoofChecker.Builder()
                    .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)
                    .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
                    .build();
    private static final SpoofChecker CONFUSABLES =
            new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();
    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final int BRAILLE_BLANK = 0x2800;

    private Names() {}

    /**
     * Checks a name others will see.
     *
     * @param name the name, already trimmed
     * @param what what it is, for the message (e.g. "an avatar name")
     * @return the name, unchanged
     * @throws InvalidDataException saying what is wrong
     */
    public static String require(String name, String what) {
        VisibleText.require(name, what);
        name.codePoints()
                .filter(cp -> cp != ' ' && (Character.isSpaceChar(cp) || cp == BRAILLE_BLANK))
                .findFirst()
                .ifPresent(
                        cp -> {
                            throw new InvalidDataException(
                                    "%s cannot hold a blank other than the plain space (U+%04X)"
                                            .formatted(what, cp));
                        });
        if (name.codePoints().noneMatch(Names::meaningful)) {
            throw new InvalidDataException(what + " needs a letter, a digit or an emoji");
        }
        if (MIXING.failsChecks(name)) {
            throw new InvalidDataException(
                    what
                            + " mixes scripts or number systems that can pass for one another"
                            + " (e.g. Latin with Cyrillic or Greek letters)");
        }
        return name;
    }

    /**
     * The form two names share when they look alike, the key of {@link NameClaims}: Latin small
     * capitals read as their letters ({@code ᴀᴅᴍɪɴ}), case and compatibility forms folded (NFKC
     * casefold), the Unicode confusables skeleton (UTS #39), both again (a skeleton may hold
     * capitals: {@code 0} becomes {@code O}, which must meet {@code o}); then only letters and
     * digits are kept, so marks ({@code admiṅ}, strike-through {@code a̶d̶m̶i̶n̶}), punctuation and
     * spaces ({@code bob_smith}, {@code bob‗smith}) do not tell names apart, and {@code i} counts
     * as {@code l}, since capital I and small l are the same stroke in most fonts. A name with no
     * letter or digit keeps its whole skeleton.
     *
     * @param name a name
     * @return its skeleton
     */
    public static String skeleton(String name) {
        String once = CONFUSABLES.getSkeleton(FOLD.normalize(smallCapitals(name.strip())));
        String twice = CONFUSABLES.getSkeleton(FOLD.normalize(once));
        StringBuilder key = new StringBuilder(twice.length());
        twice.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(cp -> cp == 'i' ? 'l' : cp)
                .forEach(key::appendCodePoint);
        return key.isEmpty() ? twice : key.toString();
    }

    /** Latin small capitals (not folded by NFKC) as the letters they show, by their names. */
    private static String smallCapitals(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints()
                .forEach(
                        cp -> {
                            String n = cp < 0x80 ? null : UCharacter.getName(cp);
                            if (n != null && n.matches("LATIN LETTER SMALL CAPITAL [A-Z]")) {
                                out.append(Character.toLowerCase(n.charAt(n.length() - 1)));
                            } else {
                                out.appendCodePoint(cp);
                            }
                        });
        return out.toString();
    }

    private static boolean meaningful(int cp) {
        return Character.isLetterOrDigit(cp)
                || UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC);
    }
}
