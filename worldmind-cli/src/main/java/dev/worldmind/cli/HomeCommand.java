package dev.worldmind.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works in a Worldmind home: {@code --home} and the command's own spec (for its
 * output and usage errors), declared once for every such command; picocli reads the annotated
 * fields of superclasses as its own.
 */
abstract class HomeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin HomeOption homeOption;
}
