package dev.worldmind.server.ws;

import dev.worldmind.app.tour.TourEvent;
import dev.worldmind.app.tour.TourGuide;
import dev.worldmind.data.world.Point;
import dev.worldmind.server.ws.SpaceInstance.Outgoing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * A character walking in one instance: the museum guide on a tour (or on the way home after it). At
 * every tick the instance collects the guide's last step and hands it the next one; the step itself
 * (the navigator's search) runs on the {@link GuidePlanner}, so the tick never searches and never
 * waits for a search. The tour guide is touched by one step at a time; everything else here is
 * guarded by its instance's lock.
 */
final class GuideWalk {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GuideWalk.class);

    final String character;
    final long visitor;
    private final TourGuide guide;
    private final TourDesk desk;
    private final GuidePlanner planner;
    private final List<String> opening;
    private long last;
    private Future<Step> pending;
    private boolean cancelled;
    private volatile boolean cancelAsked;
    // Where the guide was after its last collected step, for the instance's snapshots.
    private double x;
    private double z;
    private double ry;
    private TourGuide.State state;
    private double sentX = Double.NaN;
    private double sentZ;
    private double sentRy;

    /** What one step did; made on the planner's thread. */
    private record Step(
            List<TourEvent> events, double x, double z, double ry, TourGuide.State state) {}

    GuideWalk(
            String character,
            long visitor,
            TourGuide guide,
            TourDesk desk,
            GuidePlanner planner,
            long now) {
        this.character = character;
        this.visitor = visitor;
        this.guide = guide;
        this.desk = desk;
        this.planner = planner;
        this.last = now;
        this.opening = List.of(Outbound.tour(character, visitor, guide.opening()));
        this.x = guide.x();
        this.z = guide.z();
        this.ry = guide.ry();
        this.state = guide.state();
    }

    /**
     * Collects the last step, if it is done, and starts the next one.
     *
     * @param occupants everyone in the instance
     * @param now the time, in nanoseconds
     * @param out where the messages for everyone go
     * @return whether the guide is done (back home, or its walk failed)
     */
    boolean step(Collection<Occupant> occupants, long now, List<Outgoing> out) {
        if (pending != null) {
            if (!pending.isDone()) {
                return false; // still thinking: the tick goes on without it
            }
            Step done;
            try {
                done = pending.get();
            } catch (ExecutionException | RuntimeException e) {
                // A failing navigator must not stop the instance's tick: the guide stops walking.
                LOG.error("{}'s walk failed; it stops here", character, e);
                desk.ended(guide);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pending = null;
            if (show(done, occupants, out)) {
                desk.ended(guide);
                return true;
            }
        }
        double seconds = Math.min(0.25, (now - last) / 1e9);
        last = now;
        List<Point> avatars = new ArrayList<>(occupants.size());
        Point visitorAt = null;
        for (Occupant o : occupants) {
            Point p = new Point(o.x, o.z);
            avatars.add(p);
            if (o.id == visitor) {
                visitorAt = p;
            }
        }
        Point seen = visitorAt;
        try {
            pending = planner.step(() -> advance(seconds, avatars, seen));
        } catch (RejectedExecutionException e) {
            // The planner is swamped: this guide stands still for a tick.
        }
        return false;
    }

    /** Runs on the planner's thread, one step at a time. */
    private Step advance(double seconds, List<Point> avatars, Point visitorAt) {
        if (cancelAsked) {
            guide.cancel();
        }
        List<TourEvent> events = guide.advance(seconds, avatars, visitorAt);
        return new Step(events, guide.x(), guide.z(), guide.ry(), guide.state());
    }

    private boolean show(Step s, Collection<Occupant> occupants, List<Outgoing> out) {
        x = s.x();
        z = s.z();
        ry = s.ry();
        state = s.state();
        List<String> messages = new ArrayList<>();
        if (moved()) {
            sentX = x;
            sentZ = z;
            sentRy = ry;
            messages.add(Outbound.characterMove(character, sentX, sentZ, sentRy));
        }
        for (TourEvent e : s.events()) {
            messages.add(Outbound.tour(character, visitor, e));
        }
        for (String m : messages) {
            for (Occupant o : occupants) {
                out.add(new Outgoing(o.connection, m));
            }
        }
        return state == TourGuide.State.HOME;
    }

    /** Ends the tour early (the visitor left): the guide walks home from its next step on. */
    void cancel() {
        cancelled = true;
        cancelAsked = true;
    }

    /** Whether a tour is under way (not cancelled, not on the way home). */
    boolean touring() {
        return !cancelled && (state == TourGuide.State.WALKING || state == TourGuide.State.AT_STOP);
    }

    /** Where the guide stands, along x. */
    double x() {
        return x;
    }

    /** Where the guide stands, along z. */
    double z() {
        return z;
    }

    /** Which way the guide faces. */
    double ry() {
        return ry;
    }

    /** The opening event of the tour. */
    List<String> opening() {
        return opening;
    }

    private boolean moved() {
        return Double.isNaN(sentX)
                || Math.abs(x - sentX) > 0.005
                || Math.abs(z - sentZ) > 0.005
                || Math.abs(ry - sentRy) > 0.01;
    }
}
