package dev.worldmind.model.language.intent;

import java.util.List;
import java.util.Objects;

/**
 * Something a user may want, given by example sentences.
 *
 * @param name the intent's name, e.g. {@code go_to_museum}
 * @param examples how users say it, at least one
 */
public record Intent(String name, List<String> examples) {
    public Intent {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an intent needs a name");
        }
        examples = List.copyOf(examples);
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("intent " + name + " has no examples");
        }
    }
}
