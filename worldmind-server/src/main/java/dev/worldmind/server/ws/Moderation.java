package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.server.security.ModerationPolicy;
import dev.worldmind.server.security.ModerationPolicy.Action;
import dev.worldmind.server.security.ModerationPolicy.Reason;
import dev.worldmind.server.security.Rank;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Kick, mute and ban inside a space, as {@link ModerationPolicy} allows (the same rules the REST
 * member and ban routes ask): moderators and up, only over someone of lower rank.
 */
final class Moderation implements MessageRoutes.Provider {
    private final Stage stage;

    Moderation(Stage stage) {
        this.stage = stage;
    }

    @Override
    public void register(MessageRoutes routes) {
        routes.on(
                "moderate",
                Inbound.Moderate.class,
                (from, m) -> apply(from.connection(), from.instance(), m));
    }

    private void apply(Connection actor, SpaceInstance in, Inbound.Moderate m) {
        String spaceId = in.space.id();
        Rank actorRank = rank(actor, spaceId);
        Action action = Action.valueOf(m.action().toUpperCase(Locale.ROOT));
        if (actorRank.compareTo(Rank.MODERATOR) < 0) {
            // before looking the target up, so a visitor learns nothing about who is here
            throw new ProtocolException(
                    "forbidden", "only moderators of this space may " + m.action(), "moderate");
        }
        Connection target = stage.hub().connection(m.target());
        if (target == null
                || target.instance == null
                || !target.instance.space.id().equals(spaceId)) {
            throw new ProtocolException(
                    "not_found", "account " + m.target() + " is not in this space", "moderate");
        }
        ModerationPolicy.check(
                        actorRank, rank(target, spaceId), target.id() == actor.id(), action, null)
                .ifPresent(
                        refusal -> {
                            throw new ProtocolException(
                                    refusal.reason() == Reason.SELF ? "bad_message" : "forbidden",
                                    refusal.message(),
                                    "moderate");
                        });
        Instant now = stage.clock().instant();
        Instant until = m.seconds() > 0 ? now.plus(Duration.ofSeconds(m.seconds())) : null;
        String by = actor.username();
        switch (m.action()) {
            case "mute" -> {
                Instant muteUntil = until != null ? until : now.plus(Duration.ofMinutes(5));
                stage.mute(spaceId, target.id(), muteUntil);
                target.send(Outbound.moderated("mute", by, m.reason(), muteUntil));
            }
            case "ban" -> {
                stage.world().ban(spaceId, target.id(), actor.id(), m.reason(), until);
                stage.evict(spaceId, target.id(), "ban", by, m.reason(), until);
            }
            default -> stage.evict(spaceId, target.id(), "kick", by, m.reason(), null);
        }
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("action", m.action()).put("target", target.id());
        stage.log(actor, spaceId, EventKind.MODERATION, p);
    }

    private Rank rank(Connection c, String spaceId) {
        return Rank.of(c.principal.account().role(), stage.spaceRole(spaceId, c.id()));
    }
}
