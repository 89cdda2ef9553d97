package dev.worldmind.core.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The source revision this build was made from, recorded by the build in a resource. */
public final class CodeVersion {
    private static final String RESOURCE = "/dev/worldmind/core/build.properties";

    private CodeVersion() {}

    /**
     * Returns {@code git describe} of the build (with {@code -dirty} for uncommitted changes), or
     * {@code "unknown"} when the build did not run in a git checkout.
     */
    public static String current() {
        try (InputStream in = CodeVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String describe = p.getProperty("git.describe", "");
            if (describe.isBlank() || describe.startsWith("${")) {
                return "unknown";
            }
            return describe;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Returns the Worldmind version from the build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String worldmindVersion() {
        try (InputStream in = CodeVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("worldmind.version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
