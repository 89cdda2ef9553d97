package dev.worldmind.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.server.security.ModerationPolicy.Action;
import dev.worldmind.server.security.ModerationPolicy.Reason;
import dev.worldmind.server.security.ModerationPolicy.Refusal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every pair of ranks and every action, against a table written out by hand (not computed by the
 * same rules), so a change to the policy must change the table too.
 */
class ModerationPolicyTest {

    @ParameterizedTest(name = "{0} on {1}: kick {2} mute {3} ban {4} unban {5} role to [{6}]")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    # actor   | target    | kick | mute | ban | unban | role may give
                    ADMIN     | ADMIN     | no   | no   | no  | no    |
                    ADMIN     | OWNER     | yes  | yes  | no  | yes   | VISITOR MEMBER MODERATOR OWNER
                    ADMIN     | MODERATOR | yes  | yes  | yes | yes   | VISITOR MEMBER MODERATOR OWNER
                    ADMIN     | MEMBER    | yes  | yes  | yes | yes   | VISITOR MEMBER MODERATOR OWNER
                    ADMIN     | VISITOR   | yes  | yes  | yes | yes   | VISITOR MEMBER MODERATOR OWNER
                    OWNER     | ADMIN     | no   | no   | no  | no    |
                    OWNER     | OWNER     | no   | no   | no  | no    |
                    OWNER     | MODERATOR | yes  | yes  | yes | yes   | VISITOR MEMBER MODERATOR
                    OWNER     | MEMBER    | yes  | yes  | yes | yes   | VISITOR MEMBER MODERATOR
                    OWNER     | VISITOR   | yes  | yes  | yes | yes   | VISITOR MEMBER MODERATOR
                    MODERATOR | ADMIN     | no   | no   | no  | no    |
                    MODERATOR | OWNER     | no   | no   | no  | no    |
                    MODERATOR | MODERATOR | no   | no   | no  | no    |
                    MODERATOR | MEMBER    | yes  | yes  | yes | yes   |
                    MODERATOR | VISITOR   | yes  | yes  | yes | yes   |
                    MEMBER    | ADMIN     | no   | no   | no  | no    |
                    MEMBER    | OWNER     | no   | no   | no  | no    |
                    MEMBER    | MODERATOR | no   | no   | no  | no    |
                    MEMBER    | MEMBER    | no   | no   | no  | no    |
                    MEMBER    | VISITOR   | no   | no   | no  | no    |
                    VISITOR   | ADMIN     | no   | no   | no  | no    |
                    VISITOR   | OWNER     | no   | no   | no  | no    |
                    VISITOR   | MODERATOR | no   | no   | no  | no    |
                    VISITOR   | MEMBER    | no   | no   | no  | no    |
                    VISITOR   | VISITOR   | no   | no   | no  | no    |
                    """)
    void decidesEveryPairOfRanksAndEveryAction(
            Rank actor,
            Rank target,
            String kick,
            String mute,
            String ban,
            String unban,
            String roles) {
        assertThat(allowed(actor, target, Action.KICK, null)).isEqualTo(kick.equals("yes"));
        assertThat(allowed(actor, target, Action.MUTE, null)).isEqualTo(mute.equals("yes"));
        assertThat(allowed(actor, target, Action.BAN, null)).isEqualTo(ban.equals("yes"));
        assertThat(allowed(actor, target, Action.UNBAN, null)).isEqualTo(unban.equals("yes"));
        Set<Rank> mayGive =
                roles == null
                        ? EnumSet.noneOf(Rank.class)
                        : Arrays.stream(roles.trim().split("\\s+"))
                                .map(Rank::valueOf)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Rank.class)));
        for (Rank newRank : Rank.values()) {
            assertThat(allowed(actor, target, Action.ROLE, newRank))
                    .as("%s gives %s the rank %s", actor, target, newRank)
                    .isEqualTo(mayGive.contains(newRank));
        }
    }

    @ParameterizedTest
    @EnumSource(Rank.class)
    void nobodyActsOnThemselves(Rank rank) {
        for (Action action : Action.values()) {
            Optional<Refusal> refusal =
                    ModerationPolicy.check(rank, rank, true, action, Rank.MEMBER);
            assertThat(refusal).as("%s %s self", rank, action).isPresent();
            assertThat(refusal.get().reason()).isEqualTo(Reason.SELF);
        }
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void refusalsSayWhy(Action action) {
        Optional<Refusal> refusal =
                ModerationPolicy.check(Rank.MODERATOR, Rank.OWNER, false, action, Rank.MEMBER);
        assertThat(refusal).isPresent();
        assertThat(refusal.get().reason()).isEqualTo(Reason.RANK);
        assertThat(refusal.get().message()).isNotBlank();
    }

    private static boolean allowed(Rank actor, Rank target, Action action, Rank newRank) {
        return ModerationPolicy.check(actor, target, false, action, newRank).isEmpty();
    }
}
