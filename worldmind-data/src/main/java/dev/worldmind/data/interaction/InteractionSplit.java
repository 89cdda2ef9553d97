package dev.worldmind.data.interaction;

import dev.worldmind.core.InvalidDataException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Interactions split into a training and a test part, deterministically.
 *
 * <p>Every split first {@link #merge merges} repeated interactions of one user with one item into
 * one, so an item a user met in training can never be a test item of theirs too (it would be
 * excluded from the recommendations as already seen and count as a miss). Both parts are ordered by
 * user id, then item id.
 *
 * <p>The per-user splits ({@link #random} and {@link #temporal}) hold out {@code round(testShare *
 * n)} of a user's {@code n} items, but at least 1 and at most {@code n - 1}, so every user with 2
 * or more items has at least one in each part; a user with a single item keeps it in training.
 *
 * @param train the training interactions
 * @param test the held-out interactions
 */
public record InteractionSplit(List<Interaction> train, List<Interaction> test) {
    private static final Comparator<Interaction> BY_USER_ITEM =
            Comparator.comparing(Interaction::user).thenComparing(Interaction::item);

    public InteractionSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * Merges repeated interactions of a user with an item: their weights add up and the latest time
     * is kept.
     *
     * @param interactions the interactions
     * @return one interaction per user-item pair, ordered by user id, then item id
     */
    public static List<Interaction> merge(Collection<Interaction> interactions) {
        Map<List<String>, Interaction> merged = new HashMap<>(interactions.size() * 2);
        for (Interaction x : interactions) {
            merged.merge(
                    List.of(x.user(), x.item()),
                    x,
                    (a, b) ->
                            new Interaction(
                                    a.user(),
                                    a.item(),
                                    a.weight() + b.weight(),
                                    Math.max(a.at(), b.at())));
        }
        List<Interaction> out = new ArrayList<>(merged.values());
        out.sort(BY_USER_ITEM);
        return out;
    }

    /**
     * Holds out random items of each user: users in id order, each user's items (in id order)
     * shuffled by one {@link Random} seeded with {@code seed}, the first ones held out.
     *
     * @param interactions the interactions (repeats are merged first)
     * @param testShare the share of each user's items to hold out, in (0, 1)
     * @param seed the seed
     * @return the split
     */
    public static InteractionSplit random(
            Collection<Interaction> interactions, double testShare, long seed) {
        checkShare(testShare);
        Random random = new Random(seed);
        return perUser(
                interactions,
                testShare,
                (user, from, to) -> {
                    for (int k = to - from - 1; k > 0; k--) {
                        int j = random.nextInt(k + 1);
                        Interaction t = user.get(from + k);
                        user.set(from + k, user.get(from + j));
                        user.set(from + j, t);
                    }
                });
    }

    /**
     * Holds out each user's latest items: their items ordered by time, ties by item id, the last
     * ones held out.
     *
     * @param interactions the interactions (repeats are merged first, keeping the latest time)
     * @param testShare the share of each user's items to hold out, in (0, 1)
     * @return the split
     */
    public static InteractionSplit temporal(
            Collection<Interaction> interactions, double testShare) {
        checkShare(testShare);
        checkTimed(interactions);
        Comparator<Interaction> latestLast =
                Comparator.comparingLong(Interaction::at)
                        .thenComparing(Interaction::item)
                        .reversed();
        return perUser(
                interactions, testShare, (all, from, to) -> all.subList(from, to).sort(latestLast));
    }

    /**
     * Cuts everyone's interactions at one time: the latest {@code testShare} of all user-item pairs
     * (ordered by time) decides the cut time {@code t}, the time of the earliest of them, and every
     * pair at or after {@code t} is held out. Ties at {@code t} all go to the test part, so it can
     * hold a little more than the share. Test users and items missing from training are kept here;
     * numbering the test part like the training part (see {@link InteractionMatrix#of(Collection,
     * List, List)}) leaves them out.
     *
     * @param interactions the interactions (repeats are merged first, keeping the latest time)
     * @param testShare the share of pairs to hold out, in (0, 1)
     * @return the split
     * @throws InvalidDataException if no cut leaves anything for training (all at one time)
     */
    public static InteractionSplit globalTemporal(
            Collection<Interaction> interactions, double testShare) {
        checkShare(testShare);
        checkTimed(interactions);
        List<Interaction> merged = nonEmpty(merge(interactions));
        long[] times = merged.stream().mapToLong(Interaction::at).sorted().toArray();
        int testCount = Math.max(1, (int) Math.round(testShare * times.length));
        long cut = times[times.length - testCount];
        List<Interaction> train = new ArrayList<>();
        List<Interaction> test = new ArrayList<>();
        for (Interaction x : merged) {
            (x.at() >= cut ? test : train).add(x);
        }
        if (train.isEmpty()) {
            throw new InvalidDataException(
                    "cannot cut the interactions in time: all "
                            + merged.size()
                            + " are at or after "
                            + Instant.ofEpochMilli(cut));
        }
        return new InteractionSplit(train, test);
    }

    /** How many of a user's {@code n} items a per-user split holds out. */
    static int testCount(int n, double testShare) {
        return n < 2 ? 0 : Math.min(n - 1, Math.max(1, (int) Math.round(testShare * n)));
    }

    /**
     * Puts a user's rows (positions {@code from} to {@code to}) in order; the first are held out.
     */
    private interface Order {
        void arrange(List<Interaction> rows, int from, int to);
    }

    private static InteractionSplit perUser(
            Collection<Interaction> interactions, double testShare, Order order) {
        List<Interaction> rows = nonEmpty(merge(interactions));
        List<Interaction> train = new ArrayList<>();
        List<Interaction> test = new ArrayList<>();
        int from = 0;
        while (from < rows.size()) {
            int to = from + 1;
            while (to < rows.size() && rows.get(to).user().equals(rows.get(from).user())) {
                to++;
            }
            order.arrange(rows, from, to);
            int held = testCount(to - from, testShare);
            test.addAll(rows.subList(from, from + held));
            train.addAll(rows.subList(from + held, to));
            from = to;
        }
        train.sort(BY_USER_ITEM);
        test.sort(BY_USER_ITEM);
        return new InteractionSplit(train, test);
    }

    private static List<Interaction> nonEmpty(List<Interaction> merged) {
        if (merged.isEmpty()) {
            throw new InvalidDataException("there are no interactions to split");
        }
        return merged;
    }

    /**
     * Refuses a split in time of interactions that all have one time (a file without timestamps
     * reads as time 0): the "latest" would be chosen by id order, a biased split that looks fine.
     */
    private static void checkTimed(Collection<Interaction> interactions) {
        long first = interactions.isEmpty() ? 0 : interactions.iterator().next().at();
        if (interactions.size() > 1 && interactions.stream().allMatch(x -> x.at() == first)) {
            throw new InvalidDataException(
                    "cannot split in time: all "
                            + interactions.size()
                            + " interactions have the same time (the data has no timestamps?);"
                            + " use the random split");
        }
    }

    private static void checkShare(double testShare) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException(
                    "the test share must be between 0 and 1 (exclusive): " + testShare);
        }
    }
}
