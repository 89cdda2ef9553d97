package dev.worldmind.data.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InteractionMatrixTest {
    private static final List<Interaction> DATA =
            List.of(
                    new Interaction("carol", "lamp", 1, 30),
                    new Interaction("ada", "desk", 2, 10),
                    new Interaction("ada", "book", 1, 20),
                    new Interaction("ada", "desk", 3, 5),
                    new Interaction("bob", "book", 4, 40));

    @Test
    void numbersUsersAndItemsInIdOrder() {
        InteractionMatrix m = InteractionMatrix.of(DATA);

        assertThat(m.userIds()).containsExactly("ada", "bob", "carol");
        assertThat(m.itemIds()).containsExactly("book", "desk", "lamp");
        assertThat(m.users()).isEqualTo(3);
        assertThat(m.items()).isEqualTo(3);
        assertThat(m.user("bob")).isEqualTo(OptionalInt.of(1));
        assertThat(m.item("lamp")).isEqualTo(OptionalInt.of(2));
        assertThat(m.user("nobody")).isEmpty();
        assertThat(m.userId(2)).isEqualTo("carol");
        assertThat(m.itemId(0)).isEqualTo("book");
    }

    @Test
    void mergesRepeatedPairsSummingWeightsAndKeepingTheLatestTime() {
        InteractionMatrix m = InteractionMatrix.of(DATA);

        assertThat(m.size()).isEqualTo(4);
        assertThat(m.row(0)).isEqualTo(new SparseVector(new int[] {0, 1}, new float[] {1, 5}));
        assertThat(m.rowTimes(0)).containsExactly(20, 10);
        assertThat(m.rowSize(0)).isEqualTo(2);
        assertThat(m.interactions())
                .containsExactly(
                        new Interaction("ada", "book", 1, 20),
                        new Interaction("ada", "desk", 5, 10),
                        new Interaction("bob", "book", 4, 40),
                        new Interaction("carol", "lamp", 1, 30));
    }

    @Test
    void theSameDataInAnotherOrderGivesTheSameMatrix() {
        InteractionMatrix a = InteractionMatrix.of(DATA);
        List<Interaction> reversed = new ArrayList<>(DATA);
        Collections.reverse(reversed);
        InteractionMatrix b = InteractionMatrix.of(reversed);

        assertThat(b.interactions()).isEqualTo(a.interactions());
    }

    @Test
    void transposeSwapsUsersAndItems() {
        InteractionMatrix t = InteractionMatrix.of(DATA).transpose();

        assertThat(t.userIds()).containsExactly("book", "desk", "lamp");
        assertThat(t.itemIds()).containsExactly("ada", "bob", "carol");
        assertThat(t.row(0)).isEqualTo(new SparseVector(new int[] {0, 1}, new float[] {1, 4}));
        assertThat(t.rowTimes(0)).containsExactly(20, 40);
        assertThat(t.row(1)).isEqualTo(new SparseVector(new int[] {0}, new float[] {5}));
        assertThat(t.transpose().interactions())
                .isEqualTo(InteractionMatrix.of(DATA).interactions());
    }

    @Test
    void itemPopularityCountsDistinctUsers() {
        assertThat(InteractionMatrix.of(DATA).itemPopularity()).containsExactly(2, 1, 1);
    }

    @Test
    void alignsATestSetToTheTrainingNumberingDroppingUnknownIds() {
        InteractionMatrix train = InteractionMatrix.of(DATA);
        List<Interaction> test =
                List.of(
                        new Interaction("bob", "lamp", 1, 50),
                        new Interaction("dan", "lamp", 1, 50), // unknown user
                        new Interaction("carol", "sofa", 1, 50), // unknown item
                        new Interaction("ada", "lamp", 2, 60));

        InteractionMatrix aligned = InteractionMatrix.of(test, train.userIds(), train.itemIds());

        assertThat(aligned.users()).isEqualTo(3);
        assertThat(aligned.items()).isEqualTo(3);
        assertThat(aligned.size()).isEqualTo(2);
        assertThat(aligned.row(0)).isEqualTo(new SparseVector(new int[] {2}, new float[] {2}));
        assertThat(aligned.row(1)).isEqualTo(new SparseVector(new int[] {2}, new float[] {1}));
        assertThat(aligned.row(2)).isEqualTo(SparseVector.EMPTY);
    }

    @Test
    void syntheticIdsAreNumberedByTheirIndex() {
        SyntheticInteractions s =
                SyntheticInteractions.generate(SyntheticInteractions.Config.small());
        InteractionMatrix m = InteractionMatrix.of(s.interactions());

        assertThat(m.userIds()).isEqualTo(s.userIds());
        assertThat(m.user(s.userIds().get(42))).isEqualTo(OptionalInt.of(42));
    }
}
