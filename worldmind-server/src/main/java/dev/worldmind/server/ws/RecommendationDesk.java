package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.app.recommend.CatalogueEntry;
import dev.worldmind.app.recommend.Person;
import dev.worldmind.app.recommend.RecommendKind;
import dev.worldmind.app.recommend.Recommendation;
import dev.worldmind.app.recommend.SimulatedVisitors;
import dev.worldmind.app.recommend.WorldRecommender;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.accounts.PeopleSuggestions;
import dev.worldmind.data.events.BehaviourEvent;
import dev.worldmind.data.interaction.EventInteractions;
import dev.worldmind.data.interaction.InteractionWeights;
import dev.worldmind.data.world.Space;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world's recommendations in the live world: every logged interaction goes into the recommender
 * at once, the shop sends a personalised {@code shelf} on entering and after each of the user's own
 * looks, likes and purchases there, the plaza sends {@code suggestions} (spaces and people) on
 * entering and the classroom the {@code next_lesson}. The recommender is loaded in the background;
 * until then the messages say {@code warming_up}. A failure here never breaks the message that
 * caused it. "People like you" is opt-in ({@link PeopleSuggestions}): only users who turned it on
 * see people, and only such users who are not staff, bots or simulated visitors are ever listed.
 * Thread-safe.
 */
public final class RecommendationDesk {
    /** Products on the shelf. */
    public static final int SHELF = 6;

    /** Spaces and people in the plaza's suggestions, each. */
    public static final int SUGGESTIONS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationDesk.class);

    private final boolean enabled;
    private final PeopleSuggestions optIns;
    private final AtomicReference<WorldRecommender> recommender = new AtomicReference<>();
    private final InteractionWeights weights = InteractionWeights.defaults();

    /**
     * @param enabled whether recommendations are on at all
     * @param optIns who agreed to be suggested to others and to see such suggestions
     */
    public RecommendationDesk(boolean enabled, PeopleSuggestions optIns) {
        this.enabled = enabled;
        this.optIns = optIns;
    }

    /**
     * Whether an account sees "people like you" and may be listed in them.
     *
     * @param accountId the account
     */
    public boolean peopleOptIn(long accountId) {
        return optIns.isOn(accountId);
    }

    /**
     * Turns "people like you" on or off for an account.
     *
     * @param accountId the account
     * @param on whether it sees people and may be listed
     */
    public void peopleOptIn(long accountId, boolean on) {
        optIns.set(accountId, on);
    }

    /**
     * People with tastes like a user's: empty unless the user opted in; never staff, bots,
     * simulated visitors or anyone who did not opt in.
     *
     * @param r the recommender
     * @param accountId the user's account
     * @param user the user's name
     * @param n how many at most
     * @return up to {@code n}, most similar first
     */
    public List<Person> people(WorldRecommender r, long accountId, String user, int n) {
        if (!optIns.isOn(accountId)) {
            return List.of();
        }
        Set<String> listed = optIns.listed();
        return r.people(
                user, n, other -> listed.contains(other) && !SimulatedVisitors.isSimulated(other));
    }

    /** Whether recommendations are on. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Starts serving a loaded recommender.
     *
     * @param ready the recommender
     */
    public void ready(WorldRecommender ready) {
        recommender.set(ready);
    }

    /** The recommender once it is loaded. */
    public Optional<WorldRecommender> current() {
        return Optional.ofNullable(recommender.get());
    }

    /** Takes a logged event into its user's history (when it is an interaction). */
    void observe(BehaviourEvent event) {
        WorldRecommender r = recommender.get();
        if (r == null) {
            return; // replayed from the log when the recommender is loaded
        }
        try {
            EventInteractions.of(event, weights).ifPresent(r::record);
        } catch (RuntimeException e) {
            LOG.warn("recording {} for recommendations failed: {}", event.kind(), e.toString());
        }
    }

    /** Sends what a space suggests to someone who has just entered it. */
    void entered(Connection c, Space space) {
        send(c, space, true);
    }

    /** Sends the updated suggestions after someone acted on an item in a space. */
    void acted(Connection c, Space space) {
        send(c, space, false);
    }

    private void send(Connection c, Space space, boolean entering) {
        try {
            String message =
                    switch (space.kind()) {
                        case SHOP -> shelf(c.username(), space);
                        case PLAZA -> entering ? suggestions(c.id(), c.username()) : null;
                        case CLASSROOM -> nextLesson(c.username());
                        default -> null;
                    };
            if (message != null) {
                c.send(message);
            }
        } catch (RuntimeException e) {
            LOG.warn("recommendations for {} in {} failed", c.username(), space.id(), e);
        }
    }

    private ObjectNode start(String type) {
        ObjectNode node = Outbound.message(type);
        WorldRecommender r = recommender.get();
        if (!enabled) {
            node.put("status", "off");
            node.put("message", "recommendations are switched off on this server");
        } else if (r == null) {
            node.put("status", "warming_up");
            node.put("message", "recommendations are warming up; they will be here in a moment");
        } else {
            node.put("status", "ready");
        }
        return node;
    }

    String shelf(String user, Space space) {
        ObjectNode node = start("shelf");
        node.put("space", space.id());
        ArrayNode items = node.putArray("items");
        current()
                .ifPresent(
                        r -> {
                            for (Recommendation x :
                                    r.recommend(user, RecommendKind.PRODUCT, SHELF * 3)) {
                                if (space.id().equals(x.entry().space()) && items.size() < SHELF) {
                                    items.add(json(x));
                                }
                            }
                        });
        return node.toString();
    }

    String suggestions(long accountId, String user) {
        ObjectNode node = start("suggestions");
        ArrayNode spaces = node.putArray("spaces");
        ArrayNode people = node.putArray("people");
        current()
                .ifPresent(
                        r -> {
                            r.recommend(user, RecommendKind.SPACE, SUGGESTIONS)
                                    .forEach(x -> spaces.add(json(x)));
                            people(r, accountId, user, SUGGESTIONS)
                                    .forEach(p -> people.add(json(p)));
                        });
        return node.toString();
    }

    String nextLesson(String user) {
        ObjectNode node = start("next_lesson");
        node.putNull("lesson");
        current()
                .ifPresent(
                        r -> {
                            Optional<Recommendation> next = r.nextLesson(user);
                            if (next.isPresent()) {
                                node.set("lesson", json(next.get()));
                            } else {
                                node.put("message", "you have taken every lesson here");
                            }
                        });
        return node.toString();
    }

    /**
     * A recommendation as JSON (the same shape over the socket and HTTP).
     *
     * @param x the recommendation
     * @return {@code id, kind, name, space, item, score, explanation} and, when they apply, {@code
     *     price, category, categoryName, track, step}
     */
    public static ObjectNode json(Recommendation x) {
        CatalogueEntry e = x.entry();
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", e.id());
        n.put("kind", e.kind().value());
        n.put("name", e.name());
        n.put("space", e.space());
        n.put("item", e.item());
        n.put("score", Math.round(x.score() * 10000) / 10000.0);
        n.put("explanation", x.explanation());
        if (e.price() != null) {
            n.put("price", e.price());
        }
        if (e.category() != null) {
            n.put("category", e.category());
        }
        if (e.track() != null) {
            n.put("track", e.track());
            n.put("step", e.step());
        }
        return n;
    }

    /**
     * A person with similar tastes as JSON.
     *
     * @param p the person
     * @return {@code username, similarity, shared, simulated}
     */
    public static ObjectNode json(Person p) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("username", p.username());
        n.put("similarity", Math.round(p.similarity() * 10000) / 10000.0);
        ArrayNode shared = n.putArray("shared");
        p.shared().forEach(shared::add);
        n.put("simulated", p.simulated());
        return n;
    }
}
