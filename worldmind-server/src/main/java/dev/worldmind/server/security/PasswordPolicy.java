package dev.worldmind.server.security;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.catalog.CommonPasswords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: 12-256 characters ({@link Passwords#checkPolicy}), not only spaces,
 * not one character repeated, and not among the most common passwords (compared lowercase). The
 * common list starts as a built-in floor of the 100 most common of 12+ characters and is replaced
 * by the full list (dataset {@code common-passwords}, 44,000 of 12+) once it is loaded, so a server
 * without the dataset still starts and still refuses the worst. Thread-safe.
 */
public final class PasswordPolicy {
    private static final String FLOOR = "common-passwords-floor.txt";

    private volatile Set<String> common;
    private volatile String source;

    private PasswordPolicy(Set<String> common, String source) {
        this.common = Set.copyOf(common);
        this.source = source;
    }

    /**
     * A policy that refuses the built-in 100 most common passwords until {@link #use} is called.
     */
    public static PasswordPolicy withFloor() {
        Set<String> floor = floor();
        return new PasswordPolicy(floor, "built-in floor of " + floor.size() + " passwords");
    }

    /**
     * Refuses every password of a full list from now on (and still the floor).
     *
     * @param list the common passwords
     */
    public void use(CommonPasswords list) {
        Set<String> all = new HashSet<>(list.entries());
        all.addAll(floor());
        this.common = Set.copyOf(all);
        this.source = list.ref().description();
    }

    /** Where the refused passwords come from, for the log. */
    public String source() {
        return source;
    }

    /** How many common passwords are refused. */
    public int size() {
        return common.size();
    }

    /**
     * Checks a new password.
     *
     * @param password the candidate
     * @throws InvalidDataException saying what is wrong with it
     */
    public void check(String password) {
        Passwords.checkPolicy(password);
        if (password.codePoints()
                .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new InvalidDataException("a password of only spaces is too easy to guess");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw new InvalidDataException(
                    "a password of one character repeated is too easy to guess");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw new InvalidDataException(
                    "this password is among the most common ones and is guessed first; choose another");
        }
    }

    private static Set<String> floor() {
        Set<String> floor = new HashSet<>();
        try (InputStream raw = PasswordPolicy.class.getResourceAsStream(FLOOR)) {
            if (raw == null) {
                throw new IllegalStateException(FLOOR + " is missing from the server's jar");
            }
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    floor.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return floor;
    }
}
