package dev.worldmind.data.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A space stored before the layout limits existed does not stop the world from loading. */
class WorldStoreLimitsTest {
    @TempDir Path dir;

    @Test
    void aStoredSpacePastTheLimitsIsSkippedNotFatal() throws Exception {
        try (Database db = Database.open(DatabaseConfig.h2File(dir.resolve("w")))) {
            WorldStore world = new WorldStore(db);
            world.saveSpace(
                    new Space(
                            "small",
                            "Small",
                            SpaceKind.PLAZA,
                            8,
                            Visibility.PUBLIC,
                            new Layout(10, 10, List.of(new Point(1, 1)), null, null, null)));
            try (Connection c = db.dataSource().getConnection();
                    PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO spaces (id, name, kind, capacity, visibility,"
                                            + " layout) VALUES ('vast', 'Vast', 'museum', 8,"
                                            + " 'public', ?)")) {
                ps.setString(
                        1,
                        "{\"width\":8000,\"depth\":8000,\"spawns\":[{\"x\":10,\"z\":10}],"
                                + "\"obstacles\":[],\"portals\":[],\"items\":[]}");
                ps.executeUpdate();
            }
            assertThat(world.spaces())
                    .extracting(Space::id)
                    .contains("small")
                    .doesNotContain("vast");
            assertThat(world.findSpace("vast")).isEmpty();
        }
    }
}
