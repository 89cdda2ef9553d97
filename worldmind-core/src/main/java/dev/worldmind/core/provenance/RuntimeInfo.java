package dev.worldmind.core.provenance;

import java.util.Map;
import java.util.Objects;

/**
 * The software and machine a piece of work ran on.
 *
 * @param libraries versions of the libraries that matter, e.g. {@code djl -> 0.36.0}
 * @param jvm the Java runtime's vendor and version
 * @param os the operating system's name and version
 * @param arch the CPU architecture
 * @param cpus the processors available to the JVM
 */
public record RuntimeInfo(
        Map<String, String> libraries, String jvm, String os, String arch, int cpus) {
    public RuntimeInfo {
        libraries = Map.copyOf(Objects.requireNonNull(libraries, "libraries"));
    }

    /**
     * Describes this JVM and machine.
     *
     * @param libraries versions of the libraries in use
     * @return the description
     */
    public static RuntimeInfo current(Map<String, String> libraries) {
        return new RuntimeInfo(
                libraries,
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
    }
}
