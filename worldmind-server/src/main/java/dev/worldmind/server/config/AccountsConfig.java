package dev.worldmind.server.config;

import dev.worldmind.core.InvalidDataException;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of account creation.
 *
 * @param registrationsPerAddress how many accounts one client address may create within the window
 *     (0: no limit). Behind a reverse proxy every client has the proxy's address unless the proxy
 *     is trusted, and then this is a limit for everyone together
 * @param registrationWindow the sliding window of that limit; a blocked address waits out the rest
 *     of it
 */
public record AccountsConfig(int registrationsPerAddress, Duration registrationWindow) {
    public AccountsConfig {
        if (registrationsPerAddress < 0) {
            throw new InvalidDataException(
                    "accounts.registrations-per-address must be 0 (no limit) or more, got "
                            + registrationsPerAddress);
        }
        Objects.requireNonNull(registrationWindow, "registrationWindow");
        if (registrationWindow.isNegative() || registrationWindow.isZero()) {
            throw new InvalidDataException("accounts.registration-window must be positive");
        }
    }

    /**
     * 20 accounts per address and hour: a classroom behind one address can still sign up together,
     * a script gets 20 an hour instead of 20 in two seconds.
     */
    public static AccountsConfig defaults() {
        return new AccountsConfig(20, Duration.ofHours(1));
    }
}
