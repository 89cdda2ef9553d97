package dev.worldmind.app.recommend;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import dev.worldmind.model.recommend.LiveRecommender;
import dev.worldmind.model.recommend.PersonMatch;
import dev.worldmind.model.recommend.Recommender;
import dev.worldmind.model.recommend.RecommenderArtifact;
import dev.worldmind.model.recommend.Suggestion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The world's recommender while the world runs: lists per kind with names and explanations, similar
 * things, people with similar tastes and the next lesson, all changing as soon as interactions are
 * {@link #record recorded} (fold-in, no retraining). Thread-safe.
 */
public final class WorldRecommender {
    /** No account has an empty name: the recommender's new user, who gets popular things. */
    private static final String NEW_USER = "";

    private final LiveRecommender live;
    private final WorldCatalogue catalogue;

    /**
     * Serves a trained recommender.
     *
     * @param artifact the trained recommender
     * @param catalogue names, kinds and lesson order
     */
    public WorldRecommender(RecommenderArtifact artifact, WorldCatalogue catalogue) {
        this.live = new LiveRecommender(artifact);
        this.catalogue = catalogue;
    }

    /** The artifact being served. */
    public RecommenderArtifact artifact() {
        return live.artifact();
    }

    /** The catalogue. */
    public WorldCatalogue catalogue() {
        return catalogue;
    }

    /** The name of the algorithm being served. */
    public String algorithm() {
        return live.artifact().recommender().algorithm();
    }

    /**
     * Adds an interaction to its user's history at once.
     *
     * @param x the interaction
     * @return false when the recommender does not know the item yet (it waits for training)
     */
    public boolean record(Interaction x) {
        return live.record(x);
    }

    /** How many recorded interactions wait for the next training (unknown items). */
    public long pending() {
        return live.pending();
    }

    /**
     * Recommends things of one kind the user has not interacted with yet.
     *
     * @param user the user name (a user with no history, or only space visits when the kind is not
     *     {@link RecommendKind#SPACE}, gets the most popular)
     * @param kind what to recommend
     * @param n how many at most
     * @return up to {@code n}, best first
     */
    public List<Recommendation> recommend(String user, RecommendKind kind, int n) {
        // Entering a space says little about taste in what is inside (everyone in the shop
        // entered it): with nothing but space visits a user counts as new for things in spaces.
        String who = kind != RecommendKind.SPACE && onlySpaces(user) ? NEW_USER : user;
        List<Suggestion> found =
                live.recommend(
                        who, n, id -> catalogue.find(id).map(e -> e.kind() == kind).orElse(false));
        if (kind == RecommendKind.SPACE) {
            return named(found);
        }
        // "because you visited Central Plaza" says little about a product: name the thing
        // (not a space) in the history that supports it most, when one does
        List<Suggestion> better = new ArrayList<>(found.size());
        for (Suggestion x : found) {
            better.add(
                    isSpace(x.because())
                            ? new Suggestion(x.item(), x.score(), thing(who, x.item()))
                            : x);
        }
        return named(better);
    }

    private boolean isSpace(String id) {
        return id != null
                && catalogue.find(id).map(e -> e.kind() == RecommendKind.SPACE).orElse(false);
    }

    /** The item in the user's history, other than a space, most similar to an item; or null. */
    private String thing(String user, String item) {
        InteractionMatrix train = live.artifact().train();
        Recommender recommender = live.artifact().recommender();
        int target = train.item(item).orElse(-1);
        if (target < 0 || !recommender.explains()) {
            return null;
        }
        SparseVector h = live.history(user);
        String best = null;
        double support = 0;
        for (int k = 0; k < h.size(); k++) {
            String id = train.itemId(h.index(k));
            if (!isSpace(id)) {
                double s = recommender.similarItems(h.index(k))[target];
                if (s > support) {
                    support = s;
                    best = id;
                }
            }
        }
        return best;
    }

    private boolean onlySpaces(String user) {
        return taken(user).stream()
                .allMatch(
                        id ->
                                catalogue
                                        .find(id)
                                        .map(e -> e.kind() == RecommendKind.SPACE)
                                        .orElse(false));
    }

    /**
     * Finds the things most like one thing, of the same kind.
     *
     * @param ref the thing's id (see {@link WorldCatalogue#resolve})
     * @param n how many at most
     * @return up to {@code n}, most similar first
     * @throws NotFoundException when the world or the recommender does not know it
     */
    public List<Recommendation> similar(String ref, int n) {
        CatalogueEntry e =
                catalogue
                        .resolve(ref)
                        .filter(x -> x.kind() != RecommendKind.OTHER)
                        .orElseThrow(() -> new NotFoundException("no item '" + ref + "'"));
        if (live.artifact().train().item(e.id()).isEmpty()) {
            throw new NotFoundException(
                    "nobody has interacted with " + e.name() + " yet; ask again after training");
        }
        boolean explains = live.artifact().recommender().explains();
        List<Recommendation> out = new ArrayList<>();
        for (Suggestion s :
                live.similarItems(
                        e.id(),
                        n,
                        id -> catalogue.find(id).map(x -> x.kind() == e.kind()).orElse(false))) {
            out.add(
                    new Recommendation(
                            catalogue.find(s.item()).orElseThrow(),
                            s.score(),
                            explains
                                    ? "often chosen with " + e.name()
                                    : "popular with other visitors",
                            explains ? e.id() : null));
        }
        return out;
    }

    /**
     * Finds people whose tastes are most like a user's.
     *
     * @param user the user name
     * @param n how many at most
     * @return up to {@code n}, most similar first; empty for a user with no history
     */
    public List<Person> people(String user, int n) {
        return people(user, n, other -> true);
    }

    /**
     * Finds people whose tastes are most like a user's, among those who may be shown.
     *
     * @param user the user name
     * @param n how many at most
     * @param shown which other users may be listed (e.g. only those who opted in); filtered before
     *     the top {@code n} are taken, so a hidden person never costs a place
     * @return up to {@code n}, most similar first; empty for a user with no history
     */
    public List<Person> people(String user, int n, java.util.function.Predicate<String> shown) {
        List<Person> out = new ArrayList<>();
        for (PersonMatch m :
                live.people(user, n, other -> !other.equals(user) && shown.test(other))) {
            out.add(
                    new Person(
                            m.user(),
                            m.similarity(),
                            m.shared().stream().map(catalogue::name).toList(),
                            SimulatedVisitors.isSimulated(m.user())));
        }
        return out;
    }

    /**
     * Suggests the best lesson the user has not taken whose track's earlier lessons they have all
     * taken (so a track is followed in order).
     *
     * @param user the user name
     * @return the lesson, or empty when every lesson is taken
     */
    public Optional<Recommendation> nextLesson(String user) {
        Set<String> taken = taken(user);
        Map<String, String> previous = new java.util.HashMap<>();
        Set<String> candidates = new HashSet<>();
        for (List<String> track : catalogue.tracks().values()) {
            String before = null;
            for (String lesson : track) {
                if (!taken.contains(lesson)) {
                    candidates.add(lesson);
                    if (before != null) {
                        previous.put(lesson, before);
                    }
                    break;
                }
                before = lesson;
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<Suggestion> ranked =
                live.recommend(
                        onlySpaces(user) ? NEW_USER : user,
                        candidates.size(),
                        candidates::contains);
        String best;
        double score;
        String because;
        if (ranked.isEmpty()) {
            // lessons nobody has taken yet are unknown to the recommender: the first in order
            best =
                    catalogue.of(RecommendKind.LESSON).stream()
                            .map(CatalogueEntry::id)
                            .filter(candidates::contains)
                            .findFirst()
                            .orElseThrow();
            score = 0;
            because = null;
        } else {
            best = ranked.get(0).item();
            score = ranked.get(0).score();
            because = ranked.get(0).because();
        }
        CatalogueEntry e = catalogue.find(best).orElseThrow();
        String explanation =
                previous.containsKey(best)
                        ? "next in "
                                + catalogue.trackName(e.track())
                                + " after "
                                + catalogue.name(previous.get(best))
                        : because != null
                                ? explain(because)
                                : "the first lesson of " + catalogue.trackName(e.track());
        return Optional.of(new Recommendation(e, score, explanation, because));
    }

    /** The ids of everything the user has interacted with. */
    public Set<String> taken(String user) {
        SparseVector h = live.history(user);
        InteractionMatrix train = live.artifact().train();
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < h.size(); k++) {
            ids.add(train.itemId(h.index(k)));
        }
        return ids;
    }

    private List<Recommendation> named(List<Suggestion> suggestions) {
        List<Recommendation> out = new ArrayList<>(suggestions.size());
        for (Suggestion s : suggestions) {
            Optional<CatalogueEntry> e = catalogue.find(s.item());
            if (e.isPresent()) {
                out.add(
                        new Recommendation(
                                e.get(),
                                s.score(),
                                s.because() == null
                                        ? "popular with other visitors"
                                        : explain(s.because()),
                                s.because()));
            }
        }
        return out;
    }

    private String explain(String because) {
        Optional<CatalogueEntry> e = catalogue.find(because);
        String verb =
                e.map(
                                x ->
                                        switch (x.kind()) {
                                            case SPACE -> "because you visited ";
                                            case CHARACTER -> "because you talked to ";
                                            case LESSON -> "because you took ";
                                            default -> "because you liked ";
                                        })
                        .orElse("because you liked ");
        return verb + catalogue.name(because);
    }
}
