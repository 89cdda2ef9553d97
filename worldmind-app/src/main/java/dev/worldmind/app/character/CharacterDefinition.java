package dev.worldmind.app.character;

import dev.worldmind.data.world.SpaceKind;
import dev.worldmind.model.language.retrieval.Chunker;
import dev.worldmind.model.language.retrieval.Passage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A character who lives in a space.
 *
 * @param id a short unique id, e.g. {@code iris}
 * @param name the name shown to visitors
 * @param home the kind of space the character works in
 * @param persona who the character is, in a few sentences (for an LLM system prompt)
 * @param backstory where the character comes from
 * @param goals what the character tries to do for visitors
 * @param style how the character speaks
 * @param knowledge what the character knows, documents with unique ids
 * @param helps what the character can help with, a few short phrases ("directions", "products and
 *     prices"): said when it cannot answer, and used to send visitors to the right character
 * @param caring whether the role is a caring one (nurse, tutor): such a character is never angry
 *     with a visitor
 */
public record CharacterDefinition(
        String id,
        String name,
        SpaceKind home,
        String persona,
        String backstory,
        List<String> goals,
        SpeakingStyle style,
        List<KnowledgeDocument> knowledge,
        List<String> helps,
        boolean caring) {
    public CharacterDefinition {
        helps = List.copyOf(helps);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(backstory, "backstory");
        Objects.requireNonNull(style, "style");
        goals = List.copyOf(goals);
        knowledge = List.copyOf(knowledge);
        Set<String> ids = new HashSet<>();
        for (KnowledgeDocument d : knowledge) {
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException(
                        "character " + id + " has two knowledge documents with id " + d.id());
            }
        }
    }

    /**
     * Cuts the knowledge into passages for a {@link
     * dev.worldmind.model.language.retrieval.KnowledgeIndex}.
     *
     * @param maxWords the most words per passage, e.g. {@link Chunker#DEFAULT_MAX_WORDS}
     */
    public List<Passage> passages(int maxWords) {
        List<Passage> passages = new ArrayList<>();
        for (KnowledgeDocument d : knowledge) {
            passages.addAll(Chunker.chunk(d.id(), d.title(), d.text(), maxWords));
        }
        return List.copyOf(passages);
    }

    /** Returns the first name, e.g. Iris for Iris Calder. */
    public String firstName() {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /** Returns what it can help with as one phrase: "a, b and c". */
    public String helpsPhrase() {
        if (helps.isEmpty()) {
            return "questions about the " + home.value();
        }
        if (helps.size() == 1) {
            return helps.get(0);
        }
        return String.join(", ", helps.subList(0, helps.size() - 1))
                + " and "
                + helps.get(helps.size() - 1);
    }

    /**
     * Finds a knowledge document by id.
     *
     * @param documentId the document's id
     */
    public Optional<KnowledgeDocument> document(String documentId) {
        return knowledge.stream().filter(d -> d.id().equals(documentId)).findFirst();
    }
}
