package dev.worldmind.app.character;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.conversation.ConversationTurn;
import dev.worldmind.data.conversation.Speaker;
import dev.worldmind.model.language.moderation.Channel;
import dev.worldmind.model.language.moderation.ModerationVerdict;
import dev.worldmind.model.language.moderation.Moderator;
import dev.worldmind.model.language.sentiment.SentimentAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scores the characters on their visitor question banks, through the same {@link DialogueManager} a
 * visitor reaches (no LLM): every question starts a fresh conversation, its earlier lines are said
 * first, and the reply is judged by its gold label. A right answer contains one alternative of
 * every fact group and is not an abstention; an abstention must be one; a referral must name the
 * character (or their space); a safety reply must take the expected action and contain its facts.
 * Questions are split dev/test by a hash of their id ({@link VisitorQuestion#test()}): tune on dev,
 * report test.
 */
public final class DialogueEvaluation {
    private static final String RESOURCES = "/dev/worldmind/app/characters/visitors/";

    /**
     * One judged question.
     *
     * @param character who answered
     * @param question the question
     * @param reply what was said
     * @param route how the reply was decided
     * @param right whether it was right
     */
    public record Judged(
            String character,
            VisitorQuestion question,
            String reply,
            String route,
            boolean right) {}

    /**
     * Every judged question of one split.
     *
     * @param split dev or test
     * @param judged the questions, in bank order
     */
    public record Result(String split, List<Judged> judged) {
        /** Returns the share right among questions matching a character (or all) and a category. */
        public double share(String character, String category) {
            long n = count(character, category, false);
            return n == 0 ? Double.NaN : (double) count(character, category, true) / n;
        }

        /** Returns how many questions match, or how many of them were right. */
        public long count(String character, String category, boolean rightOnly) {
            return judged.stream()
                    .filter(j -> character == null || j.character().equals(character))
                    .filter(j -> category == null || j.question().category().equals(category))
                    .filter(j -> !rightOnly || j.right())
                    .count();
        }

        /** Returns the wrong answers. */
        public List<Judged> wrong() {
            return judged.stream().filter(j -> !j.right()).toList();
        }

        /** Returns the table: characters down, categories across, shares right with counts. */
        public String toTable() {
            List<String> characters = judged.stream().map(Judged::character).distinct().toList();
            List<String> categories =
                    List.of("answer", "followup", "meta", "referral", "abstain", "safety");
            StringBuilder t = new StringBuilder();
            t.append(String.format(Locale.ROOT, "%-8s", split));
            categories.forEach(c -> t.append(String.format(Locale.ROOT, "%15s", c)));
            t.append(String.format(Locale.ROOT, "%15s%n", "all"));
            for (String ch : characters) {
                t.append(String.format(Locale.ROOT, "%-8s", ch));
                categories.forEach(c -> t.append(cell(ch, c)));
                t.append(cell(ch, null)).append('\n');
            }
            t.append(String.format(Locale.ROOT, "%-8s", "all"));
            categories.forEach(c -> t.append(cell(null, c)));
            t.append(cell(null, null)).append('\n');
            return t.toString();
        }

        private String cell(String character, String category) {
            long n = count(character, category, false);
            if (n == 0) {
                return String.format(Locale.ROOT, "%15s", "-");
            }
            long r = count(character, category, true);
            return String.format(
                    Locale.ROOT,
                    "%15s",
                    String.format(Locale.ROOT, "%3.0f%% %d/%d", 100.0 * r / n, r, n));
        }
    }

    private DialogueEvaluation() {}

    /**
     * Reads the built-in question bank of every character that has one.
     *
     * @param library the characters
     */
    public static Map<String, List<VisitorQuestion>> builtInBanks(CharacterLibrary library) {
        Map<String, List<VisitorQuestion>> banks = new LinkedHashMap<>();
        for (CharacterDefinition c : library.all()) {
            String source = RESOURCES + c.id() + ".yaml";
            try (InputStream in = DialogueEvaluation.class.getResourceAsStream(source)) {
                if (in != null) {
                    banks.put(
                            c.id(),
                            VisitorQuestion.read(CharacterYaml.read(in, source), source, c.id()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return banks;
    }

    /**
     * Reads question banks from a folder: {@code <character id>.yaml} for each character that has
     * one (for a held-out set written elsewhere).
     *
     * @param folder the folder
     * @param library the characters
     */
    public static Map<String, List<VisitorQuestion>> banks(Path folder, CharacterLibrary library) {
        Map<String, List<VisitorQuestion>> banks = new LinkedHashMap<>();
        for (CharacterDefinition c : library.all()) {
            Path file = folder.resolve(c.id() + ".yaml");
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    JsonNode root = CharacterYaml.read(in, file.toString());
                    banks.put(c.id(), VisitorQuestion.read(root, file.toString(), c.id()));
                } catch (IOException e) {
                    throw new InvalidDataException(
                            "cannot read " + file + ": " + e.getMessage(), e);
                }
            }
        }
        if (banks.isEmpty()) {
            throw new InvalidDataException(
                    folder + " has no question bank (<character id>.yaml) for any character");
        }
        return banks;
    }

    /**
     * Runs one split.
     *
     * @param knowledge the characters' knowledge
     * @param moderator checks messages, as in the world
     * @param sentiment reads messages, as in the world
     * @param banks the question banks by character id
     * @param test true for the test half, false for dev; null for every question
     */
    public static Result run(
            CharacterKnowledge knowledge,
            Moderator moderator,
            SentimentAnalyzer sentiment,
            Map<String, List<VisitorQuestion>> banks,
            Boolean test) {
        return run(
                new DialogueManager(
                        knowledge,
                        KnowledgeAnswerer.Tuning.DEFAULT,
                        DialogueManager.ReferralTuning.DEFAULT),
                knowledge,
                moderator,
                sentiment,
                banks,
                test);
    }

    static Result run(
            DialogueManager manager,
            CharacterKnowledge knowledge,
            Moderator moderator,
            SentimentAnalyzer sentiment,
            Map<String, List<VisitorQuestion>> banks,
            Boolean test) {
        List<Judged> judged = new ArrayList<>();
        for (var bank : banks.entrySet()) {
            CharacterDefinition character = knowledge.library().find(bank.getKey()).orElseThrow();
            for (VisitorQuestion q : bank.getValue()) {
                if (test != null && q.test() != test) {
                    continue;
                }
                List<ConversationTurn> memory = new ArrayList<>();
                DialogueManager.Decision d = null;
                List<String> lines = new ArrayList<>(q.before());
                lines.add(q.ask());
                for (String line : lines) {
                    ModerationVerdict verdict = moderator.check(line, Channel.WORLD_CHAT);
                    d = manager.decide(character, line, verdict, sentiment.analyze(line), memory);
                    if (d.remember()) {
                        Instant at = Instant.EPOCH;
                        memory.add(ConversationTurn.of(1, character.id(), Speaker.USER, line, at));
                        memory.add(
                                ConversationTurn.of(
                                        1, character.id(), Speaker.CHARACTER, d.text(), at));
                    }
                }
                judged.add(
                        new Judged(character.id(), q, d.text(), d.route(), right(q, d, knowledge)));
            }
        }
        return new Result(test == null ? "all" : test ? "test" : "dev", judged);
    }

    static boolean right(
            VisitorQuestion q, DialogueManager.Decision d, CharacterKnowledge knowledge) {
        String text = plain(d.text());
        boolean facts =
                q.facts().stream().allMatch(g -> g.stream().anyMatch(a -> text.contains(plain(a))));
        return switch (q.category()) {
            case "abstain" -> d.route().equals(DialogueManager.ABSTAIN);
            case "safety" -> d.route().equals(q.safety().orElseThrow()) && facts;
            case "referral" -> {
                CharacterDefinition target =
                        knowledge.library().find(q.refer().orElseThrow()).orElseThrow();
                Optional<WorldGuide.Place> place = knowledge.guide().place(target.home());
                boolean named =
                        text.contains(plain(target.firstName()))
                                || place.map(p -> text.contains(plain(p.name()))).orElse(false)
                                || d.action()
                                        .map(a -> a.target().equals(target.home().value()))
                                        .orElse(false);
                yield named && !d.route().equals(DialogueManager.ABSTAIN);
            }
            case "meta" ->
                    facts && (!q.facts().isEmpty() || d.route().equals(DialogueManager.META));
            default -> facts && !d.route().equals(DialogueManager.ABSTAIN);
        };
    }

    /** Lowercase, accents and curly quotes folded, whitespace collapsed. */
    static String plain(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return n.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replaceAll("\\s+", " ");
    }
}
