package dev.worldmind.model.language.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleChecksTest {
    private final RuleChecks rules = RuleChecks.chatDefaults();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hi! where is the museum?",
                "this shop is great, I love the blue jacket",
                "as far as I know the class starts at 10:30",
                "I'm such a fan of Scunthorpe United",
                "the assessment is due on 2024-05-01",
                "pi is 3.14159265358979",
                "we have 1,000,000 visitors",
                "I'll kill it at the karaoke tonight",
                "I'll shoot you a message later",
                "I'll beat you at chess",
                "we were dead tired after the hike",
                "hahahahaha that's so funny",
                "Meet me at 5 at the fountain",
                "the shiitake soup is great",
                "I found 3 blue benches near the lake",
                "NASA and the BBC are on TV",
                "see https://worldmind.dev for the rules",
                "what a cocktail, class act!"
            })
    void passesOrdinaryChat(String line) {
        assertThat(rules.check(line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "you are a fucking idiot",
                "F*CK this place",
                "fuuuuuck you",
                "sh1t game",
                "what an a$$hole",
                "f u c k off",
                "you stupid b!tch",
                "shut up you r3tard",
                "go away, ASSHOLE."
            })
    void catchesAbuseInDisguise(String line) {
        assertThat(rules.check(line)).contains(RuleChecks.ABUSE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I will kill you",
                "i'm going to hurt you",
                "you're dead",
                "kys",
                "go kill yourself",
                "I know where you live",
                "i'll find you and hunt you down",
                "I'm gonna shoot up the school"
            })
    void catchesThreats(String line) {
        assertThat(rules.check(line)).contains(RuleChecks.THREAT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "call me at +1 (555) 123-4567",
                "my number is 0171 2345678",
                "mail me: jane.doe@example.com",
                "I live at 221B Baker Street",
                "she lives at 12 Oak Tree Lane, come by",
                "Hauptstraße 5 in Berlin"
            })
    void catchesPersonalData(String line) {
        assertThat(rules.check(line)).contains(RuleChecks.PERSONAL_DATA);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "!!!!!!!!!!!!!!!!!!!!!",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "spam spam spam spam spam",
                "buy buy now buy cheap buy buy good buy buy buy buy buy",
                "WHY IS NOBODY ANSWERING ME IN THIS ROOM"
            })
    void catchesFlooding(String line) {
        assertThat(rules.check(line)).contains(RuleChecks.FLOOD);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "visit http://a.example http://b.example http://c.example",
                "www.cheap.ru www.cheaper.ru deals.xyz"
            })
    void catchesLinkSpam(String line) {
        assertThat(rules.check(line)).contains(RuleChecks.SPAM);
    }

    @org.junit.jupiter.api.Test
    void catchesOverLongTextAndReportsEveryReasonInOrder() {
        assertThat(rules.check("nice day ".repeat(60))).containsExactly(RuleChecks.TOO_LONG);
        assertThat(new RuleChecks(20, 2).check("I will kill you, bitch. Call 555-123-4567"))
                .isEqualTo(
                        List.of(
                                RuleChecks.ABUSE,
                                RuleChecks.THREAT,
                                RuleChecks.PERSONAL_DATA,
                                RuleChecks.TOO_LONG));
    }
}
