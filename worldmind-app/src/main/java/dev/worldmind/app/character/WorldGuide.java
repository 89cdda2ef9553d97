package dev.worldmind.app.character;

import dev.worldmind.app.world.DefaultWorld;
import dev.worldmind.data.world.Item;
import dev.worldmind.data.world.Portal;
import dev.worldmind.data.world.Space;
import dev.worldmind.data.world.SpaceKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the characters know about the world itself, read from its spaces rather than written into
 * their files: every space, which way it lies from the plaza, who works there, and what is in it
 * (exhibits, lessons and books, products with prices, leaflets). Immutable and thread-safe.
 */
public final class WorldGuide {
    /**
     * One space as the characters describe it.
     *
     * @param kind what kind of space it is
     * @param name its name, e.g. Corner Shop
     * @param direction which way its portal lies from the plaza's fountain (east, west, north,
     *     south), or empty for the plaza itself and spaces without a portal there
     * @param character who works there, if anyone
     * @param items what is in it
     */
    public record Place(
            SpaceKind kind,
            String name,
            String direction,
            Optional<CharacterDefinition> character,
            List<Item> items) {
        public Place {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(character, "character");
            items = List.copyOf(items);
        }

        /** Returns where it is in words: "the Corner Shop, south of the plaza". */
        public String whereabouts() {
            if (kind == SpaceKind.PLAZA) {
                return "the " + name + ", the hub of the world with the fountain in the middle";
            }
            return direction.isEmpty()
                    ? "the " + name
                    : "the " + name + ", " + direction + " of the plaza";
        }

        /** Returns the items with a price, cheapest first. */
        public List<Item> priced() {
            return items.stream()
                    .filter(i -> i.price() != null)
                    .sorted(java.util.Comparator.comparingDouble(Item::price))
                    .toList();
        }
    }

    private final Map<SpaceKind, Place> places;

    private WorldGuide(Map<SpaceKind, Place> places) {
        this.places = places;
    }

    /**
     * Reads the world's spaces; the first space of each kind is the one described.
     *
     * @param spaces the world's spaces
     * @param characters who works where
     */
    public static WorldGuide of(List<Space> spaces, List<CharacterDefinition> characters) {
        Map<SpaceKind, Place> places = new EnumMap<>(SpaceKind.class);
        Space plaza =
                spaces.stream().filter(s -> s.kind() == SpaceKind.PLAZA).findFirst().orElse(null);
        for (Space s : spaces) {
            if (places.containsKey(s.kind())) {
                continue;
            }
            Optional<CharacterDefinition> character =
                    characters.stream().filter(c -> c.home() == s.kind()).findFirst();
            places.put(
                    s.kind(),
                    new Place(
                            s.kind(),
                            s.name(),
                            direction(plaza, s),
                            character,
                            s.layout().items()));
        }
        return new WorldGuide(places);
    }

    /**
     * Describes the default world.
     *
     * @param characters who works where
     */
    public static WorldGuide defaultWorld(List<CharacterDefinition> characters) {
        return of(DefaultWorld.spaces(), characters);
    }

    private static String direction(Space plaza, Space to) {
        if (plaza == null || to.kind() == SpaceKind.PLAZA) {
            return "";
        }
        for (Portal p : plaza.layout().portals()) {
            if (p.target().equals(to.id())) {
                double dx = p.x() - plaza.layout().width() / 2;
                double dz = p.z() - plaza.layout().depth() / 2;
                if (Math.abs(dx) >= Math.abs(dz)) {
                    return dx >= 0 ? "east" : "west";
                }
                return dz >= 0 ? "south" : "north";
            }
        }
        return "";
    }

    /** Returns every described space, in kind order. */
    public List<Place> places() {
        return List.copyOf(places.values());
    }

    /**
     * Returns a space by kind.
     *
     * @param kind the kind
     */
    public Optional<Place> place(SpaceKind kind) {
        return Optional.ofNullable(places.get(kind));
    }

    /**
     * Returns the items of a character's space as knowledge documents (name, price, description and
     * where to find it), leaving out those its own file already describes (same id).
     *
     * @param character the character
     */
    public List<KnowledgeDocument> documents(CharacterDefinition character) {
        Place place = places.get(character.home());
        if (place == null) {
            return List.of();
        }
        Set<String> own = new HashSet<>();
        character.knowledge().forEach(d -> own.add(d.id()));
        List<KnowledgeDocument> docs = new ArrayList<>();
        // Counts and extremes come from the world, so they stay true when a creator changes it;
        // the plaza's character, the world's greeter, knows every place's overview.
        for (Place p : places.values()) {
            if (p == place || place.kind() == SpaceKind.PLAZA) {
                overview(p).ifPresent(docs::add);
            }
        }
        for (Item item : place.items()) {
            if (own.contains(item.id()) || item.description().isBlank()) {
                continue;
            }
            String price =
                    item.price() == null
                            ? ""
                            : item.name() + " costs " + credits(item.price()) + ". ";
            docs.add(
                    new KnowledgeDocument(
                            item.id(),
                            item.price() == null
                                    ? item.name()
                                    : item.name() + ", " + credits(item.price()),
                            price
                                    + item.description().strip()
                                    + " You find it in the "
                                    + place.name()
                                    + "."));
        }
        return docs;
    }

    /** Returns how many things of each kind a place has, with its cheapest and dearest product. */
    private static Optional<KnowledgeDocument> overview(Place place) {
        if (place.items().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> kinds = new java.util.LinkedHashMap<>();
        for (Item item : place.items()) {
            int colon = item.name().indexOf(':');
            String kind =
                    colon > 0 && colon < 20
                            ? item.name().substring(0, colon).strip().toLowerCase(Locale.ROOT)
                            : item.price() != null
                                    ? "product"
                                    : place.kind() == SpaceKind.MUSEUM ? "work" : null;
            if (kind != null) {
                kinds.merge(kind, 1, Integer::sum); // "Lesson: …", "Book: …", products, works
            }
        }
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        List<String> counts = new ArrayList<>();
        kinds.forEach((k, n) -> counts.add(n + " " + (n == 1 ? k : k + "s")));
        StringBuilder text =
                new StringBuilder(
                        "The " + place.name() + " has " + String.join(" and ", counts) + ".");
        List<Item> priced = place.priced();
        if (priced.size() > 1) {
            Item cheapest = priced.get(0);
            Item dearest = priced.get(priced.size() - 1);
            text.append(" The cheapest is the ")
                    .append(lower(cheapest.name()))
                    .append(" at ")
                    .append(credits(cheapest.price()))
                    .append(", and the most expensive is the ")
                    .append(lower(dearest.name()))
                    .append(" at ")
                    .append(credits(dearest.price()))
                    .append(".");
        }
        return Optional.of(
                new KnowledgeDocument(
                        "overview-" + place.kind().value(),
                        "What the " + place.name() + " has",
                        text.toString()));
    }

    private static String lower(String name) {
        return name.isEmpty()
                ? name
                : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    /**
     * Writes a price as the shop does: "14.50 credits", "19 credits".
     *
     * @param price the price
     */
    public static String credits(double price) {
        return (price == Math.rint(price)
                        ? String.valueOf((long) price)
                        : String.format(Locale.ROOT, "%.2f", price))
                + " credits";
    }
}
