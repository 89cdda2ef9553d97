package dev.worldmind.model.registry;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.plugin.Plugins;
import java.util.List;
import java.util.Map;

/** The model kinds on the class path, built-in ones first; found once. Thread-safe. */
public final class ModelKinds {
    private static final class Installed {
        static final Map<String, ModelKind> KINDS = Plugins.byName(ModelKind.class, ModelKind::id);
    }

    private ModelKinds() {}

    /** Every installed kind, built-in ones first. */
    public static List<ModelKind> all() {
        return List.copyOf(Installed.KINDS.values());
    }

    /**
     * The kind of a name.
     *
     * @param id the kind's name
     * @return the kind
     * @throws InvalidDataException naming the installed kinds when no plugin declares it
     */
    public static ModelKind of(String id) {
        ModelKind kind = Installed.KINDS.get(id);
        if (kind == null) {
            throw new InvalidDataException(
                    "unknown model kind '"
                            + id
                            + "'; installed kinds: "
                            + String.join(", ", Installed.KINDS.keySet()));
        }
        return kind;
    }

    /**
     * Whether the serving API runs models of a kind; false for unknown kinds.
     *
     * @param id the kind's name
     * @return whether it is served
     */
    public static boolean served(String id) {
        ModelKind kind = Installed.KINDS.get(id);
        return kind != null && kind.served();
    }

    /** The names of the kinds the serving API runs. */
    public static List<String> servedIds() {
        return Installed.KINDS.values().stream()
                .filter(ModelKind::served)
                .map(ModelKind::id)
                .toList();
    }
}
