package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.navigation.AStar;
import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.navigation.GridPath;
import dev.worldmind.model.navigation.Move;
import dev.worldmind.model.navigation.WalkGrid;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NavGridTest {
    private static final WalkGrid MAP =
            WalkGrid.parse(
                    1.0,
                    "............",
                    "....#.......",
                    "....#...#...",
                    "....#...#...",
                    "........#...",
                    "............");

    @Test
    void followingAStarReachesTheGoalWithTheOptimalLength() {
        NavGrid env = new NavGrid("NavGrid-test", MAP, 100, 2, NavGrid.Pairs.ALL);
        for (long seed = 0; seed < 20; seed++) {
            float[] obs = env.reset(seed);
            assertThat(obs).hasSize(NavGrid.OBSERVATION_SIZE);
            assertThat(env.optimalLength()).isGreaterThanOrEqualTo(NavGrid.MIN_DISTANCE);
            WalkGrid floor = MAP.blocking(env.visitors());
            GridPath path = AStar.path(floor, env.position(), env.goal()).orElseThrow();
            Step last = null;
            double total = 0;
            for (int i = 1; i < path.cells().size(); i++) {
                last =
                        env.step(
                                moveBetween(path.cells().get(i - 1), path.cells().get(i))
                                        .ordinal());
                total += last.reward();
            }
            assertThat(last.terminated()).isTrue();
            assertThat(env.travelled()).isCloseTo(env.optimalLength(), within(1e-9));
            assertThat(total).isGreaterThan(1); // the goal's +1 plus positive shaping
        }
    }

    @Test
    void aBlockedMoveStaysCostsAndIsRemembered() {
        WalkGrid tiny = WalkGrid.parse(1.0, "#######", "#.....#", "#######");
        NavGrid env = new NavGrid("NavGrid-tiny", tiny, 3, 0, NavGrid.Pairs.ALL);
        env.reset(1);
        Cell before = env.position();
        Step s = env.step(Move.N.ordinal());
        assertThat(env.position()).isEqualTo(before);
        assertThat(s.reward()).isLessThan(-0.09);
        int memory = NavGrid.VIEW * NavGrid.VIEW + 7 + 8;
        assertThat(s.observation()[memory]).isEqualTo(1f);
        // the wall above shows in the view: the cell straight north of the centre
        int h = NavGrid.VIEW / 2;
        assertThat(s.observation()[(h - 1) * NavGrid.VIEW + h]).isEqualTo(1f);
        env.step(Move.N.ordinal());
        Step third = env.step(Move.N.ordinal());
        assertThat(third.truncated()).isTrue();
        assertThatThrownBy(() -> env.step(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsInvalidActionsClearly() {
        NavGrid env = new NavGrid("NavGrid-test", MAP, 50, 0, NavGrid.Pairs.ALL);
        assertThatThrownBy(() -> env.step(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset");
        env.reset(3);
        assertThatThrownBy(() -> env.step(8))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("action 8");
        assertThatThrownBy(() -> env.step(new float[] {0.5f}))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("discrete");
    }

    @Test
    void heldOutPairsNeverAppearInTraining() {
        NavGrid train = new NavGrid("a", MAP, 50, 0, NavGrid.Pairs.TRAINING);
        NavGrid held = new NavGrid("b", MAP, 50, 0, NavGrid.Pairs.HELD_OUT);
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 2000; seed++) {
            train.reset(seed);
            seen.add(train.position() + ">" + train.goal());
        }
        for (long seed = 0; seed < 300; seed++) {
            held.reset(seed);
            assertThat(seen).doesNotContain(held.position() + ">" + held.goal());
        }
    }

    private static Move moveBetween(Cell a, Cell b) {
        for (Move m : Move.values()) {
            if (a.row() + m.dr == b.row() && a.col() + m.dc == b.col()) {
                return m;
            }
        }
        throw new AssertionError(a + " and " + b + " are not neighbours");
    }
}
