package dev.worldmind.server.security;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule book for moderating a space, asked by the WebSocket {@code moderate} message and by
 * the REST member and ban routes alike, so the two doors cannot drift apart (they did: the REST ban
 * once let a moderator ban the space's owner). Ranks: admin &gt; owner &gt; moderator &gt; member
 * &gt; visitor.
 *
 * <ul>
 *   <li>Nobody acts on themselves.
 *   <li>Kick, mute, ban and unban need at least moderator, and only reach someone of lower rank.
 *   <li>A role change needs at least owner, only reaches someone of lower rank, and never gives a
 *       rank at or above the actor's own, except that an admin may make anyone an owner.
 *   <li>An owner is not banned while still an owner: a ban ends the target's membership, and an
 *       owner's must end only by an explicit role change first (by an admin), never silently.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class ModerationPolicy {
    /** What one may do to another in a space. */
    public enum Action {
        /** Take them out of the space once. */
        KICK,
        /** Silence their chat for a while. */
        MUTE,
        /** Keep them out of the space (ends their membership). */
        BAN,
        /** Lift a ban. */
        UNBAN,
        /** Give them another space role, or none. */
        ROLE;

        /** The lowercase name used in messages. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why an action was refused; the server layers pick a status code from it. */
    public enum Reason {
        /** The actor named themselves. */
        SELF,
        /** The actor's rank does not allow the action at all, or not on this target. */
        RANK
    }

    /**
     * A refusal.
     *
     * @param reason why
     * @param message what to tell the actor
     */
    public record Refusal(Reason reason, String message) {
        public Refusal {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The longest mute or ban that may be given with an end, in seconds (one year). Longer asks are
     * refused rather than clamped: a client asking for 9e18 seconds means something else. A ban
     * without end is asked for by giving no duration.
     */
    public static final long MAX_SECONDS = 365L * 24 * 60 * 60;

    private ModerationPolicy() {}

    /**
     * Whether a duration in seconds may be given.
     *
     * @param seconds the asked duration; 0 means the default (no end for a ban)
     * @return whether it is within 0 and {@link #MAX_SECONDS}
     */
    public static boolean durationAllowed(long seconds) {
        return seconds >= 0 && seconds <= MAX_SECONDS;
    }

    /**
     * Decides whether an action is allowed.
     *
     * @param actor the actor's rank in the space
     * @param target the target's rank in the space
     * @param self whether actor and target are the same account
     * @param action the action
     * @param newRank for {@link Action#ROLE}: the rank the target would get ({@link Rank#VISITOR}
     *     takes the role away); ignored otherwise
     * @return empty when allowed, else the refusal
     */
    public static Optional<Refusal> check(
            Rank actor, Rank target, boolean self, Action action, Rank newRank) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(action, "action");
        String verb = action == Action.ROLE ? "change the role of" : action.word();
        if (self) {
            return refuse(Reason.SELF, "you cannot " + verb + " yourself");
        }
        Rank needed = action == Action.ROLE ? Rank.OWNER : Rank.MODERATOR;
        if (actor.compareTo(needed) < 0) {
            return refuse(
                    Reason.RANK,
                    "only "
                            + (needed == Rank.OWNER ? "owners" : "moderators")
                            + " of this space may "
                            + verb
                            + " someone");
        }
        if (!actor.above(target)) {
            return refuse(Reason.RANK, "you may not " + verb + " someone of your rank or higher");
        }
        if (action == Action.BAN && target == Rank.OWNER) {
            return refuse(
                    Reason.RANK,
                    "an owner cannot be banned; change their role first (admins only)");
        }
        if (action == Action.ROLE) {
            Objects.requireNonNull(newRank, "newRank");
            if (newRank == Rank.ADMIN) {
                return refuse(Reason.RANK, "admin is a global role, not a space role");
            }
            if (actor != Rank.ADMIN && !actor.above(newRank)) {
                return refuse(
                        Reason.RANK,
                        "you may not give a role at or above your own ("
                                + actor.name().toLowerCase(Locale.ROOT)
                                + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(Reason reason, String message) {
        return Optional.of(new Refusal(reason, message));
    }
}
