package dev.worldmind.server.ws;

import dev.worldmind.app.shop.Outfit;
import dev.worldmind.app.shop.OutfitSource;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Try-on in the live world: {@code try_on} puts a garment from one of the registered {@link
 * OutfitSource}s on the sender's avatar and {@code take_off} removes it; everyone in the instance
 * gets an {@code outfit} event, and the avatar's presence (in {@code joined} and {@code entered})
 * carries it, so late joiners see it too. An outfit lasts while the avatar stays in the instance.
 * Allowed in every space; uploads are recognised in the shop. Thread-safe.
 */
public final class WardrobeDesk {
    private final Map<String, OutfitSource> sources = new ConcurrentHashMap<>();

    /**
     * Adds a source of outfits, replacing one of the same kind. This is how generated designs join:
     * register a source of kind {@code design}, and {@code try_on} with {@code
     * {"kind":"design","id":...}} asks it.
     *
     * @param source the source
     */
    public void register(OutfitSource source) {
        Objects.requireNonNull(source, "source");
        sources.put(source.kind(), source);
    }

    /** The kinds of garments that can be tried on. */
    public List<String> kinds() {
        return List.copyOf(new TreeSet<>(sources.keySet()));
    }

    void tryOn(Connection c, SpaceInstance in, Inbound.Garment t) {
        OutfitSource source = sources.get(t.kind());
        if (source == null) {
            throw new ProtocolException(
                    "bad_message",
                    "garment.kind must be one of " + String.join(", ", kinds()),
                    "try_on");
        }
        Outfit outfit;
        try {
            outfit = source.outfit(c.id(), t.id());
        } catch (NotFoundException e) {
            throw new ProtocolException("not_found", e.getMessage(), "try_on");
        } catch (InvalidDataException e) {
            throw new ProtocolException("bad_message", e.getMessage(), "try_on");
        }
        tell(in, c, outfit, "try_on");
    }

    void takeOff(Connection c, SpaceInstance in) {
        tell(in, c, null, "take_off");
    }

    private static void tell(SpaceInstance in, Connection c, Outfit outfit, String ref) {
        List<Connection> everyone = in.wear(c.id(), outfit);
        if (everyone == null) {
            throw Sender.notInSpace(ref);
        }
        String event = Outbound.outfit(c.id(), outfit);
        everyone.forEach(other -> other.send(event));
    }
}
