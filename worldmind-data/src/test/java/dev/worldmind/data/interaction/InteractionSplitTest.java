package dev.worldmind.data.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InteractionSplitTest {
    private static Interaction x(String user, String item, long at) {
        return new Interaction(user, item, 1, at);
    }

    private static List<Interaction> synthetic() {
        return SyntheticInteractions.generate(SyntheticInteractions.Config.small()).interactions();
    }

    private static Set<String> pairs(List<Interaction> list) {
        return list.stream().map(i -> i.user() + "|" + i.item()).collect(Collectors.toSet());
    }

    private static Map<String, Long> perUser(List<Interaction> list) {
        return list.stream()
                .collect(Collectors.groupingBy(Interaction::user, Collectors.counting()));
    }

    @Test
    void mergeSumsWeightsAndKeepsTheLatestTime() {
        List<Interaction> merged =
                InteractionSplit.merge(
                        List.of(
                                new Interaction("b", "x", 1, 50),
                                new Interaction("a", "y", 2, 10),
                                new Interaction("b", "x", 3, 20),
                                new Interaction("a", "x", 1, 5),
                                new Interaction("b", "x", 0.5, 70)));

        assertThat(merged)
                .containsExactly(
                        new Interaction("a", "x", 1, 5),
                        new Interaction("a", "y", 2, 10),
                        new Interaction("b", "x", 4.5, 70));
    }

    @Test
    void randomHoldsOutTheRoundedShareOfEachUserKeepingOneInTraining() {
        List<Interaction> data = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            data.add(x("ten", "i" + k, k));
        }
        data.add(x("two", "a", 1));
        data.add(x("two", "b", 2));
        data.add(x("one", "a", 1));
        for (int k = 0; k < 3; k++) {
            data.add(x("three", "i" + k, k));
        }

        InteractionSplit s = InteractionSplit.random(data, 0.2, 7);

        assertThat(perUser(s.test()))
                .containsOnly(Map.entry("ten", 2L), Map.entry("two", 1L), Map.entry("three", 1L));
        assertThat(perUser(s.train()))
                .containsOnly(
                        Map.entry("ten", 8L),
                        Map.entry("two", 1L),
                        Map.entry("one", 1L),
                        Map.entry("three", 2L));
        assertThat(InteractionSplit.testCount(2, 0.9)).isEqualTo(1);
        assertThat(InteractionSplit.testCount(10, 0.04)).isEqualTo(1);
        assertThat(InteractionSplit.testCount(10, 0.96)).isEqualTo(9);
        assertThat(InteractionSplit.testCount(1, 0.5)).isZero();
    }

    @Test
    void randomIsDeterministicAndIndependentOfInputOrder() {
        List<Interaction> data = synthetic();
        List<Interaction> shuffled = new ArrayList<>(data);
        Collections.shuffle(shuffled, new Random(3));

        InteractionSplit a = InteractionSplit.random(data, 0.25, 11);

        assertThat(InteractionSplit.random(shuffled, 0.25, 11)).isEqualTo(a);
        assertThat(InteractionSplit.random(data, 0.25, 12).test()).isNotEqualTo(a.test());
        assertThat(a.train().size() + a.test().size()).isEqualTo(data.size());
        Set<String> train = pairs(a.train());
        assertThat(pairs(a.test())).noneMatch(train::contains);
    }

    @Test
    void duplicatesAreMergedSoAnItemIsNeverOnBothSides() {
        List<Interaction> data = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            data.add(x("u", "i" + (k % 3), k)); // each item twice
        }
        for (long seed = 0; seed < 20; seed++) {
            InteractionSplit s = InteractionSplit.random(data, 0.34, seed);
            assertThat(s.train().size() + s.test().size()).isEqualTo(3);
            assertThat(pairs(s.test())).doesNotContainAnyElementsOf(pairs(s.train()));
        }
        InteractionSplit t = InteractionSplit.temporal(data, 0.34);
        assertThat(t.test()).containsExactly(new Interaction("u", "i2", 2, 5));
    }

    @Test
    void splitsInTimeRefuseDataWithoutTimes() {
        // a file without timestamps reads as time 0: "latest" would mean the largest item ids
        List<Interaction> untimed = new ArrayList<>();
        for (int u = 0; u < 5; u++) {
            for (int i = 0; i < 6; i++) {
                untimed.add(x("u" + u, "i" + i, 0));
            }
        }
        assertThatThrownBy(() -> InteractionSplit.temporal(untimed, 0.2))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("same time");
        assertThatThrownBy(() -> InteractionSplit.globalTemporal(untimed, 0.2))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("same time");
    }

    @Test
    void temporalHoldsOutEachUsersLatestWithTiesBrokenByItemId() {
        List<Interaction> data =
                List.of(
                        x("a", "p", 1),
                        x("a", "q", 2),
                        x("a", "r", 3),
                        x("a", "s", 4),
                        x("b", "z", 9),
                        x("b", "y", 9),
                        x("b", "x", 9),
                        x("b", "w", 1));

        InteractionSplit s = InteractionSplit.temporal(data, 0.5);

        // b's three items at time 9 tie: the larger item ids count as later
        assertThat(s.test())
                .containsExactly(x("a", "r", 3), x("a", "s", 4), x("b", "y", 9), x("b", "z", 9));
        assertThat(s.train())
                .containsExactly(x("a", "p", 1), x("a", "q", 2), x("b", "w", 1), x("b", "x", 9));
    }

    @Test
    void temporalTestItemsAreNeverEarlierThanTrainingItemsOfTheSameUser() {
        InteractionSplit s = InteractionSplit.temporal(synthetic(), 0.2);
        Map<String, Long> lastTrain =
                s.train().stream()
                        .collect(Collectors.toMap(Interaction::user, Interaction::at, Math::max));
        assertThat(s.test()).allMatch(t -> t.at() >= lastTrain.get(t.user()));
    }

    @Test
    void globalTemporalCutsEveryoneAtOneTime() {
        List<Interaction> data =
                List.of(
                        x("a", "p", 1),
                        x("a", "q", 5),
                        x("b", "p", 2),
                        x("b", "q", 6),
                        x("c", "r", 7),
                        x("c", "s", 3),
                        x("d", "p", 4),
                        x("d", "s", 8),
                        x("e", "p", 8),
                        x("e", "q", 0));

        InteractionSplit s = InteractionSplit.globalTemporal(data, 0.3);

        // the latest 3 of 10 start at time 7; everything at or after it is held out (the tie at 8
        // is on one side)
        assertThat(s.test()).extracting(Interaction::at).containsOnly(7L, 8L).hasSize(3);
        assertThat(s.train()).allMatch(i -> i.at() < 7).hasSize(7);

        InteractionSplit ties =
                InteractionSplit.globalTemporal(
                        List.of(x("a", "p", 1), x("a", "q", 2), x("b", "p", 2), x("b", "q", 2)),
                        0.25);
        assertThat(ties.test()).hasSize(3);
        assertThat(ties.train()).containsExactly(x("a", "p", 1));
    }

    @Test
    void globalTemporalFailsWhenEverythingHappensAtOnce() {
        assertThatThrownBy(
                        () ->
                                InteractionSplit.globalTemporal(
                                        List.of(x("a", "p", 1), x("b", "q", 1)), 0.5))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("same time");
    }

    @Test
    void rejectsSharesOutsideTheOpenUnitIntervalAndEmptyData() {
        List<Interaction> one = List.of(x("a", "p", 1));
        assertThatThrownBy(() -> InteractionSplit.random(one, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InteractionSplit.temporal(one, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InteractionSplit.random(List.of(), 0.2, 1))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no interactions");
        Set<String> all = new HashSet<>();
        InteractionSplit s = InteractionSplit.random(one, 0.5, 1);
        all.addAll(pairs(s.train()));
        assertThat(all).containsExactly("a|p");
        assertThat(s.test()).isEmpty();
    }
}
