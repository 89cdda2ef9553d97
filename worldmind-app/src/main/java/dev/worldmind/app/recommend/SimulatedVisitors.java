package dev.worldmind.app.recommend;

import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionWeights;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A believable visitor history for a new installation, so the world has something to recommend
 * before anyone has visited. It is mixed into training only, never written to the event log (the
 * analytics stay honest).
 *
 * <p>The model, all randomness from one seed: each visitor {@code visitor-001}, {@code
 * visitor-002}... has a favourite product category (uniform) and, two times in three, a second one;
 * 65 % of their product picks come from the favourite, 25 % from the second (or the favourite
 * again) and 10 % from any category. Within a category products are picked by a Zipf law (exponent
 * 1) over a per-category order fixed by the seed, so some products are more popular than others. A
 * visitor looks at 3-10 products, likes each with probability 0.35 and buys each with probability
 * 0.12 (a purchase implies a look). Half of the visitors go to the museum, preferring one half of
 * the exhibits 4:1, and look at 2-5 of them, liking each with probability 0.3. 40 % take lessons: a
 * track whose likelihood follows their favourite category (paper and pens lean to writing, gadgets
 * to science, games to maths), taken in order from its first lesson, 1 to all of them. Every
 * visitor enters the plaza, and every space they used; one in eight visits the clinic. In each
 * space other than the plaza they talk to its character with probability 0.3. Interactions carry
 * the weights of {@link InteractionWeights#defaults()} and the item ids of the event log. Times
 * start on 2026-01-01, one visitor per hour, a minute per step, so each visitor's interactions are
 * in time order. Stateless.
 */
public final class SimulatedVisitors {
    /**
     * The prefix of simulated users' ids ({@code visitor-} and digits). A real account of that name
     * would share their history, so the server lists such users as simulated.
     */
    public static final String PREFIX = "visitor-";

    /** How many visitors a new installation gets. */
    public static final int DEFAULT_COUNT = 300;

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Map<String, String> TRACK_OF_CATEGORY =
            Map.of("stationery", "writing", "tech", "science", "games", "maths");

    private SimulatedVisitors() {}

    /**
     * Tells whether a user id is one of the simulated visitors.
     *
     * @param user the user id
     */
    public static boolean isSimulated(String user) {
        return user.startsWith(PREFIX)
                && user.length() > PREFIX.length()
                && user.substring(PREFIX.length()).chars().allMatch(Character::isDigit);
    }

    /**
     * Generates the history.
     *
     * @param catalogue what there is in the world
     * @param visitors how many visitors
     * @param seed the seed of all randomness
     * @return the interactions, visitor by visitor, in time order
     */
    public static List<Interaction> generate(WorldCatalogue catalogue, int visitors, long seed) {
        if (visitors < 0) {
            throw new IllegalArgumentException("visitors cannot be negative: " + visitors);
        }
        Random rnd = new Random(seed);
        List<String> categories = catalogue.categories();
        List<List<String>> products = new ArrayList<>();
        for (String c : categories) {
            List<String> in =
                    new ArrayList<>(
                            catalogue.of(RecommendKind.PRODUCT).stream()
                                    .filter(e -> c.equals(e.category()))
                                    .map(CatalogueEntry::id)
                                    .toList());
            java.util.Collections.shuffle(in, rnd); // the popularity order within the category
            products.add(in);
        }
        List<String> exhibits =
                catalogue.of(RecommendKind.EXHIBIT).stream().map(CatalogueEntry::id).toList();
        List<String> tracks = List.copyOf(catalogue.tracks().keySet());
        InteractionWeights w = InteractionWeights.defaults();
        double view = w.of(dev.worldmind.data.events.EventKind.ITEM_VIEW).orElseThrow();
        double like = w.of(dev.worldmind.data.events.EventKind.LIKE).orElseThrow();
        double buy = w.of(dev.worldmind.data.events.EventKind.PURCHASE).orElseThrow();
        double join = w.of(dev.worldmind.data.events.EventKind.JOIN).orElseThrow();
        double talk = w.of(dev.worldmind.data.events.EventKind.CONVERSATION).orElseThrow();
        List<Interaction> out = new ArrayList<>();
        int digits = Math.max(3, Integer.toString(visitors).length());
        for (int v = 1; v <= visitors; v++) {
            String user = PREFIX + String.format("%0" + digits + "d", v);
            long[] clock = {START.toEpochMilli() + (v - 1) * 3_600_000L};
            List<Interaction> mine = new ArrayList<>();
            java.util.function.BiConsumer<String, Double> add =
                    (item, weight) -> {
                        clock[0] += 60_000;
                        mine.add(new Interaction(user, item, weight, clock[0]));
                    };
            Set<String> spaces = new LinkedHashSet<>();
            spaces.add("plaza");
            int first = rnd.nextInt(categories.size());
            int second = rnd.nextInt(3) < 2 ? rnd.nextInt(categories.size()) : first;
            if (!products.isEmpty() && !categories.isEmpty()) {
                spaces.add(
                        space(products.get(first).isEmpty() ? null : products.get(first).get(0)));
                int looks = 3 + rnd.nextInt(8);
                Set<String> seen = new LinkedHashSet<>();
                for (int k = 0; k < looks * 3 && seen.size() < looks; k++) {
                    double r = rnd.nextDouble();
                    int c = r < 0.65 ? first : r < 0.9 ? second : rnd.nextInt(categories.size());
                    List<String> in = products.get(c);
                    if (!in.isEmpty()) {
                        seen.add(in.get(zipf(rnd, in.size())));
                    }
                }
                for (String p : seen) {
                    add.accept(p, view);
                    if (rnd.nextDouble() < 0.35) {
                        add.accept(p, like);
                    }
                    if (rnd.nextDouble() < 0.12) {
                        add.accept(p, buy);
                    }
                }
            }
            if (!exhibits.isEmpty() && rnd.nextBoolean()) {
                spaces.add(space(exhibits.get(0)));
                boolean firstHalf = rnd.nextBoolean();
                int looks = Math.min(exhibits.size(), 2 + rnd.nextInt(4));
                Set<String> seen = new LinkedHashSet<>();
                for (int k = 0; k < looks * 4 && seen.size() < looks; k++) {
                    int i = rnd.nextInt(exhibits.size());
                    boolean preferred = (i < (exhibits.size() + 1) / 2) == firstHalf;
                    if (preferred || rnd.nextInt(4) == 0) {
                        seen.add(exhibits.get(i));
                    }
                }
                for (String e : seen) {
                    add.accept(e, view);
                    if (rnd.nextDouble() < 0.3) {
                        add.accept(e, like);
                    }
                }
            }
            if (!tracks.isEmpty() && rnd.nextDouble() < 0.4) {
                String favourite =
                        categories.isEmpty() ? null : TRACK_OF_CATEGORY.get(categories.get(first));
                String track =
                        favourite != null && tracks.contains(favourite) && rnd.nextDouble() < 0.7
                                ? favourite
                                : tracks.get(rnd.nextInt(tracks.size()));
                List<String> lessons = catalogue.tracks().get(track);
                if (!lessons.isEmpty()) {
                    spaces.add(space(lessons.get(0)));
                    int taken = 1 + rnd.nextInt(lessons.size());
                    for (String l : lessons.subList(0, taken)) {
                        add.accept(l, view);
                        if (rnd.nextDouble() < 0.25) {
                            add.accept(l, like);
                        }
                    }
                }
            }
            if (rnd.nextInt(8) == 0) {
                spaces.add("clinic");
            }
            spaces.remove(null);
            List<Interaction> visit = new ArrayList<>();
            for (String s : spaces) {
                if (catalogue.find(InteractionWeights.SPACE + s).isEmpty()) {
                    continue;
                }
                clock[0] += 60_000;
                visit.add(new Interaction(user, InteractionWeights.SPACE + s, join, clock[0]));
                for (CatalogueEntry c : catalogue.of(RecommendKind.CHARACTER)) {
                    if (s.equals(c.space()) && !s.equals("plaza") && rnd.nextDouble() < 0.3) {
                        clock[0] += 60_000;
                        visit.add(new Interaction(user, c.id(), talk, clock[0]));
                    }
                }
            }
            out.addAll(mine);
            out.addAll(visit);
        }
        return out;
    }

    private static String space(String itemId) {
        if (itemId == null) {
            return null;
        }
        int slash = itemId.indexOf('/');
        return slash < 0 ? null : itemId.substring(0, slash);
    }

    /** A rank from a Zipf law with exponent 1 over {@code n} ranks. */
    private static int zipf(Random rnd, int n) {
        double total = 0;
        for (int i = 1; i <= n; i++) {
            total += 1.0 / i;
        }
        double r = rnd.nextDouble() * total;
        for (int i = 1; i <= n; i++) {
            r -= 1.0 / i;
            if (r <= 0) {
                return i - 1;
            }
        }
        return n - 1;
    }
}
