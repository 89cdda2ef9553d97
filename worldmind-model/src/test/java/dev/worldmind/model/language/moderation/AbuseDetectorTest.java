package dev.worldmind.model.language.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AbuseDetectorTest {
    private final AbuseDetector rules = AbuseDetector.builtIn();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "You are a stupid worthless idiot.|insult",
                "shut up you moron|harassment",
                "nobody wants you here|harassment",
                "kys|self-harm",
                "I am going to find you and kill you.|threat",
                "I know where you live|threat",
                "watch your back|threat",
                "fuck off|harassment"
            })
    void catchesTheReportedAbuse(String line, String kind) {
        assertThat(rules.detect(line)).get().extracting(AbuseFinding::kind).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "you are an i d i o t", // spacing
                "k y s",
                "you're an idiooooot", // repeated letters
                "shuuuut up you mooooron",
                "you 1d10t", // leetspeak
                "kiss my @ss",
                "a$$hole",
                "you're an \u0456d\u0456ot", // Cyrillic look-alikes
                "\u0430$$hole",
                "\uff49\uff44\uff49\uff4f\uff54", // full-width letters
                "i\u200bd\u200bi\u200bo\u200bt", // zero-width spaces
                "mo\u00adron", // soft hyphen
                "f*ck you",
                "k i l l  y o u r s e l f"
            })
    void seesThroughEvasions(String line) {
        assertThat(rules.detect(line)).as(line).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "that boss killed me",
                "I killed it in the exam",
                "this level is sick",
                "kill the lights",
                "you're killing it",
                "shoot, I forgot",
                "I'll be back",
                "You killed my father. Prepare to die.",
                "I'm from Scunthorpe",
                "let me assess the damage",
                "my class starts at 9",
                "a cocktail at the bar",
                "my therapist says hi",
                "the escort mission is long",
                "this game sucks today",
                "I'm such an idiot, I forgot the key",
                "I'm gonna destroy you in chess",
                "you're so dead in the rematch lol",
                "wait you're dead? I'll revive you",
                "this quest is stupid"
            })
    void leavesGameTalkAndOrdinaryChatAlone(String line) {
        assertThat(rules.detect(line)).as(line).isEmpty();
    }

    @Test
    void threatsAndSelfHarmAreThreatsToModeration() {
        Moderator moderator = ContentModerator.builder().build();
        assertThat(moderator.check("i will find you and k1ll you", Channel.WORLD_CHAT).reasons())
                .containsExactly(RuleChecks.THREAT);
        assertThat(moderator.check("go jump off a bridge", Channel.WORLD_CHAT).reasons())
                .containsExactly(RuleChecks.THREAT);
        assertThat(moderator.check("that boss killed me lol", Channel.WORLD_CHAT).allowed())
                .isTrue();
    }

    @Test
    void loadsTheWordListFromTheDatasetStore() {
        DatasetStore store = new DatasetStore(TestHome.get().datasets());
        AbuseDetector withList = AbuseDetector.load(store, ProgressMonitor.silent());
        assertThat(withList.wordListSource()).contains("LDNOOBW");
        assertThat(withList.wordListSize()).isGreaterThan(rules.wordListSize() + 200);
        // In LDNOOBW, not in the built-in list.
        assertThat(rules.detect("bukkake")).isEmpty();
        assertThat(withList.detect("bukkake"))
                .get()
                .extracting(AbuseFinding::kind)
                .isEqualTo("obscene");
        assertThat(withList.detect("the escort mission is hardcore")).isEmpty();
    }

    @Test
    void fallsBackToTheBuiltInRulesWhenTheListCannotBeHad() {
        AbuseDetector fallback =
                AbuseDetector.loadOrBuiltIn(
                        () -> {
                            throw new IllegalStateException("npm pack failed: offline");
                        });
        assertThat(fallback).isSameAs(AbuseDetector.builtIn());
        assertThat(fallback.detect("shut up you moron")).isPresent();
    }
}
