package dev.worldmind.data.interaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Iterative k-core filtering: drops users with fewer than {@code userK} distinct items and items
 * with fewer than {@code itemK} distinct users, and repeats (a drop can push others below their
 * threshold) until nothing changes. Degrees count distinct user-item pairs, so a repeated
 * interaction does not help a user or an item through; repeats of a kept pair are all kept.
 * Stateless.
 */
public final class KCore {
    private KCore() {}

    /**
     * What filtering kept and removed.
     *
     * @param interactions the kept interactions, in input order
     * @param removedInteractions how many interactions were dropped
     * @param removedUsers how many users lost all their interactions
     * @param removedItems how many items lost all their interactions
     * @param rounds how many passes ran, the last of which removed nothing
     */
    public record Result(
            List<Interaction> interactions,
            int removedInteractions,
            int removedUsers,
            int removedItems,
            int rounds) {
        public Result {
            interactions = List.copyOf(interactions);
        }
    }

    /**
     * Keeps the k-core with the same threshold for users and items.
     *
     * @param interactions the interactions
     * @param k the least number of distinct partners every kept user and item has (at least 1)
     * @return the kept interactions and counts
     */
    public static Result filter(Collection<Interaction> interactions, int k) {
        return filter(interactions, k, k);
    }

    /**
     * Keeps the core in which every user has at least {@code userK} distinct items and every item
     * at least {@code itemK} distinct users. The result may be empty.
     *
     * @param interactions the interactions
     * @param userK the least number of distinct items per kept user (at least 1)
     * @param itemK the least number of distinct users per kept item (at least 1)
     * @return the kept interactions and counts
     */
    public static Result filter(Collection<Interaction> interactions, int userK, int itemK) {
        if (userK < 1 || itemK < 1) {
            throw new IllegalArgumentException(
                    "k must be at least 1: users " + userK + ", items " + itemK);
        }
        List<Interaction> all = new ArrayList<>(interactions);
        int n = all.size();
        Map<String, Integer> userIndex = new HashMap<>();
        Map<String, Integer> itemIndex = new HashMap<>();
        int[] user = new int[n];
        int[] item = new int[n];
        for (int k = 0; k < n; k++) {
            Interaction x = all.get(k);
            user[k] = userIndex.computeIfAbsent(x.user(), id -> userIndex.size());
            item[k] = itemIndex.computeIfAbsent(x.item(), id -> itemIndex.size());
        }
        int users = userIndex.size();
        int items = itemIndex.size();
        // only the first row of each distinct pair counts towards degrees; a pair's rows are
        // removed together (all with its user or its item), so that row stands for the pair
        boolean[] counts = firstOfPair(user, item, items);
        boolean[] alive = new boolean[n];
        Arrays.fill(alive, true);
        boolean[] userAlive = new boolean[users];
        boolean[] itemAlive = new boolean[items];
        Arrays.fill(userAlive, true);
        Arrays.fill(itemAlive, true);
        int rounds = 0;
        boolean changed = true;
        while (changed) {
            rounds++;
            changed = false;
            int[] userDegree = new int[users];
            int[] itemDegree = new int[items];
            for (int k = 0; k < n; k++) {
                if (alive[k] && counts[k]) {
                    userDegree[user[k]]++;
                    itemDegree[item[k]]++;
                }
            }
            for (int u = 0; u < users; u++) {
                if (userAlive[u] && userDegree[u] < userK) {
                    userAlive[u] = false;
                    changed = true;
                }
            }
            for (int i = 0; i < items; i++) {
                if (itemAlive[i] && itemDegree[i] < itemK) {
                    itemAlive[i] = false;
                    changed = true;
                }
            }
            for (int k = 0; k < n; k++) {
                alive[k] = alive[k] && userAlive[user[k]] && itemAlive[item[k]];
            }
        }
        List<Interaction> kept = new ArrayList<>();
        boolean[] userKept = new boolean[users];
        boolean[] itemKept = new boolean[items];
        for (int k = 0; k < n; k++) {
            if (alive[k]) {
                kept.add(all.get(k));
                userKept[user[k]] = true;
                itemKept[item[k]] = true;
            }
        }
        return new Result(
                kept, n - kept.size(), users - count(userKept), items - count(itemKept), rounds);
    }

    private static boolean[] firstOfPair(int[] user, int[] item, int items) {
        boolean[] first = new boolean[user.length];
        Set<Long> seen = new HashSet<>(user.length * 2);
        for (int k = 0; k < user.length; k++) {
            first[k] = seen.add((long) user[k] * items + item[k]);
        }
        return first;
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            c += f ? 1 : 0;
        }
        return c;
    }
}
