package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.app.shop.Outfit;
import dev.worldmind.app.shop.OutfitSource;
import dev.worldmind.app.shop.ProductOutfits;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.events.EventKind;
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
public final class WardrobeDesk implements MessageRoutes.Provider {
    private final Map<String, OutfitSource> sources = new ConcurrentHashMap<>();
    private final Stage stage;

    /**
     * @param stage the live world; trying a product on is logged as a close look at it
     */
    public WardrobeDesk(Stage stage) {
        this.stage = stage;
    }

    @Override
    public void register(MessageRoutes routes) {
        routes.on("try_on", Inbound.TryOn.class, this::tryOn);
        routes.on(
                "take_off",
                Inbound.TakeOff.class,
                (from, off) -> takeOff(from.connection(), from.instance()));
    }

    private void tryOn(Sender from, Inbound.TryOn tryOn) {
        SpaceInstance in = from.instance();
        Inbound.Garment garment = tryOn.garment();
        tryOn(from.connection(), in, garment);
        if (garment.kind().equals(ProductOutfits.KIND)
                && in.space.layout().item(garment.id()).isPresent()) {
            // Trying a product on is a close look at it, for the recommender too.
            ObjectNode p = Json.mapper().createObjectNode();
            p.put("item", garment.id());
            p.put("via", "try_on");
            stage.log(from.connection(), in.space.id(), EventKind.ITEM_VIEW, p);
        }
    }

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

    private void tryOn(Connection c, SpaceInstance in, Inbound.Garment t) {
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

    private void takeOff(Connection c, SpaceInstance in) {
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
