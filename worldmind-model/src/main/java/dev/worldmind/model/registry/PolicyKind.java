package dev.worldmind.model.registry;

/** Built-in kind: reinforcement-learning policies, e.g. the museum guide's navigation. */
public final class PolicyKind extends DeclaredModelKind {
    /** The kind, as {@code ServiceLoader} makes it. */
    public PolicyKind() {
        super(
                ModelManifest.POLICY,
                "reinforcement-learning policies, e.g. the museum guide's navigation",
                false);
    }
}
