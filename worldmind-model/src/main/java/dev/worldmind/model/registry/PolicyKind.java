package dev.worldmind.model.registry;

/** Built-in kind: reinforcement-learning policies, e.g. the museum guide's navigation. */
public final class PolicyKind implements ModelKind {
    @Override
    public String id() {
        return ModelManifest.POLICY;
    }

    @Override
    public String description() {
        return "reinforcement-learning policies, e.g. the museum guide's navigation";
    }
}
