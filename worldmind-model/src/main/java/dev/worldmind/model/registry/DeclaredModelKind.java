package dev.worldmind.model.registry;

/** A model kind declared by its name, description and whether it is served: the built-in kinds. */
abstract class DeclaredModelKind implements ModelKind {
    private final String id;
    private final String description;
    private final boolean served;

    DeclaredModelKind(String id, String description, boolean served) {
        this.id = id;
        this.description = description;
        this.served = served;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final boolean served() {
        return served;
    }
}
