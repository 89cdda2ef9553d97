package dev.worldmind.model.registry;

/**
 * A kind of registered model, as a plugin (listed in {@code
 * META-INF/services/dev.worldmind.model.registry.ModelKind}). The registry refuses to register a
 * kind no plugin declares; the serving API runs the kinds that say they are {@link #served}, the
 * other kinds are used inside the world by the domain class that wrote them.
 */
public interface ModelKind {
    /**
     * The kind's name, as manifests carry it.
     *
     * @return e.g. {@code image-classifier}
     */
    String id();

    /**
     * What models of this kind are and where they are used, for listings.
     *
     * @return one sentence
     */
    String description();

    /**
     * Whether the serving API ({@code /api/models/{name}/predict}) runs models of this kind: they
     * must then load as an image model (DJL or ONNX classifier).
     *
     * @return true for kinds the model server loads and warms
     */
    default boolean served() {
        return false;
    }
}
