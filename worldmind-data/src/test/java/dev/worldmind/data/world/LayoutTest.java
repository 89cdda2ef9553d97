package dev.worldmind.data.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {
    /** 10 x 6 m with a 2 x 2 m box centred at (5, 3). */
    private static final Layout ROOM =
            new Layout(
                    10,
                    6,
                    List.of(new Point(1, 1)),
                    List.of(new Obstacle("plinth", 5, 3, 2, 2, 1)),
                    List.of(new Portal("out", 9, 3, 1, "plaza", "Plaza")),
                    List.of(new Item("vase", "Vase", "", 5, 3, null)));

    @Test
    void keepsAvatarsAnAvatarRadiusFromTheEdges() {
        double r = Layout.AVATAR_RADIUS;
        assertThat(ROOM.isWalkable(r, r)).isTrue();
        assertThat(ROOM.isWalkable(10 - r, 6 - r)).isTrue();
        assertThat(ROOM.isWalkable(0.29, 1)).isFalse();
        assertThat(ROOM.isWalkable(1, 0.29)).isFalse();
        assertThat(ROOM.isWalkable(9.71, 1)).isFalse();
        assertThat(ROOM.isWalkable(1, 5.71)).isFalse();
        assertThat(ROOM.isWalkable(-1, 1)).isFalse();
        assertThat(ROOM.isWalkable(Double.NaN, 1)).isFalse();
    }

    @Test
    void growsObstaclesByTheAvatarRadius() {
        // The box spans x 4..6 and z 2..4; grown, 3.7..6.3 and 1.7..4.3.
        assertThat(ROOM.isWalkable(5, 3)).isFalse();
        assertThat(ROOM.isWalkable(3.8, 3)).isFalse();
        assertThat(ROOM.isWalkable(6.2, 3)).isFalse();
        assertThat(ROOM.isWalkable(5, 1.8)).isFalse();
        assertThat(ROOM.isWalkable(6.2, 4.2)).isFalse();
        assertThat(ROOM.isWalkable(3.6, 3)).isTrue();
        assertThat(ROOM.isWalkable(6.4, 3)).isTrue();
        assertThat(ROOM.isWalkable(5, 4.4)).isTrue();
        assertThat(ROOM.isWalkable(6.4, 4.4)).isTrue();
    }

    @Test
    void samplesAGridRowByZColumnByX() {
        boolean[][] grid = ROOM.walkableGrid(1);
        assertThat(grid).hasDimensions(6, 10);
        assertThat(grid[0][0]).isTrue(); // centre (0.5, 0.5)
        assertThat(grid[3][5]).isFalse(); // centre (5.5, 3.5), inside the box
        assertThat(grid[3][2]).isTrue(); // centre (2.5, 3.5)
        assertThat(grid[2][3]).isTrue(); // centre (3.5, 2.5): x 3.5 < 3.7, beside the grown box
        assertThat(grid[2][4]).isFalse(); // centre (4.5, 2.5): inside the grown box
        assertThat(ROOM.walkableGrid(0.1)).hasDimensions(60, 100);
        assertThat(ROOM.walkableGrid(4)).hasDimensions(2, 3);
    }

    @Test
    void findsPortalsAndItemsById() {
        assertThat(ROOM.portal("out")).map(Portal::target).contains("plaza");
        assertThat(ROOM.portal("in")).isEmpty();
        assertThat(ROOM.item("vase")).map(Item::forSale).contains(false);
        assertThat(ROOM.item("mona")).isEmpty();
    }

    @Test
    void rejectsLayoutsWithoutAWalkableSpawn() {
        assertThatThrownBy(() -> new Layout(10, 6, List.of(), null, null, null))
                .hasMessageContaining("at least one spawn");
        assertThatThrownBy(() -> new Layout(10, 6, List.of(new Point(0.1, 3)), null, null, null))
                .hasMessageContaining("not walkable");
        assertThatThrownBy(
                        () ->
                                new Layout(
                                        10,
                                        6,
                                        List.of(new Point(5, 3)),
                                        List.of(new Obstacle("desk", 5, 3, 1, 1, 1)),
                                        null,
                                        null))
                .hasMessageContaining("not walkable");
        assertThatThrownBy(() -> new Layout(0, 6, List.of(new Point(1, 1)), null, null, null))
                .hasMessageContaining("positive");
    }

    @Test
    void rejectsDuplicateIds() {
        List<Point> spawn = List.of(new Point(1, 1));
        Portal portal = new Portal("out", 9, 3, 1, "plaza", "Plaza");
        Item item = new Item("vase", "Vase", "", 5, 3, 9.5);
        assertThatThrownBy(() -> new Layout(10, 6, spawn, null, List.of(portal, portal), null))
                .hasMessageContaining("two portals have the id out");
        assertThatThrownBy(() -> new Layout(10, 6, spawn, null, null, List.of(item, item)))
                .hasMessageContaining("two items have the id vase");
    }

    @Test
    void copiesItsListsImmutably() {
        List<Point> spawns = new java.util.ArrayList<>(List.of(new Point(1, 1)));
        Layout layout = new Layout(10, 6, spawns, null, null, null);
        spawns.clear();
        assertThat(layout.spawns()).hasSize(1);
        assertThatThrownBy(() -> layout.spawns().add(new Point(2, 2)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(layout.obstacles()).isEmpty();
    }

    @Test
    void refusesLayoutsPastTheLimitsWithTheLimitInTheMessage() {
        List<Point> spawn = List.of(new Point(1, 1));
        assertThatThrownBy(() -> new Layout(8000, 8000, spawn, null, null, null))
                .hasMessageContaining("at most " + (int) LayoutLimits.MAX_SIDE + " m");
        assertThatThrownBy(() -> new Layout(10, LayoutLimits.MAX_SIDE + 1, spawn, null, null, null))
                .hasMessageContaining("deep");
        List<Obstacle> boxes =
                java.util.Collections.nCopies(
                        LayoutLimits.MAX_OBSTACLES + 1, new Obstacle("box", 5, 5, 1, 1, 1));
        assertThatThrownBy(() -> new Layout(10, 10, spawn, boxes, null, null))
                .hasMessageContaining("at most " + LayoutLimits.MAX_OBSTACLES + " obstacles");
        List<Item> items = new java.util.ArrayList<>();
        for (int i = 0; i <= LayoutLimits.MAX_ITEMS; i++) {
            items.add(new Item("i" + i, "I", "", 5, 5, null));
        }
        assertThatThrownBy(() -> new Layout(10, 10, spawn, null, null, items))
                .hasMessageContaining("at most " + LayoutLimits.MAX_ITEMS + " items");
        List<Portal> portals = new java.util.ArrayList<>();
        for (int i = 0; i <= LayoutLimits.MAX_PORTALS; i++) {
            portals.add(new Portal("p" + i, 5, 5, 1, "plaza", "P"));
        }
        assertThatThrownBy(() -> new Layout(10, 10, spawn, null, portals, null))
                .hasMessageContaining("at most " + LayoutLimits.MAX_PORTALS + " portals");
        List<Point> spawns =
                java.util.Collections.nCopies(LayoutLimits.MAX_SPAWNS + 1, new Point(1, 1));
        assertThatThrownBy(() -> new Layout(10, 10, spawns, null, null, null))
                .hasMessageContaining("at most " + LayoutLimits.MAX_SPAWNS + " spawns");
    }

    @Test
    void acceptsTheBiggestAllowedLayout() {
        double side = LayoutLimits.MAX_SIDE;
        Layout biggest =
                new Layout(
                        side,
                        side,
                        java.util.Collections.nCopies(LayoutLimits.MAX_SPAWNS, new Point(1, 1)),
                        java.util.Collections.nCopies(
                                LayoutLimits.MAX_OBSTACLES, new Obstacle("box", 50, 50, 1, 1, 1)),
                        null,
                        null);
        assertThat(biggest.walkableGrid(1.0)).hasNumberOfRows((int) side);
    }

    @Test
    void refusesAGridOfTooManyCells() {
        assertThatThrownBy(() -> ROOM.walkableGrid(0.001)).hasMessageContaining("cells");
    }
}
