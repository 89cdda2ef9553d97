package dev.worldmind.app.character;

import dev.worldmind.model.language.emotion.EmotionState;
import dev.worldmind.model.language.retrieval.KnowledgeIndex;

/**
 * A character at work in a {@link CharacterHost}: its definition, its knowledge index (built once),
 * the face everyone in its space sees, and its feeling toward each visitor.
 *
 * @param character who it is
 * @param index what it knows
 * @param mood how it feels overall (its avatar's face between replies)
 * @param visitors how it feels toward each visitor (the face of a reply)
 */
record Resident(
        CharacterDefinition character,
        KnowledgeIndex index,
        EmotionState mood,
        VisitorMoods visitors) {}
