package dev.worldmind.server.security;

import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.world.SpaceRole;
import java.util.Optional;

/**
 * Where someone stands in one space, lowest first: a visitor has no role there, an admin's global
 * role outranks every space role. The order of the constants is the order of authority.
 */
public enum Rank {
    /** No role in the space. */
    VISITOR,
    /** A member: may enter a members-only or private space. */
    MEMBER,
    /** May kick, mute, ban and unban people below them. */
    MODERATOR,
    /** Also changes members' roles (below owner). */
    OWNER,
    /** A global admin: above everyone in every space. */
    ADMIN;

    /**
     * The rank of an account in a space.
     *
     * @param global its global role
     * @param inSpace its role in the space, if any
     * @return the rank
     */
    public static Rank of(Role global, Optional<SpaceRole> inSpace) {
        if (global == Role.ADMIN) {
            return ADMIN;
        }
        return inSpace.map(Rank::of).orElse(VISITOR);
    }

    /**
     * The rank a space role gives.
     *
     * @param role the space role
     * @return the rank
     */
    public static Rank of(SpaceRole role) {
        return switch (role) {
            case OWNER -> OWNER;
            case MODERATOR -> MODERATOR;
            case MEMBER -> MEMBER;
        };
    }

    /** The space role this rank stands for; empty for a visitor (no role) and an admin. */
    public Optional<SpaceRole> spaceRole() {
        return switch (this) {
            case OWNER -> Optional.of(SpaceRole.OWNER);
            case MODERATOR -> Optional.of(SpaceRole.MODERATOR);
            case MEMBER -> Optional.of(SpaceRole.MEMBER);
            default -> Optional.empty();
        };
    }

    /** Whether this rank is strictly above another. */
    public boolean above(Rank other) {
        return compareTo(other) > 0;
    }
}
