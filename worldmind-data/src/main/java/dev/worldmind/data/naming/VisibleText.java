package dev.worldmind.data.naming;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import dev.worldmind.core.InvalidDataException;
import java.util.Optional;

/**
 * Text that shows others what it holds. Refused: control characters (C0 but tab, DEL, C1), the
 * bidirectional controls that reorder what follows (a name that reads backwards, a chat line that
 * hides a link), invisible characters that make two names look alike ({@code ad\u200Bmin}), line
 * and paragraph separators, lone surrogates, private-use, unassigned and non-characters. The few
 * invisible characters emoji need are kept where emoji need them: a zero-width joiner between two
 * pictographs, a variation selector after an emoji, and tag characters in a flag sequence.
 */
public final class VisibleText {
    private static final int ZWJ = 0x200D;
    private static final int BLACK_FLAG = 0x1F3F4;

    private VisibleText() {}

    /**
     * Checks text someone wrote for others to read.
     *
     * @param text the text
     * @param what what it is, for the message (e.g. "a chat line")
     * @return the text, unchanged
     * @throws InvalidDataException naming the first character refused and where it is
     */
    public static String require(String text, String what) {
        problem(text)
                .ifPresent(
                        p -> {
                            throw new InvalidDataException(what + " " + p);
                        });
        return text;
    }

    /**
     * Finds why text would be refused.
     *
     * @param text the text
     * @return what is wrong ("cannot hold ... (U+200B) at character 3"), or empty when it is fine
     */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int previous = -1;
        int index = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next =
                    i + Character.charCount(cp) < text.length()
                            ? text.codePointAt(i + Character.charCount(cp))
                            : -1;
            String kind = refused(previous, cp, next);
            if (kind != null) {
                return Optional.of(
                        "cannot hold %s (U+%04X) at character %d".formatted(kind, cp, index + 1));
            }
            previous = cp;
            i += Character.charCount(cp);
            index++;
        }
        return Optional.empty();
    }

    private static String refused(int previous, int cp, int next) {
        if (cp == '\t') {
            return null;
        }
        if (Character.isISOControl(cp)) {
            return "a control character";
        }
        if (UCharacter.hasBinaryProperty(cp, UProperty.BIDI_CONTROL)) {
            return "a right-to-left or other direction control";
        }
        if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                && !emojiGlue(previous, cp, next)) {
            return "an invisible character";
        }
        if (UCharacter.hasBinaryProperty(cp, UProperty.NONCHARACTER_CODE_POINT)) {
            return "a non-character";
        }
        return switch (UCharacter.getType(cp)) {
            case UCharacterCategory.SURROGATE -> "half of a broken character";
            case UCharacterCategory.PRIVATE_USE -> "a private-use character";
            case UCharacterCategory.UNASSIGNED -> "an unassigned character";
            case UCharacterCategory.LINE_SEPARATOR, UCharacterCategory.PARAGRAPH_SEPARATOR ->
                    "a line separator";
            default -> null;
        };
    }

    /** The invisible characters inside emoji sequences, where they are and only there. */
    private static boolean emojiGlue(int previous, int cp, int next) {
        if (cp == ZWJ) {
            return previous >= 0
                    && next >= 0
                    && (pictograph(previous) || isVariationSelector(previous))
                    && pictograph(next);
        }
        if (isVariationSelector(cp) && (cp == 0xFE0E || cp == 0xFE0F)) {
            return previous >= 0 && UCharacter.hasBinaryProperty(previous, UProperty.EMOJI);
        }
        if (cp >= 0xE0020 && cp <= 0xE007F) {
            return previous == BLACK_FLAG || (previous >= 0xE0020 && previous <= 0xE007E);
        }
        return false;
    }

    private static boolean pictograph(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC)
                || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER);
    }

    private static boolean isVariationSelector(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F;
    }
}
