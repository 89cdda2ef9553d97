package dev.worldmind.data.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisibleTextTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "ad\u200Bmin", // zero-width space
                "ad\u200Cmin", // zero-width non-joiner
                "ad\u2060min", // word joiner
                "ad\uFEFFmin", // byte order mark
                "ad\u00ADmin", // soft hyphen
                "a\u200Db", // a joiner between letters is not an emoji sequence
                "admin\uFE0F", // a variation selector after a letter
                "\u3164", // Hangul filler: blank but a "letter"
                "txt.exe\u202Efdp", // right-to-left override
                "abc\u2067def", // right-to-left isolate
                "abc\u200Fdef", // right-to-left mark
                "abc\u061Cdef", // Arabic letter mark
                "del\u007F", // DEL
                "c1\u0085", // NEXT LINE, a C1 control
                "c1\u009B31m", // CSI, a C1 control
                "nul\u0000",
                "bell\u0007",
                "line\u2028sep",
                "lone \uD800 surrogate",
                "private \uE000 use",
                "non \uFFFF character",
                "tag\uDB40\uDC41", // a tag character outside a flag
            })
    void refusesInvisibleBidiAndControlCharacters(String text) {
        assertThat(VisibleText.problem(text)).isPresent();
        assertThatThrownBy(() -> VisibleText.require(text, "a chat line"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith("a chat line cannot hold")
                .hasMessageContaining("U+");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Hello, world!",
                "tab\there",
                "Zoë à l'école",
                "日本語のテキスト",
                "עברית טקסט", // right-to-left letters are fine; only the controls are refused
                "مرحبا",
                "❤️ thanks", // heart + VS-16
                "👩🏽‍💻 coding", // woman, skin tone, ZWJ, laptop
                "👨‍👩‍👧 family",
                "❤️‍🔥 heart on fire",
                "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland",
                "1️⃣ first",
            })
    void keepsOrdinaryTextInAnyScriptAndEmoji(String text) {
        assertThat(VisibleText.problem(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void saysWhichCharacterAndWhere() {
        assertThat(VisibleText.problem("ad\u200Bmin"))
                .contains("cannot hold an invisible character (U+200B) at character 3");
    }
}
