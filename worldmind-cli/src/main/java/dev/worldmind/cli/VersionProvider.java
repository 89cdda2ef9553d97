package dev.worldmind.cli;

import dev.worldmind.core.provenance.CodeVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the Worldmind version and source revision for {@code --version}. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "worldmind " + CodeVersion.worldmindVersion() + " (" + CodeVersion.current() + ")",
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
        };
    }
}
