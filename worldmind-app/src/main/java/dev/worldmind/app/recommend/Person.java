package dev.worldmind.app.recommend;

import java.util.List;
import java.util.Objects;

/**
 * Someone with similar tastes.
 *
 * @param username their user name
 * @param similarity the cosine of the two weighted histories, in (0, 1]
 * @param shared the names of up to three things both liked, the strongest first
 * @param simulated whether they are one of the {@link SimulatedVisitors}, not a real account
 */
public record Person(String username, double similarity, List<String> shared, boolean simulated) {
    public Person {
        Objects.requireNonNull(username, "username");
        shared = List.copyOf(shared);
    }
}
