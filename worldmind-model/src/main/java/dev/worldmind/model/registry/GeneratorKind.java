package dev.worldmind.model.registry;

/**
 * Built-in kind: image generators (a GAN's generator) that draw the shop's designs and the museum's
 * gallery.
 */
public final class GeneratorKind implements ModelKind {
    @Override
    public String id() {
        return ModelManifest.GENERATOR;
    }

    @Override
    public String description() {
        return "image generators (a GAN's generator) that draw the shop's designs and the museum's gallery";
    }
}
