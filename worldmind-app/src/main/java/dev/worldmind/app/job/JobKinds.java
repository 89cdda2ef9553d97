package dev.worldmind.app.job;

import dev.worldmind.core.InvalidDataException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The job kinds on the class path, found with {@link ServiceLoader}. Immutable. */
public final class JobKinds {
    private final Map<String, JobKind> kinds;

    private JobKinds(Map<String, JobKind> kinds) {
        this.kinds = Collections.unmodifiableMap(new TreeMap<>(kinds));
    }

    /** Every kind registered in {@code META-INF/services/dev.worldmind.app.job.JobKind}. */
    public static JobKinds installed() {
        Map<String, JobKind> found = new TreeMap<>();
        for (JobKind k : ServiceLoader.load(JobKind.class, JobKinds.class.getClassLoader())) {
            JobKind before = found.putIfAbsent(k.id(), k);
            if (before != null) {
                throw new IllegalStateException(
                        "two job kinds are called "
                                + k.id()
                                + ": "
                                + before.getClass()
                                + ", "
                                + k.getClass());
            }
        }
        return new JobKinds(found);
    }

    /**
     * Returns a kind.
     *
     * @param id its name
     * @return the kind
     * @throws InvalidDataException naming the known kinds when there is none by that name
     */
    public JobKind get(String id) {
        return find(id).orElseThrow(
                        () ->
                                new InvalidDataException(
                                        "unknown job kind '"
                                                + id
                                                + "'; known: "
                                                + String.join(", ", kinds.keySet())));
    }

    /** Returns a kind, if there is one by that name. */
    public Optional<JobKind> find(String id) {
        return Optional.ofNullable(id == null ? null : kinds.get(id));
    }

    /** All kinds, by name. */
    public Collection<JobKind> all() {
        return kinds.values();
    }
}
