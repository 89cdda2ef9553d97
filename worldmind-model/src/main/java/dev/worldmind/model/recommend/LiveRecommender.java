package dev.worldmind.model.recommend;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Serves a trained recommender while the world goes on: interactions recorded after training join
 * their user's history at once, so lists change without retraining (fold-in), for new users too.
 * Interactions with items the recommender has never seen wait for the next training ({@link
 * #pending()}). A user with no usable history gets the most popular items. Thread-safe.
 */
public final class LiveRecommender {
    /** How many of a user's strongest items are looked at to explain a suggestion. */
    private static final int EXPLAIN_FROM = 20;

    private final RecommenderArtifact artifact;
    private final InteractionMatrix train;
    private final Recommender recommender;
    private final float[] popularity;
    private final Map<String, SparseVector> changed = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();

    /**
     * Serves an artifact.
     *
     * @param artifact the trained recommender and its training interactions
     */
    public LiveRecommender(RecommenderArtifact artifact) {
        this.artifact = artifact;
        this.train = artifact.train();
        this.recommender = artifact.recommender();
        int[] counts = train.itemPopularity();
        this.popularity = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            popularity[i] = counts[i];
        }
    }

    /** The artifact being served. */
    public RecommenderArtifact artifact() {
        return artifact;
    }

    /**
     * Adds an interaction to its user's history.
     *
     * @param x the interaction
     * @return true if it was used, false if its item is unknown to the recommender (it counts
     *     towards {@link #pending()} until the next training)
     */
    public boolean record(Interaction x) {
        OptionalInt item = train.item(x.item());
        if (item.isEmpty()) {
            pending.incrementAndGet();
            return false;
        }
        changed.compute(
                x.user(),
                (user, before) ->
                        (before != null ? before : trainRow(user))
                                .plus(item.getAsInt(), (float) x.weight()));
        return true;
    }

    /** How many recorded interactions were with items the recommender does not know yet. */
    public long pending() {
        return pending.get();
    }

    /** How many users have interactions recorded since training. */
    public int changedUsers() {
        return changed.size();
    }

    /**
     * Everything known about a user: training interactions plus those recorded since.
     *
     * @param user the user's id
     * @return item indices and weights (empty for a user never seen)
     */
    public SparseVector history(String user) {
        SparseVector h = changed.get(user);
        return h != null ? h : trainRow(user);
    }

    private SparseVector trainRow(String user) {
        OptionalInt u = train.user(user);
        return u.isPresent() ? train.row(u.getAsInt()) : SparseVector.EMPTY;
    }

    /**
     * Recommends items a user has not interacted with.
     *
     * @param user the user's id (an unknown user gets popular items)
     * @param n how many at most
     * @param items which item ids may be recommended
     * @return up to {@code n} suggestions, best first
     */
    public List<Suggestion> recommend(String user, int n, Predicate<String> items) {
        SparseVector history = history(user);
        IntPredicate allowed = i -> items.test(train.itemId(i));
        if (history.isEmpty()) {
            return suggestions(
                    popularity, Ranking.top(popularity, n, history, allowed), null, history);
        }
        OptionalInt u = changed.containsKey(user) ? OptionalInt.empty() : train.user(user);
        float[] scores = recommender.score(u.orElse(-1), history);
        return suggestions(scores, Ranking.top(scores, n, history, allowed), recommender, history);
    }

    /**
     * Finds the items most like one item.
     *
     * @param item the item's id
     * @param n how many at most
     * @param items which item ids may be returned
     * @return up to {@code n} items, most similar first, without the item itself
     * @throws NotFoundException if the recommender does not know the item
     */
    public List<Suggestion> similarItems(String item, int n, Predicate<String> items) {
        int i =
                train.item(item)
                        .orElseThrow(
                                () ->
                                        new NotFoundException(
                                                "no item '" + item + "' in the recommender"));
        float[] sims = recommender.similarItems(i);
        SparseVector self = new SparseVector(new int[] {i}, new float[] {1});
        int[] top = Ranking.top(sims, n, self, j -> items.test(train.itemId(j)));
        List<Suggestion> out = new ArrayList<>(top.length);
        for (int j : top) {
            out.add(new Suggestion(train.itemId(j), sims[j], item));
        }
        return out;
    }

    /**
     * Finds people whose histories are most like a user's (cosine of weighted histories).
     *
     * @param user the user's id
     * @param n how many at most
     * @param users which other users may be returned
     * @return up to {@code n} matches, most similar first; empty for a user with no history
     */
    public List<PersonMatch> people(String user, int n, Predicate<String> users) {
        SparseVector mine = history(user);
        if (mine.isEmpty() || n <= 0) {
            return List.of();
        }
        float[] dense = dense(mine);
        double norm = norm(mine);
        List<PersonMatch> found = new ArrayList<>();
        for (int u = 0; u < train.users(); u++) {
            String other = train.userId(u);
            if (!changed.containsKey(other)) {
                match(user, other, train.row(u), dense, norm, users, found);
            }
        }
        changed.forEach((other, h) -> match(user, other, h, dense, norm, users, found));
        found.sort(
                Comparator.comparingDouble(PersonMatch::similarity)
                        .reversed()
                        .thenComparing(PersonMatch::user));
        return List.copyOf(found.subList(0, Math.min(n, found.size())));
    }

    private void match(
            String me,
            String other,
            SparseVector theirs,
            float[] mine,
            double myNorm,
            Predicate<String> users,
            List<PersonMatch> found) {
        if (other.equals(me) || theirs.isEmpty()) {
            return;
        }
        double dot = 0;
        List<float[]> shared = new ArrayList<>();
        for (int k = 0; k < theirs.size(); k++) {
            float a = mine[theirs.index(k)];
            if (a != 0) {
                dot += a * theirs.value(k);
                shared.add(new float[] {theirs.index(k), Math.min(a, theirs.value(k))});
            }
        }
        if (dot <= 0 || !users.test(other)) {
            return;
        }
        shared.sort((x, y) -> x[1] != y[1] ? Float.compare(y[1], x[1]) : Float.compare(x[0], y[0]));
        List<String> names = new ArrayList<>();
        for (float[] s : shared.subList(0, Math.min(3, shared.size()))) {
            names.add(train.itemId((int) s[0]));
        }
        found.add(new PersonMatch(other, dot / (myNorm * norm(theirs)), names));
    }

    private static double norm(SparseVector v) {
        double sum = 0;
        for (int k = 0; k < v.size(); k++) {
            sum += (double) v.value(k) * v.value(k);
        }
        return Math.sqrt(sum);
    }

    private List<Suggestion> suggestions(
            float[] scores, int[] top, Recommender explainer, SparseVector history) {
        List<Suggestion> out = new ArrayList<>(top.length);
        // the strongest history items, each with its similarity to every item
        List<float[]> sims = new ArrayList<>();
        int[] strongest = new int[0];
        if (explainer != null && explainer.explains()) {
            strongest =
                    Ranking.top(
                            dense(history), EXPLAIN_FROM, SparseVector.EMPTY, history::contains);
            for (int j : strongest) {
                sims.add(explainer.similarItems(j));
            }
        }
        for (int i : top) {
            String because = null;
            double best = 0;
            for (int k = 0; k < strongest.length; k++) {
                double support = sims.get(k)[i];
                if (support > best) {
                    best = support;
                    because = train.itemId(strongest[k]);
                }
            }
            out.add(new Suggestion(train.itemId(i), scores[i], because));
        }
        return out;
    }

    private float[] dense(SparseVector history) {
        float[] d = new float[train.items()];
        for (int k = 0; k < history.size(); k++) {
            d[history.index(k)] = history.value(k);
        }
        return d;
    }
}
