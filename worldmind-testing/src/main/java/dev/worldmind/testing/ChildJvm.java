package dev.worldmind.testing;

import dev.worldmind.data.db.DatabaseConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM on the test's class path, for tests that kill a process mid-work (crash durability,
 * job recovery) and check what survives. The database is handed over in the child's environment, so
 * no password shows in a process listing.
 */
public final class ChildJvm {
    private static final String URL = "WM_URL";
    private static final String USER = "WM_USER";
    private static final String PASSWORD = "WM_PASSWORD";

    private ChildJvm() {}

    /**
     * A process that runs {@code main} in a new JVM on this class path, with the database in its
     * environment.
     *
     * @param main the class whose {@code main} the child runs
     * @param db the database the child reads with {@link #database()}
     * @param jvmOptions options before the class path, such as {@code -Xmx256m}
     * @return the process, not started
     */
    public static ProcessBuilder of(Class<?> main, DatabaseConfig db, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(URL, db.url());
        builder.environment().put(USER, db.user());
        builder.environment().put(PASSWORD, db.password());
        return builder;
    }

    /** In the child: the database its parent handed over. */
    public static DatabaseConfig database() {
        return DatabaseConfig.of(System.getenv(URL), System.getenv(USER), System.getenv(PASSWORD));
    }
}
