package dev.worldmind.app.character;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.model.language.intent.IntentDetector;
import dev.worldmind.model.language.retrieval.Chunker;
import dev.worldmind.model.language.retrieval.KnowledgeIndex;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every character's knowledge, embedded once, and the intent detector: the expensive part of a
 * {@link CharacterHost}. Build it once and hand it to several hosts (e.g. when the dialogue
 * settings change at run time) with {@link CharacterHost.Builder#optKnowledge}. Immutable and
 * thread-safe; the embedder must stay open while it is used.
 */
public final class CharacterKnowledge {
    private final CharacterLibrary library;
    private final CharacterIntents intents;
    private final IntentDetector detector;
    private final Map<String, KnowledgeIndex> indexes;

    private CharacterKnowledge(
            CharacterLibrary library,
            CharacterIntents intents,
            IntentDetector detector,
            Map<String, KnowledgeIndex> indexes) {
        this.library = library;
        this.intents = intents;
        this.detector = detector;
        this.indexes = indexes;
    }

    /**
     * Embeds every character's knowledge (in passages of {@link Chunker#DEFAULT_MAX_WORDS} words)
     * and the intents' examples.
     *
     * @param library the characters
     * @param intents the intents they understand
     * @param embedder the sentence embedder
     * @return the knowledge
     */
    public static CharacterKnowledge build(
            CharacterLibrary library, CharacterIntents intents, TextEmbedder embedder) {
        Map<String, KnowledgeIndex> indexes = new LinkedHashMap<>();
        for (CharacterDefinition c : library.all()) {
            indexes.put(
                    c.id(), KnowledgeIndex.build(c.passages(Chunker.DEFAULT_MAX_WORDS), embedder));
        }
        return new CharacterKnowledge(
                library, intents, intents.detector(embedder), Collections.unmodifiableMap(indexes));
    }

    /** Returns the characters. */
    public CharacterLibrary library() {
        return library;
    }

    /** Returns the characters, in library order. */
    public List<CharacterDefinition> characters() {
        return library.all();
    }

    /** Returns the intents. */
    public CharacterIntents intents() {
        return intents;
    }

    /** Returns the detector of the intents. */
    public IntentDetector detector() {
        return detector;
    }

    /**
     * Returns a character's knowledge index.
     *
     * @param characterId the character
     * @throws NotFoundException for an unknown character
     */
    public KnowledgeIndex index(String characterId) {
        KnowledgeIndex index = indexes.get(characterId);
        if (index == null) {
            throw new NotFoundException("there is no character '" + characterId + "' here");
        }
        return index;
    }
}
