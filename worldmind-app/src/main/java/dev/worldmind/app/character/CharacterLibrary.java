package dev.worldmind.app.character;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.world.SpaceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The characters of a world, read from YAML files: one file per character (format 1, see the
 * built-in files under {@code dev/worldmind/app/characters/}) and, optionally, a file of evaluation
 * questions per character under {@code questions/<id>.yaml}. Immutable and thread-safe.
 */
public final class CharacterLibrary {
    private static final String RESOURCES = "/dev/worldmind/app/characters/";
    private static final String INDEX = "library.yaml";

    private final Map<String, CharacterDefinition> characters;
    private final Map<String, List<RetrievalQuestion>> questions;

    private CharacterLibrary(
            Map<String, CharacterDefinition> characters,
            Map<String, List<RetrievalQuestion>> questions) {
        this.characters = characters;
        this.questions = questions;
    }

    /** Returns the five characters that ship with Worldmind, one per space kind. */
    public static CharacterLibrary builtIn() {
        JsonNode index;
        try (InputStream in = resource(INDEX)) {
            index = CharacterYaml.read(in, RESOURCES + INDEX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> files = CharacterYaml.lines(index, "characters", RESOURCES + INDEX, "");
        Map<String, CharacterDefinition> characters = new LinkedHashMap<>();
        Map<String, List<RetrievalQuestion>> questions = new HashMap<>();
        for (String file : files) {
            String source = RESOURCES + file;
            try (InputStream in = resource(file)) {
                add(
                        characters,
                        CharacterYaml.character(CharacterYaml.read(in, source), source),
                        source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String id : characters.keySet()) {
            String file = "questions/" + id + ".yaml";
            InputStream in = CharacterLibrary.class.getResourceAsStream(RESOURCES + file);
            if (in != null) {
                try (in) {
                    questions.put(
                            id,
                            CharacterYaml.questions(
                                    CharacterYaml.read(in, RESOURCES + file), RESOURCES + file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new CharacterLibrary(characters, questions);
    }

    /**
     * Reads an operator's characters: every {@code *.yaml} or {@code *.yml} file directly in the
     * directory, in name order, and {@code questions/<id>.yaml} where present.
     *
     * @param dir the directory
     * @return the library
     * @throws NotFoundException if the directory does not exist
     * @throws InvalidDataException naming the file and field of the first bad entry
     */
    public static CharacterLibrary load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NotFoundException("no character directory at " + dir);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files =
                    list.filter(Files::isRegularFile)
                            .filter(
                                    p ->
                                            p.toString().endsWith(".yaml")
                                                    || p.toString().endsWith(".yml"))
                            .filter(p -> !p.getFileName().toString().startsWith(INDEX))
                            .sorted()
                            .toList();
        } catch (IOException e) {
            throw new InvalidDataException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new InvalidDataException(dir + ": holds no character files (*.yaml)");
        }
        Map<String, CharacterDefinition> characters = new LinkedHashMap<>();
        Map<String, List<RetrievalQuestion>> questions = new HashMap<>();
        for (Path file : files) {
            add(
                    characters,
                    CharacterYaml.character(readFile(file), file.toString()),
                    file.toString());
        }
        for (String id : characters.keySet()) {
            Path file = dir.resolve("questions").resolve(id + ".yaml");
            if (Files.isRegularFile(file)) {
                questions.put(id, CharacterYaml.questions(readFile(file), file.toString()));
            }
        }
        return new CharacterLibrary(characters, questions);
    }

    /** Returns every character, in file order. */
    public List<CharacterDefinition> all() {
        return List.copyOf(characters.values());
    }

    /**
     * Finds a character by id.
     *
     * @param id the character's id
     */
    public Optional<CharacterDefinition> find(String id) {
        return Optional.ofNullable(characters.get(id));
    }

    /**
     * Finds the character who lives in a kind of space (the first, if several do).
     *
     * @param kind the space kind
     */
    public Optional<CharacterDefinition> forSpace(SpaceKind kind) {
        return characters.values().stream().filter(c -> c.home() == kind).findFirst();
    }

    /**
     * Returns the evaluation questions for a character.
     *
     * @param characterId the character's id
     * @return the questions, none if the character has no question file
     * @throws NotFoundException for an unknown character
     */
    public List<RetrievalQuestion> questions(String characterId) {
        if (!characters.containsKey(characterId)) {
            throw new NotFoundException("no character " + characterId + " in the library");
        }
        return questions.getOrDefault(characterId, List.of());
    }

    private static void add(
            Map<String, CharacterDefinition> characters, CharacterDefinition c, String source) {
        if (characters.putIfAbsent(c.id(), c) != null) {
            throw new InvalidDataException(
                    source + ": field 'id' repeats " + c.id() + ", used by another character file");
        }
    }

    private static JsonNode readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CharacterYaml.read(in, file.toString());
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = CharacterLibrary.class.getResourceAsStream(RESOURCES + file);
        if (in == null) {
            throw new InvalidDataException(
                    "the built-in character file "
                            + RESOURCES
                            + file
                            + " is missing from the build");
        }
        return in;
    }
}
