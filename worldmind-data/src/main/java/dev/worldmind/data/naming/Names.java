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
     * The form two names share when they look alike: case and compatibility forms folded (NFKC
     * casefold), the Unicode confusables skeleton (UTS #39), and both again, since a skeleton may
     * hold capitals ({@code 0} becomes {@code O}, which must meet {@code o}). Names are compared
     * without case, so a capital {@code I} is not taken for a small {@code l}.
     *
     * @param name a name
     * @return its skeleton
     */
    public static String skeleton(String name) {
        String once = CONFUSABLES.getSkeleton(FOLD.normalize(name.strip()));
        return CONFUSABLES.getSkeleton(FOLD.normalize(once));
    }

    private static boolean meaningful(int cp) {
        return Character.isLetterOrDigit(cp)
                || UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC);
    }
}
