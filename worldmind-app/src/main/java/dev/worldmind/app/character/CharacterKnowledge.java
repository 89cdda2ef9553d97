package dev.worldmind.app.character;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.model.language.intent.IntentDetector;
import dev.worldmind.model.language.retrieval.Chunker;
import dev.worldmind.model.language.retrieval.HybridIndex;
import dev.worldmind.model.language.retrieval.KnowledgeIndex;
import dev.worldmind.model.language.retrieval.Passage;
import java.util.ArrayList;
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
    private final Map<String, HybridIndex> indexes;
    private final WorldGuide guide;
    private final TextEmbedder embedder;
    private final SafetyExamples safety;

    private CharacterKnowledge(
            CharacterLibrary library,
            CharacterIntents intents,
            IntentDetector detector,
            Map<String, HybridIndex> indexes,
            WorldGuide guide,
            TextEmbedder embedder) {
        this.library = library;
        this.intents = intents;
        this.detector = detector;
        this.indexes = indexes;
        this.guide = guide;
        this.embedder = embedder;
        this.safety = SafetyExamples.builtIn(embedder);
    }

    /** Returns the safety policy's examples, embedded. */
    SafetyExamples safety() {
        return safety;
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
        return build(library, intents, embedder, WorldGuide.defaultWorld(library.all()));
    }

    /**
     * Embeds every character's knowledge together with what its space holds in this world
     * (exhibits, lessons, products with prices, leaflets; see {@link WorldGuide#documents}).
     *
     * @param library the characters
     * @param intents the intents they understand
     * @param embedder the sentence embedder
     * @param guide the world the characters live in
     * @return the knowledge
     */
    public static CharacterKnowledge build(
            CharacterLibrary library,
            CharacterIntents intents,
            TextEmbedder embedder,
            WorldGuide guide) {
        Map<String, HybridIndex> indexes = new LinkedHashMap<>();
        for (CharacterDefinition c : library.all()) {
            List<Passage> passages = new ArrayList<>(c.passages(Chunker.DEFAULT_MAX_WORDS));
            for (KnowledgeDocument d : guide.documents(c)) {
                passages.addAll(
                        Chunker.chunk(d.id(), d.title(), d.text(), Chunker.DEFAULT_MAX_WORDS));
            }
            indexes.put(c.id(), HybridIndex.build(passages, embedder));
        }
        return new CharacterKnowledge(
                library,
                intents,
                intents.detector(embedder),
                Collections.unmodifiableMap(indexes),
                guide,
                embedder);
    }

    /** Returns the world the characters describe. */
    public WorldGuide guide() {
        return guide;
    }

    /** Returns the sentence embedder the knowledge was embedded with. */
    public TextEmbedder embedder() {
        return embedder;
    }

    /**
     * Returns a character's knowledge for keyword and meaning search.
     *
     * @param characterId the character
     * @throws NotFoundException for an unknown character
     */
    public HybridIndex hybrid(String characterId) {
        HybridIndex index = indexes.get(characterId);
        if (index == null) {
            throw new NotFoundException("there is no character '" + characterId + "' here");
        }
        return index;
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
        return hybrid(characterId).dense();
    }
}
