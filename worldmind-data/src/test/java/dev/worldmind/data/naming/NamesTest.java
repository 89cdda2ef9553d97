package dev.worldmind.data.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
    @ParameterizedTest
    @CsvSource({
        "admin, Admin",
        "admin, ADMIN",
        "admin, adrnin", // rn looks like m
        "admin, аdmin", // Cyrillic a
        "admin, ａｄｍｉｎ", // full-width
        "paypal, paypa1", // digit one for l
        "bob_0, bob_O",
        "bob_0, bob_o",
        "admin, ꓮꓓꓟꓲꓠ", // Lisu letters (a stranger's find)
        "admin, ᴀᴅᴍɪɴ", // small capitals
        "admin, admiṅ", // a combining dot
        "admin, a̶d̶m̶i̶n̶", // strike-through marks
        "admin, adm1n",
        "qypt_own, qypt‗own", // double low line for the underscore
        "Zoë, Zoë", // composed and decomposed e with diaeresis
    })
    void lookAlikesShareASkeleton(String one, String other) {
        assertThat(Names.skeleton(other)).isEqualTo(Names.skeleton(one));
    }

    @ParameterizedTest
    @CsvSource({"admin, admins", "ada, ida", "sam, pam", "visitor_12, visitor_13"})
    void differentNamesKeepDifferentSkeletons(String one, String other) {
        assertThat(Names.skeleton(other)).isNotEqualTo(Names.skeleton(one));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada", "Zoë", "山田Taro", "ゆき", "Олег", "Γιώργος", "Sam 🎨", "R2-D2"})
    void acceptsNamesInOneScriptFamily(String name) {
        assertThat(Names.require(name, "an avatar name")).isEqualTo(name);
    }

    @Test
    void refusesMixedScriptsInvisiblesAndBlankNames() {
        assertThatThrownBy(() -> Names.require("аdmin", "an avatar name")) // Cyrillic а
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("mixes scripts");
        assertThatThrownBy(() -> Names.require("ad\u200Bmin", "an avatar name"))
                .hasMessageContaining("invisible character (U+200B)");
        assertThatThrownBy(() -> Names.require("\u2800\u2800", "an avatar name"))
                .hasMessageContaining("U+2800");
        assertThatThrownBy(() -> Names.require("...", "an avatar name"))
                .hasMessageContaining("needs a letter");
        assertThatThrownBy(() -> Names.require("ad\u3000min", "an avatar name"))
                .hasMessageContaining("blank other than the plain space (U+3000)");
        assertThatThrownBy(() -> Names.require("ad\u2800min", "an avatar name"))
                .hasMessageContaining("U+2800");
    }
}
