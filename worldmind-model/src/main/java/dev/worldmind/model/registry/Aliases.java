package dev.worldmind.model.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named pointers of one model, such as {@code stable}, stored as {@code aliases.json} beside
 * its versions. Each alias keeps the versions it pointed to before, so a rollback can step back.
 * {@code latest} is not stored: it always means the newest version.
 *
 * @param formatVersion the file's format version
 * @param aliases alias to version
 * @param history alias to the versions it pointed to, oldest first, ending with the current one
 */
public record Aliases(
        int formatVersion, Map<String, Integer> aliases, Map<String, List<Integer>> history) {
    /** The format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** The file name inside a model's folder. */
    public static final String FILE = "aliases.json";

    /** The alias serving uses by default, when it is set. */
    public static final String STABLE = "stable";

    /** The implicit alias of the newest version. */
    public static final String LATEST = "latest";

    public Aliases {
        aliases = Map.copyOf(aliases == null ? Map.of() : aliases);
        Map<String, List<Integer>> h = new LinkedHashMap<>();
        if (history != null) {
            history.forEach((k, v) -> h.put(k, List.copyOf(v)));
        }
        history = Map.copyOf(h);
    }

    /** Returns an empty set of aliases. */
    public static Aliases none() {
        return new Aliases(FORMAT_VERSION, Map.of(), Map.of());
    }

    /**
     * Returns these aliases with one pointed at a version.
     *
     * @param alias the alias
     * @param version the version
     */
    public Aliases with(String alias, int version) {
        Map<String, Integer> a = new LinkedHashMap<>(aliases);
        a.put(alias, version);
        Map<String, List<Integer>> h = new LinkedHashMap<>(history);
        List<Integer> past = new ArrayList<>(h.getOrDefault(alias, List.of()));
        if (past.isEmpty() || past.get(past.size() - 1) != version) {
            past.add(version);
        }
        h.put(alias, past);
        return new Aliases(FORMAT_VERSION, a, h);
    }

    /**
     * Returns these aliases with one stepped back to the version it pointed to before.
     *
     * @param alias the alias
     * @throws dev.worldmind.core.InvalidDataException if it has no earlier version
     */
    public Aliases rolledBack(String alias) {
        List<Integer> past = history.getOrDefault(alias, List.of());
        if (past.size() < 2) {
            throw new dev.worldmind.core.InvalidDataException(
                    "alias '" + alias + "' has no earlier version to roll back to");
        }
        Map<String, Integer> a = new LinkedHashMap<>(aliases);
        a.put(alias, past.get(past.size() - 2));
        Map<String, List<Integer>> h = new LinkedHashMap<>(history);
        h.put(alias, List.copyOf(past.subList(0, past.size() - 1)));
        return new Aliases(FORMAT_VERSION, a, h);
    }
}
