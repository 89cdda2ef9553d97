package dev.worldmind.data.db;

import dev.worldmind.data.events.BehaviourEvent;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.events.EventLog;
import dev.worldmind.testing.ChildJvm;
import java.time.Instant;

/**
 * The child process of {@link CrashDurabilityIT}: appends events one transaction at a time and
 * prints each id once its commit has returned, until it is killed. The database comes from the
 * parent through {@link ChildJvm}.
 */
public final class AppendUntilKilled {
    private AppendUntilKilled() {}

    /**
     * Runs the child.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        DatabaseConfig config = ChildJvm.database();
        try (Database db = Database.open(config)) {
            EventLog log = new EventLog(db);
            System.out.println("open");
            System.out.flush();
            for (int i = 0; i < 1_000_000; i++) {
                long id =
                        log.append(
                                BehaviourEvent.of(
                                        Instant.now(), 1L, "child", "plaza", EventKind.MOVE, null));
                System.out.println(id);
                System.out.flush();
            }
        }
    }
}
