package dev.worldmind.app.character;

import dev.worldmind.model.language.emotion.EmotionState;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A character's feelings toward each visitor, so that one rude visitor does not sour its answers to
 * the next: the least recently met visitors are forgotten beyond a bound. Thread-safe.
 */
final class VisitorMoods {
    /** How many visitors a character keeps a feeling for. */
    static final int MAX_VISITORS = 1024;

    private final Clock clock;
    private final Map<Long, EmotionState> states =
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, EmotionState> eldest) {
                    return size() > MAX_VISITORS;
                }
            };

    VisitorMoods(Clock clock) {
        this.clock = clock;
    }

    /**
     * Returns the character's feeling toward a visitor, calm at first.
     *
     * @param accountId the visitor
     */
    synchronized EmotionState toward(long accountId) {
        return states.computeIfAbsent(accountId, id -> EmotionState.create(clock));
    }
}
