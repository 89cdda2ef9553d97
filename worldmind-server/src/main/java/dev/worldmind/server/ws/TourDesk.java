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
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.world.Layout;
import dev.worldmind.data.world.Point;
import dev.worldmind.data.world.SpaceKind;
import dev.worldmind.model.navigation.SearchBudget;
import dev.worldmind.model.navigation.SearchBudgetExceededException;
import dev.worldmind.model.navigation.WalkGrid;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.reinforce.Policy;
import dev.worldmind.server.config.TourConfig;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The museum guide's tours: the {@code tour} message starts one for the visitor who asks (one at a
 * time per guide and instance), and the instance's tick walks the guide from exhibit to exhibit.
 * Tours are planned and steps searched on a {@link GuidePlanner}, within a search budget and
 * without the instance's lock, so no floor can stall the tick; a tour whose route does not fit the
 * budget is refused with {@code no_route}. The guide walks with the registered {@code
 * museum-navigator} policy once it is loaded (A* takes over whenever it goes wrong), by A* alone
 * until then or when there is none. Keeps the walked legs against their A* yardstick and the
 * fallbacks for tests and metrics. Thread-safe.
 */
public final class TourDesk implements MessageRoutes.Provider, Service {
    private static final Logger LOG = LoggerFactory.getLogger(TourDesk.class);

    /** How many recent legs are kept. */
    static final int KEPT_LEGS = 200;

    /**
     * The most cells one tour's plan may expand: one search from the guide and one from each stop,
     * enough for every exhibit allowed on the biggest allowed floor in a plain room.
     */
    static final long PLAN_NODES = 10_000_000;

    /** The most wall time one tour's plan may take. */
    static final Duration PLAN_TIME = Duration.ofSeconds(3);

    private final TourConfig config;
    private final CharacterDesk characters;
    private final AtomicReference<Policy> policy = new AtomicReference<>();
    private final GridCache grids = new GridCache(WorldEnvironments.CELL);
    private final GuidePlanner planner = new GuidePlanner();
    private final Set<SpaceInstance> planning = ConcurrentHashMap.newKeySet();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final Deque<Leg> legs = new ArrayDeque<>();
    private final Optional<ModelRegistry> registry;
    private final Stage stage;
    private volatile boolean closed;

    /**
     * @param config the tours' settings
     * @param registry where the navigation policy is registered, if anywhere
     * @param characters the characters (the guide among them)
     * @param stage the live world: tours are logged there
     */
    public TourDesk(
            TourConfig config,
            Optional<ModelRegistry> registry,
            CharacterDesk characters,
            Stage stage) {
        this.config = config;
        this.registry = registry;
        this.characters = characters;
        this.stage = stage;
    }

    @Override
    public String name() {
        return "tours";
    }

    /** Loads the navigation policy in the background, and again whenever a job registers one. */
    @Override
    public void start(Lifecycle life) {
        if (config.enabled()) {
            life.background("navigator", () -> load(registry));
        }
        stage.bus()
                .onModel(
                        e -> life.background("reload-navigator", () -> load(registry)),
                        MuseumNavigator.NAME);
    }

    @Override
    public void register(MessageRoutes routes) {
        routes.on(
                "tour",
                Inbound.Tour.class,
                (from, tour) -> tour(from.connection(), from.instance(), tour));
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
    private void tour(Connection c, SpaceInstance in, Inbound.Tour message) {
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
        Point at;
        // The instance's lock only for the busy and distance checks; the planning runs without it.
        synchronized (in) {
            Occupant self = in.find(c.id());
            GuideWalk current = in.guide();
            at =
                    current != null
                            ? new Point(current.x(), current.z())
                            : new Point(home.x(), home.z());
            if (current != null && current.touring()) {
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
        }
        if (!planning.add(in)) {
            throw new ProtocolException(
                    "busy", guide.name() + " is planning a tour; ask again later", "tour");
        }
        try {
            planner.plan(() -> plan(c, in, guide, at, home));
        } catch (RejectedExecutionException e) {
            planning.remove(in);
            throw new ProtocolException(
                    "busy", guide.name() + " has many tours to plan; ask again later", "tour");
        }
    }

    /**
     * Plans a tour on the planner's thread, on the layout alone (no lock), within {@link
     * #PLAN_NODES} and {@link #PLAN_TIME}; then starts it unless the visitor left or someone else's
     * tour started meanwhile.
     */
    private void plan(
            Connection c,
            SpaceInstance in,
            CharacterDefinition guide,
            Point at,
            CharacterPlacement.Spot home) {
        try {
            Layout layout = in.space.layout();
            WalkGrid grid = grids.get(layout);
            Tour tour =
                    Tour.plan(
                            grid,
                            layout.items(),
                            TourGuide.cellOf(grid, at),
                            SearchBudget.of(PLAN_NODES, PLAN_TIME));
            Policy p = policy.get();
            Navigator navigator = p == null ? new AStarNavigator() : new PolicyNavigator(p);
            TourGuide walker =
                    new TourGuide(
                            grid,
                            tour,
                            navigator,
                            config.guide(),
                            at,
                            new Point(home.x(), home.z()),
                            home.ry());
            GuideWalk walk =
                    new GuideWalk(guide.id(), c.id(), walker, this, planner, System.nanoTime());
            synchronized (in) {
                GuideWalk current = in.guide();
                if (in.find(c.id()) == null || (current != null && current.touring())) {
                    return; // the visitor left, or another tour began: nothing to start
                }
                in.guide(walk);
            }
            started.incrementAndGet();
            for (String m : walk.opening()) {
                in.connections().forEach(other -> other.send(m));
            }
            var payload = Json.mapper().createObjectNode();
            payload.put("character", guide.id());
            payload.put("action", "tour");
            stage.log(c, in.space.id(), EventKind.CONVERSATION, payload);
        } catch (SearchBudgetExceededException e) {
            refused.incrementAndGet();
            LOG.warn("a tour of space {} could not be planned: {}", in.space.id(), e.getMessage());
            c.send(
                    Outbound.error(
                            "no_route",
                            guide.name()
                                    + " cannot plan a route through this space ("
                                    + e.getMessage()
                                    + ")",
                            "tour"));
        } catch (InvalidDataException e) {
            c.send(
                    Outbound.error(
                            "no_route",
                            guide.name() + " cannot give this tour: " + e.getMessage(),
                            "tour"));
        } catch (RuntimeException e) {
            LOG.error("a tour of space {} failed to start", in.space.id(), e);
            c.send(Outbound.error("internal", "the tour could not be planned", "tour"));
        } finally {
            planning.remove(in);
        }
    }

    /** Tours refused because their route could not be planned within the budget. */
    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        closed = true;
        planner.close();
        Policy p = policy.getAndSet(null);
        if (p != null) {
            p.close();
        }
    }
}
