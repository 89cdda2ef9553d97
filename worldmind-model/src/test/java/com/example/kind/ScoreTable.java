package com.example.kind;

import dev.worldmind.model.registry.ModelKind;

/**
 * A model kind from outside Worldmind, as a plugin: a table of scores an application keeps in the
 * registry. Listed in this test's {@code META-INF/services}, and nowhere else.
 */
public final class ScoreTable implements ModelKind {
    @Override
    public String id() {
        return "score-table";
    }

    @Override
    public String description() {
        return "a table of scores kept with the models (a test plugin)";
    }
}
