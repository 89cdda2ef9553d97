package dev.worldmind.model.registry;

/**
 * Built-in kind: image generators (a GAN's generator) that draw the shop's designs and the museum's
 * gallery.
 */
public final class GeneratorKind extends DeclaredModelKind {
    /** The kind, as {@code ServiceLoader} makes it. */
    public GeneratorKind() {
        super(
                ModelManifest.GENERATOR,
                "image generators (a GAN's generator) that draw the shop's designs and the museum's gallery",
                false);
    }
}
