package dev.worldmind.server.ws;

import dev.worldmind.app.character.CharacterDefinition;
import dev.worldmind.app.reinforce.MuseumNavigator;
import dev.worldmind.app.reinforce.WorldEnvironments;
import dev.worldmind.app.tour.AStarNavigator;
import dev.worldmind.app.tour.Leg;
import dev.worldmind.app.tour.Navigator;
import dev.worldmind.app.tour.PolicyNavigator;
import dev.worldmind.app.tour.Tour;
import dev.worldmind.app.tour.TourGuide;
import dev.worldmind.app.world.CharacterPlacement;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.world.Point;
import dev.worldmind.data.world.SpaceKind;
import dev.worldmind.model.navigation.WalkGrid;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.reinforce.Policy;
import dev.worldmind.server.config.TourConfig;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The museum guide's tours: the {@code tour} message starts one for the visitor who asks (one at a
 * time per guide and instance), and the instance's tick walks the guide from exhibit to exhibit.
 * The guide walks with the registered {@code museum-navigator} policy once it is loaded (A* takes
 * over whenever it goes wrong), by A* alone until then or when there is none. Keeps the walked legs
 * against their A* yardstick and the fallbacks for tests and metrics. Thread-safe.
 */
public final class TourDesk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TourDesk.class);

    /** How many recent legs are kept. */
    static final int KEPT_LEGS = 200;

    private final TourConfig config;
    private final CharacterDesk characters;
    private final AtomicReference<Policy> policy = new AtomicReference<>();
    private final Map<String, WalkGrid> grids = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final Deque<Leg> legs = new ArrayDeque<>();
    private volatile Dispatcher dispatcher;
    private volatile boolean closed;

    /**
     * @param config the tours' settings
     * @param characters the characters (the guide among them)
     */
    public TourDesk(TourConfig config, CharacterDesk characters) {
        this.config = config;
        this.characters = characters;
    }

    void attach(Dispatcher d) {
        this.dispatcher = d;
    }

    /**
     * Lets the guides walk with a learned policy from now on; the desk closes it.
     *
     * @param loaded the {@link MuseumNavigator} policy
     */
    public void ready(Policy loaded) {
        Policy before = policy.getAndSet(loaded);
        if (before != null) {
            before.close();
        }
    }

    /**
     * Loads the registered {@link MuseumNavigator} policy when there is one (in the background at
     * start); the guide walks by A* until then, and for good when there is none or it is broken.
     *
     * @param registry the model registry, if any
     */
    public void load(Optional<ModelRegistry> registry) {
        try {
            Optional<Policy> loaded = registry.flatMap(MuseumNavigator::load);
            if (loaded.isEmpty()) {
                LOG.info(
                        "no {} policy registered: the museum guide walks by A*",
                        MuseumNavigator.NAME);
                return;
            }
            if (closed) {
                loaded.get().close();
                return;
            }
            ready(loaded.get());
            LOG.info("the museum guide walks with the {} policy", MuseumNavigator.NAME);
        } catch (RuntimeException e) {
            LOG.error("the navigation policy could not be loaded; the museum guide walks by A*", e);
        }
    }

    /** Who leads new tours: {@link Navigator#POLICY} once a policy is loaded, else A*. */
    public String navigator() {
        return policy.get() == null ? Navigator.ASTAR : Navigator.POLICY;
    }

    /** Tours started so far. */
    public long started() {
        return started.get();
    }

    /** Guides back home after a tour (finished or cancelled). */
    public long ended() {
        return ended.get();
    }

    /** Legs of ended tours on which the policy went wrong and A* took over. */
    public long fallbacks() {
        return fallbacks.get();
    }

    /** The recent legs of ended tours, oldest first, against their A* length. */
    public synchronized List<Leg> legs() {
        return List.copyOf(legs);
    }

    synchronized void ended(TourGuide guide) {
        ended.incrementAndGet();
        fallbacks.addAndGet(guide.fallbacks());
        for (Leg leg : guide.legs()) {
            if (legs.size() == KEPT_LEGS) {
                legs.removeFirst();
            }
            legs.addLast(leg);
        }
    }

    /** Handles a {@code tour} message from someone in a space. */
    void tour(Connection c, SpaceInstance in, Inbound.Tour message) {
        CharacterDefinition guide =
                characters
                        .find(message.character())
                        .filter(d -> d.home() == in.space.kind())
                        .orElseThrow(
                                () ->
                                        new ProtocolException(
                                                "not_found",
                                                "no character '" + message.character() + "' here",
                                                "tour"));
        if (!config.enabled()
                || in.space.kind() != SpaceKind.MUSEUM
                || in.space.layout().items().isEmpty()) {
            throw new ProtocolException(
                    "bad_message", guide.name() + " does not give tours here", "tour");
        }
        CharacterPlacement.Spot home = characters.spot(in.space);
        WalkGrid grid =
                grids.computeIfAbsent(
                        in.space.id(),
                        id -> WalkGrid.of(in.space.layout(), WorldEnvironments.CELL));
        GuideWalk walk;
        // The instance's lock: the busy and distance checks and the start are one step.
        synchronized (in) {
            Occupant self = in.find(c.id());
            GuideWalk current = in.guide();
            Point at =
                    current != null
                            ? new Point(current.guide.x(), current.guide.z())
                            : new Point(home.x(), home.z());
            if (current != null && current.guide.touring()) {
                throw new ProtocolException(
                        "busy",
                        current.visitor == c.id()
                                ? "your tour with " + guide.name() + " is already under way"
                                : guide.name() + " is giving someone else a tour; ask again later",
                        "tour");
            }
            if (self != null
                    && Math.hypot(self.x - at.x(), self.z - at.z()) > CharacterDesk.TALK_DISTANCE) {
                throw new ProtocolException(
                        "too_far",
                        "walk up to "
                                + guide.name()
                                + " to ask for a tour (within "
                                + (int) CharacterDesk.TALK_DISTANCE
                                + " m)",
                        "tour");
            }
            Policy p = policy.get();
            Navigator navigator = p == null ? new AStarNavigator() : new PolicyNavigator(p);
            Tour tour = Tour.plan(grid, in.space.layout().items(), TourGuide.cellOf(grid, at));
            TourGuide walker =
                    new TourGuide(
                            grid,
                            tour,
                            navigator,
                            config.guide(),
                            at,
                            new Point(home.x(), home.z()),
                            home.ry());
            walk = new GuideWalk(guide.id(), c.id(), walker, this, System.nanoTime());
            in.guide(walk);
        }
        started.incrementAndGet();
        for (String m : walk.opening()) {
            in.connections().forEach(other -> other.send(m));
        }
        var p = Json.mapper().createObjectNode();
        p.put("character", guide.id());
        p.put("action", "tour");
        dispatcher.log(c, in.space.id(), EventKind.CONVERSATION, p);
    }

    @Override
    public void close() {
        closed = true;
        Policy p = policy.getAndSet(null);
        if (p != null) {
            p.close();
        }
    }
}
