package dev.worldmind.data.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KCoreTest {
    private static Interaction x(String user, String item) {
        return new Interaction(user, item, 1, 0);
    }

    @Test
    void dropsSparseUsersAndItemsWithEverythingTheyTouch() {
        List<Interaction> data =
                List.of(
                        x("1", "a"),
                        x("1", "b"),
                        x("2", "a"),
                        x("2", "b"),
                        x("3", "a"),
                        x("3", "c"),
                        x("4", "d"));
        KCore.Result r = KCore.filter(data, 2);

        assertThat(r.interactions())
                .containsExactly(x("1", "a"), x("1", "b"), x("2", "a"), x("2", "b"));
        assertThat(r.removedUsers()).isEqualTo(2);
        assertThat(r.removedItems()).isEqualTo(2);
        assertThat(r.removedInteractions()).isEqualTo(3);
    }

    @Test
    void cascadesRemovalsAcrossUsersAndItems() {
        List<Interaction> data =
                List.of(
                        x("1", "a"), x("1", "b"),
                        x("2", "a"), x("2", "b"),
                        x("3", "a"), x("3", "c"));
        KCore.Result r = KCore.filter(data, 2);

        // round 1 drops item c (1 user); round 2 drops user 3 (1 item left); round 3 is stable
        assertThat(r.interactions())
                .containsExactly(x("1", "a"), x("1", "b"), x("2", "a"), x("2", "b"));
        assertThat(r.removedInteractions()).isEqualTo(2);
        assertThat(r.removedUsers()).isEqualTo(1);
        assertThat(r.removedItems()).isEqualTo(1);
        assertThat(r.rounds()).isEqualTo(3);
    }

    @Test
    void allowsSeparateThresholdsForUsersAndItems() {
        List<Interaction> data =
                List.of(x("1", "a"), x("1", "b"), x("1", "c"), x("2", "a"), x("2", "b"));

        assertThat(KCore.filter(data, 3, 1).interactions())
                .containsExactly(x("1", "a"), x("1", "b"), x("1", "c"));
        assertThat(KCore.filter(data, 1, 2).interactions())
                .containsExactly(x("1", "a"), x("1", "b"), x("2", "a"), x("2", "b"));
    }

    @Test
    void repeatsOfAPairCountOnceButAreKept() {
        List<Interaction> data =
                List.of(
                        x("1", "a"),
                        x("1", "a"),
                        x("1", "a"),
                        x("2", "a"),
                        x("2", "b"),
                        x("1", "b"));

        assertThat(KCore.filter(data, 3).interactions()).isEmpty();
        assertThat(KCore.filter(data, 2).interactions()).isEqualTo(data);
    }

    @Test
    void theResultIsAStableCore() {
        List<Interaction> data =
                SyntheticInteractions.generate(SyntheticInteractions.Config.small()).interactions();
        KCore.Result r = KCore.filter(data, 10, 15);

        assertThat(r.removedInteractions()).isPositive();
        assertThat(r.interactions().size() + r.removedInteractions()).isEqualTo(data.size());
        Map<String, Set<String>> byUser = new HashMap<>();
        Map<String, Set<String>> byItem = new HashMap<>();
        for (Interaction i : r.interactions()) {
            byUser.computeIfAbsent(i.user(), k -> new HashSet<>()).add(i.item());
            byItem.computeIfAbsent(i.item(), k -> new HashSet<>()).add(i.user());
        }
        assertThat(byUser.values()).allMatch(s -> s.size() >= 10);
        assertThat(byItem.values()).allMatch(s -> s.size() >= 15);
        KCore.Result again = KCore.filter(r.interactions(), 10, 15);
        assertThat(again.interactions()).isEqualTo(r.interactions());
        assertThat(again.removedInteractions()).isZero();
        assertThat(again.rounds()).isEqualTo(1);
    }

    @Test
    void rejectsKBelowOne() {
        assertThatThrownBy(() -> KCore.filter(new ArrayList<>(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
