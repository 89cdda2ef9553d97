package dev.worldmind.data.store;

import java.util.regex.Pattern;

/**
 * One file of a dataset and the SHA-256 it must have.
 *
 * @param name the file name inside the dataset's folder
 * @param sha256 the expected SHA-256, 64 lowercase hex digits
 */
public record DatasetFile(String name, String sha256) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public DatasetFile {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("a plain file name is required: " + name);
        }
        if (sha256 == null || !HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
        }
    }
}
