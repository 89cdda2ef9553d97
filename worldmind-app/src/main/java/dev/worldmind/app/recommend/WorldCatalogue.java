package dev.worldmind.app.recommend;

import dev.worldmind.app.character.CharacterDefinition;
import dev.worldmind.app.world.DefaultWorld;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.interaction.InteractionWeights;
import dev.worldmind.data.world.Item;
import dev.worldmind.data.world.Space;
import dev.worldmind.data.world.SpaceKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything in the world that can be recommended, under the ids the event log gives it (see {@link
 * dev.worldmind.data.interaction.EventInteractions}): products (priced items in shops, with the
 * category {@value #RESOURCE} gives them), exhibits (museum items), lessons (classroom items in one
 * of {@value #RESOURCE}'s ordered tracks), spaces and characters. Immutable.
 */
public final class WorldCatalogue {
    /** Product categories and lesson tracks, next to this class. */
    public static final String RESOURCE = "catalogue.json";

    /** The version of {@value #RESOURCE}'s layout. */
    public static final int FORMAT_VERSION = 1;

    private final Map<String, CatalogueEntry> entries;
    private final Map<String, String> byItemId;
    private final Map<String, String> categoryNames;
    private final Map<String, String> trackNames;
    private final Map<String, List<String>> tracks;

    private WorldCatalogue(
            Map<String, CatalogueEntry> entries,
            Map<String, String> categoryNames,
            Map<String, String> trackNames,
            Map<String, List<String>> tracks) {
        this.entries = entries;
        this.categoryNames = categoryNames;
        this.trackNames = trackNames;
        this.tracks = tracks;
        Map<String, String> items = new HashMap<>();
        entries.values().stream()
                .filter(e -> e.item() != null)
                .forEach(e -> items.putIfAbsent(e.item(), e.id()));
        this.byItemId = items;
    }

    record Category(String id, String name, List<String> products) {}

    record Track(String id, String name, List<String> lessons) {}

    record File(int formatVersion, String about, List<Category> categories, List<Track> tracks) {}

    /** The default world's spaces, without characters. */
    public static WorldCatalogue defaults() {
        return of(DefaultWorld.spaces(), List.of());
    }

    /**
     * Builds the catalogue of a world.
     *
     * @param spaces the spaces with their items
     * @param characters the AI characters (each lives in the spaces of its home kind)
     * @return the catalogue
     */
    public static WorldCatalogue of(
            Collection<Space> spaces, Collection<CharacterDefinition> characters) {
        File file = read();
        Map<String, String> categoryOf = new HashMap<>();
        Map<String, String> categoryNames = new LinkedHashMap<>();
        for (Category c : file.categories()) {
            categoryNames.put(c.id(), c.name());
            c.products().forEach(p -> categoryOf.put(p, c.id()));
        }
        Map<String, String[]> lessonOf = new HashMap<>();
        Map<String, String> trackNames = new LinkedHashMap<>();
        for (Track t : file.tracks()) {
            trackNames.put(t.id(), t.name());
            for (int i = 0; i < t.lessons().size(); i++) {
                lessonOf.put(t.lessons().get(i), new String[] {t.id(), Integer.toString(i + 1)});
            }
        }
        Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
        Map<String, List<String>> tracks = new LinkedHashMap<>();
        trackNames.keySet().forEach(t -> tracks.put(t, new ArrayList<>()));
        for (Space s : spaces) {
            String sid = InteractionWeights.SPACE + s.id();
            entries.put(
                    sid,
                    new CatalogueEntry(
                            sid, RecommendKind.SPACE, s.name(), s.id(), null, null, null, null, 0));
            for (Item it : s.layout().items()) {
                String id = s.id() + "/" + it.id();
                String[] lesson = lessonOf.get(it.id());
                CatalogueEntry e;
                if (s.kind() == SpaceKind.SHOP && it.forSale()) {
                    e =
                            new CatalogueEntry(
                                    id,
                                    RecommendKind.PRODUCT,
                                    it.name(),
                                    s.id(),
                                    it.id(),
                                    categoryOf.getOrDefault(it.id(), "other"),
                                    it.price(),
                                    null,
                                    0);
                } else if (s.kind() == SpaceKind.MUSEUM) {
                    e = plain(id, RecommendKind.EXHIBIT, it, s);
                } else if (s.kind() == SpaceKind.CLASSROOM && lesson != null) {
                    e =
                            new CatalogueEntry(
                                    id,
                                    RecommendKind.LESSON,
                                    it.name(),
                                    s.id(),
                                    it.id(),
                                    null,
                                    null,
                                    lesson[0],
                                    Integer.parseInt(lesson[1]));
                } else {
                    e = plain(id, RecommendKind.OTHER, it, s);
                }
                entries.put(id, e);
            }
        }
        // lessons in track order, whatever order the classrooms list them in
        entries.values().stream()
                .filter(e -> e.kind() == RecommendKind.LESSON)
                .sorted(java.util.Comparator.comparingInt(CatalogueEntry::step))
                .forEach(e -> tracks.get(e.track()).add(e.id()));
        for (CharacterDefinition c : characters) {
            String cid = InteractionWeights.CHARACTER + c.id();
            String home =
                    spaces.stream()
                            .filter(s -> s.kind() == c.home())
                            .map(Space::id)
                            .findFirst()
                            .orElse(null);
            entries.put(
                    cid,
                    new CatalogueEntry(
                            cid,
                            RecommendKind.CHARACTER,
                            c.name(),
                            home,
                            null,
                            null,
                            null,
                            null,
                            0));
        }
        tracks.replaceAll((k, v) -> List.copyOf(v));
        return new WorldCatalogue(
                java.util.Collections.unmodifiableMap(entries),
                java.util.Collections.unmodifiableMap(categoryNames),
                java.util.Collections.unmodifiableMap(trackNames),
                java.util.Collections.unmodifiableMap(tracks));
    }

    private static CatalogueEntry plain(String id, RecommendKind kind, Item it, Space s) {
        return new CatalogueEntry(id, kind, it.name(), s.id(), it.id(), null, it.price(), null, 0);
    }

    private static File read() {
        try (InputStream in = WorldCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InvalidDataException(RESOURCE + " is missing from the build");
            }
            File f = Json.mapper().readValue(in, File.class);
            if (f.formatVersion() != FORMAT_VERSION) {
                throw new UnsupportedFormatVersionException(
                        RESOURCE, f.formatVersion(), FORMAT_VERSION);
            }
            return f;
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Every entry, spaces first, in the world's order. */
    public Collection<CatalogueEntry> entries() {
        return entries.values();
    }

    /** The entries of one kind, in the world's order. */
    public List<CatalogueEntry> of(RecommendKind kind) {
        return entries.values().stream().filter(e -> e.kind() == kind).toList();
    }

    /**
     * Finds an entry by its interaction id.
     *
     * @param id e.g. {@code shop/ceramic-mug}
     */
    public Optional<CatalogueEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /**
     * Finds an entry by its interaction id, or by an item's own id (item ids are unique in the
     * default world), or by a space's id.
     *
     * @param ref e.g. {@code shop/ceramic-mug}, {@code ceramic-mug}, {@code space:museum}
     */
    public Optional<CatalogueEntry> resolve(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        CatalogueEntry e = entries.get(ref);
        if (e == null && byItemId.containsKey(ref)) {
            e = entries.get(byItemId.get(ref));
        }
        if (e == null) {
            e = entries.get(InteractionWeights.SPACE + ref);
        }
        return Optional.ofNullable(e);
    }

    /** The display name of an id, or the id itself when the catalogue does not know it. */
    public String name(String id) {
        CatalogueEntry e = entries.get(id);
        return e == null ? id : e.name();
    }

    /** The name of a product category, e.g. {@code Kitchen & coffee}. */
    public String categoryName(String category) {
        return categoryNames.getOrDefault(category, category);
    }

    /** Product category ids, in the catalogue's order. */
    public List<String> categories() {
        return List.copyOf(categoryNames.keySet());
    }

    /** Lesson ids per track, each track in its natural order. */
    public Map<String, List<String>> tracks() {
        return tracks;
    }

    /** The name of a lesson track, e.g. {@code Science}. */
    public String trackName(String track) {
        return trackNames.getOrDefault(track, track);
    }
}
