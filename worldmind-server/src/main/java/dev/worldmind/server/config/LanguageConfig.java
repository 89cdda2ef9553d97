package dev.worldmind.server.config;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.language.dialogue.DialogueSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the world's AI characters and moderation.
 *
 * @param home the Worldmind home whose datasets (lexicons) and models (trained sentiment and spam
 *     classifiers) the characters use; empty turns the characters off (world chat is then checked
 *     by the rule checks alone)
 * @param characters a folder of the operator's own character files replacing the built-in ones, or
 *     empty
 * @param dialogue which LLM answers (none by default: the embedded responder)
 */
public record LanguageConfig(
        Optional<Path> home, Optional<Path> characters, DialogueSettings dialogue) {
    public LanguageConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(characters, "characters");
        Objects.requireNonNull(dialogue, "dialogue");
        characters.ifPresent(
                dir -> {
                    if (!dir.toFile().isDirectory()) {
                        throw new InvalidDataException(
                                "characters.dir " + dir + " is not a folder");
                    }
                });
    }

    /** No characters, no LLM. */
    public static LanguageConfig defaults() {
        return new LanguageConfig(Optional.empty(), Optional.empty(), DialogueSettings.defaults());
    }

    /** Returns whether the characters are on. */
    public boolean enabled() {
        return home.isPresent();
    }
}
