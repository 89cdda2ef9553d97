package dev.worldmind.app.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.world.Point;
import dev.worldmind.data.world.Space;
import org.junit.jupiter.api.Test;

class CharacterPlacementTest {
    @Test
    void everyDefaultSpaceGetsAWalkableSpotNearItsEntrance() {
        for (Space space : DefaultWorld.spaces()) {
            CharacterPlacement.Spot spot = CharacterPlacement.of(space.kind(), space.layout());
            assertThat(space.layout().isWalkable(spot.x(), spot.z())).as(space.name()).isTrue();
            Point spawn = space.layout().spawns().get(0);
            assertThat(Math.hypot(spot.x() - spawn.x(), spot.z() - spawn.z()))
                    .as(space.name())
                    .isBetween(0.5, 9.0);
        }
    }
}
