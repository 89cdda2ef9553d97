package dev.worldmind.model.recommend;

import java.util.List;
import java.util.Objects;

/**
 * Someone with similar tastes.
 *
 * @param user the other user's id
 * @param similarity the cosine of the two users' weighted histories, in (0, 1]
 * @param shared up to three items both have, the strongest first
 */
public record PersonMatch(String user, double similarity, List<String> shared) {
    public PersonMatch {
        Objects.requireNonNull(user, "user");
        shared = List.copyOf(shared);
    }
}
