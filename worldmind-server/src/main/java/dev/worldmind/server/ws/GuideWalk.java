package dev.worldmind.server.ws;

import dev.worldmind.app.tour.TourEvent;
import dev.worldmind.app.tour.TourGuide;
import dev.worldmind.data.world.Point;
import dev.worldmind.server.ws.SpaceInstance.Outgoing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A character walking in one instance: the museum guide on a tour (or on the way home after it).
 * The instance advances it at every tick and sends its moves and the tour's events to everyone in
 * the instance. Guarded by its instance's lock.
 */
final class GuideWalk {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GuideWalk.class);

    final String character;
    final long visitor;
    final TourGuide guide;
    private final TourDesk desk;
    private long last;
    private double sentX = Double.NaN;
    private double sentZ;
    private double sentRy;

    GuideWalk(String character, long visitor, TourGuide guide, TourDesk desk, long now) {
        this.character = character;
        this.visitor = visitor;
        this.guide = guide;
        this.desk = desk;
        this.last = now;
    }

    /**
     * Lets the time since the last step pass.
     *
     * @param occupants everyone in the instance
     * @param now the time, in nanoseconds
     * @param out where the messages for everyone go
     * @return whether the guide is done (back home)
     */
    boolean step(Collection<Occupant> occupants, long now, List<Outgoing> out) {
        try {
            return walk(occupants, now, out);
        } catch (RuntimeException e) {
            // A failing navigator must not stop the instance's tick: the guide stops walking.
            LOG.error("{}'s walk failed; it stops here", character, e);
            desk.ended(guide);
            return true;
        }
    }

    private boolean walk(Collection<Occupant> occupants, long now, List<Outgoing> out) {
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
        List<TourEvent> events = guide.advance(seconds, avatars, visitorAt);
        List<String> messages = new ArrayList<>();
        if (moved()) {
            sentX = guide.x();
            sentZ = guide.z();
            sentRy = guide.ry();
            messages.add(Outbound.characterMove(character, sentX, sentZ, sentRy));
        }
        for (TourEvent e : events) {
            messages.add(Outbound.tour(character, visitor, e));
        }
        for (String m : messages) {
            for (Occupant o : occupants) {
                out.add(new Outgoing(o.connection, m));
            }
        }
        if (guide.state() == TourGuide.State.HOME) {
            desk.ended(guide);
            return true;
        }
        return false;
    }

    /** Sends the opening event and the starting position. */
    List<String> opening() {
        return List.of(Outbound.tour(character, visitor, guide.opening()));
    }

    private boolean moved() {
        return Double.isNaN(sentX)
                || Math.abs(guide.x() - sentX) > 0.005
                || Math.abs(guide.z() - sentZ) > 0.005
                || Math.abs(guide.ry() - sentRy) > 0.01;
    }
}
