package dev.worldmind.app.character;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.model.language.emotion.EmotionState;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The characters at work in a {@link CharacterHost}, by id and in library order: each with its
 * knowledge index and a fresh emotional state, made once when the host is built. The set is
 * immutable; the moods inside it change and are thread-safe.
 */
final class Residents {
    private final Map<String, Resident> byId;

    /**
     * Gives every character of the knowledge a place.
     *
     * @param knowledge the characters and their indexed knowledge
     * @param clock drives their emotions' decay
     */
    Residents(CharacterKnowledge knowledge, Clock clock) {
        Map<String, Resident> map = new LinkedHashMap<>();
        for (CharacterDefinition c : knowledge.characters()) {
            map.put(
                    c.id(),
                    new Resident(
                            c,
                            knowledge.index(c.id()),
                            EmotionState.create(clock),
                            new VisitorMoods(clock)));
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    /**
     * Returns a character at work.
     *
     * @param characterId the character's id
     * @throws NotFoundException for an unknown character
     */
    Resident get(String characterId) {
        Resident r = byId.get(characterId);
        if (r == null) {
            throw new NotFoundException("there is no character '" + characterId + "' here");
        }
        return r;
    }

    /** Returns the characters, in library order. */
    List<CharacterDefinition> characters() {
        return byId.values().stream().map(Resident::character).toList();
    }
}
