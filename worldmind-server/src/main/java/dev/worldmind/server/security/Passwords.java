package dev.worldmind.server.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.worldmind.core.InvalidDataException;

/**
 * Argon2id password hashing with OWASP's recommended parameters (m = 19,456 KiB, t = 2, p = 1),
 * stored as PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so the parameters can be
 * raised later without breaking old hashes. Stateless and thread-safe; one hash takes tens of
 * milliseconds by design.
 */
public final class Passwords {
    /** The shortest password accepted. */
    public static final int MIN_LENGTH = 12;

    /** The longest password accepted (a bound on hashing work, not a security limit). */
    public static final int MAX_LENGTH = 256;

    private static final Argon2Function ARGON2ID =
            Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    // Verified against when the account does not exist, so that answer takes as long as a wrong
    // password and does not reveal which names are registered.
    private static final String DUMMY = hash("dummy-password-never-valid");

    private Passwords() {}

    /**
     * Checks the length policy.
     *
     * @param password the candidate
     * @throws InvalidDataException when it is too short or too long
     */
    public static void checkPolicy(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidDataException(
                    "the password needs at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidDataException(
                    "the password may have at most " + MAX_LENGTH + " characters");
        }
    }

    /**
     * Hashes a password with a fresh 16-byte salt.
     *
     * @param password the password
     * @return the PHC string
     */
    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /**
     * Checks a password against a stored hash; a null hash (no account, or a bot) never matches but
     * costs the same time.
     *
     * @param password the password given
     * @param storedHash the PHC string, or null
     * @return whether they match
     */
    public static boolean verify(String password, String storedHash) {
        if (password == null || password.length() > MAX_LENGTH * 4) {
            return false;
        }
        if (storedHash == null) {
            Password.check(password, DUMMY).with(ARGON2ID);
            return false;
        }
        try {
            return Password.check(password, storedHash)
                    .with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException e) {
            return false; // a damaged hash never matches
        }
    }
}
