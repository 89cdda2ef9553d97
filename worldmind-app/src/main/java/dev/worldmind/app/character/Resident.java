package dev.worldmind.app.character;

import dev.worldmind.model.language.emotion.EmotionState;
import dev.worldmind.model.language.retrieval.KnowledgeIndex;

/**
 * A character at work in a {@link CharacterHost}: its definition, its knowledge index (built once)
 * and its emotional state (shared by everyone talking to it).
 *
 * @param character who it is
 * @param index what it knows
 * @param mood how it feels
 */
record Resident(CharacterDefinition character, KnowledgeIndex index, EmotionState mood) {}
