package dev.worldmind.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 content hashes, as lowercase hex, of files and of lists of hashes. */
public final class ContentHash {
    private ContentHash() {}

    /**
     * Hashes a file's bytes.
     *
     * @param file the file
     * @return the SHA-256 as 64 lowercase hex digits
     */
    public static String of(Path file) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new WorldmindException("cannot read " + file + " to hash it: " + e, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Hashes bytes.
     *
     * @param bytes the content
     * @return the SHA-256 as 64 lowercase hex digits
     */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /**
     * Combines named hashes into one, so a dataset of several files has one content hash.
     *
     * @param parts entries such as {@code "train-images=ba89..."}, in a fixed order
     * @return the SHA-256 of the entries joined by newlines
     */
    public static String combine(List<String> parts) {
        return of(String.join("\n", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
