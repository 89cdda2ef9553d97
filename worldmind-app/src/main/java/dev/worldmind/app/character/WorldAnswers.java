package dev.worldmind.app.character;

import dev.worldmind.data.world.Item;
import dev.worldmind.data.world.SpaceKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers drawn from the world's own data rather than a character's file: sending a visitor to the
 * character who knows ("that's one for Mina in the Corner Shop, south of the plaza"), gifts within
 * a budget from the shop's shelves with their prices, and the classroom's lesson for a subject.
 * Stateless and thread-safe.
 */
final class WorldAnswers {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final Pattern BUDGET =
            Pattern.compile(
                    "\\b(?:under|below|less than|cheaper than|no more than|not more than|max(?:imum)?"
                            + "|up to|within|at most|for about|around|budget(?: of| is)?|only have|i have"
                            + "|got) (\\d{1,5}(?:[.,]\\d{1,2})?) ?(?:credits?|cr|euros?|dollars?|bucks|\\$|€)?"
                            + "|(\\d{1,5}(?:[.,]\\d{1,2})?) ?(?:credits?|cr)? or (?:less|under|below)",
                    FLAGS);
    private static final Pattern SHOPPING =
            Pattern.compile(
                    "\\b(?:gifts?|presents?|buy|get|something|anything|stuff|things?|ideas?|spend|afford"
                            + "|shop|sell|suggest|recommend)\\b",
                    FLAGS);
    private static final Pattern LEARNING =
            Pattern.compile(
                    "\\b(?:learn|learning|study|studying|teach|taught|lesson|lessons|class|homework"
                            + "|understand|revise|practise|practice|explain|help (?:me )?with|struggling"
                            + " with|bad at|course|tutor)\\b",
                    FLAGS);
    private static final Pattern WHO_CAN_HELP =
            Pattern.compile(
                    "\\b(?:who (?:can|could|should|would|will) (?:i (?:ask|talk to|see|speak to)|help"
                            + "|tell|explain|answer|know)|who (?:knows|do i ask|should i ask|is the"
                            + " (?:person|one|expert))|where (?:can|could|do|should) i (?:ask|find"
                            + " (?:someone|somebody|help|out)|learn|get help)|is there (?:someone|anyone"
                            + "|somebody) (?:who|that|to)|(?:someone|somebody|anyone) (?:who|to) (?:can|could)"
                            + " (?:help|explain|tell))\\b",
                    FLAGS);

    private WorldAnswers() {}

    /** Returns whether the visitor asks who to turn to ("who can help me with X?"). */
    static boolean asksWhoCanHelp(String text) {
        return WHO_CAN_HELP.matcher(text).find();
    }

    /**
     * Sends the visitor to another character.
     *
     * @param to who knows
     * @param guide the world
     * @param from who is speaking
     */
    static String referral(CharacterDefinition to, WorldGuide guide, CharacterDefinition from) {
        String where =
                guide.place(to.home())
                        .map(WorldGuide.Place::whereabouts)
                        .orElse("the " + to.home().value());
        if (to.id().equals(from.id())) {
            return "That's me! I can help with "
                    + from.helpsPhrase()
                    + ". What would you like to know?";
        }
        return "That's one for "
                + to.name()
                + ", in "
                + where
                + ": "
                + to.firstName()
                + " can help with "
                + to.helpsPhrase()
                + ". Say \"take me to the "
                + to.home().value()
                + "\" and I'll send you there.";
    }

    /**
     * Suggests shop items within a budget the visitor named.
     *
     * @param text the message
     * @param guide the world
     * @param speaker who answers
     * @return the suggestion, or empty when the message names no budget for shopping
     */
    static Optional<String> withinBudget(
            String text, WorldGuide guide, CharacterDefinition speaker) {
        Matcher m = BUDGET.matcher(text);
        if (!m.find() || !SHOPPING.matcher(text).find()) {
            return Optional.empty();
        }
        String amount = m.group(1) != null ? m.group(1) : m.group(2);
        double budget = Double.parseDouble(amount.replace(',', '.'));
        Optional<WorldGuide.Place> shop = guide.place(SpaceKind.SHOP);
        if (shop.isEmpty() || shop.get().priced().isEmpty()) {
            return Optional.empty();
        }
        List<Item> fits =
                new ArrayList<>(
                        shop.get().priced().stream().filter(i -> i.price() <= budget).toList());
        String budgetText = WorldGuide.credits(budget);
        if (fits.isEmpty()) {
            Item cheapest = shop.get().priced().get(0);
            return Optional.of(
                    "I'm sorry, nothing in the "
                            + shop.get().name()
                            + " costs "
                            + budgetText
                            + " or less: the cheapest thing is the "
                            + lower(cheapest.name())
                            + " at "
                            + WorldGuide.credits(cheapest.price())
                            + ".");
        }
        // The dearest few within the budget, one per kind of thing (first word of the name).
        List<Item> picks = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        for (int i = fits.size() - 1; i >= 0 && picks.size() < 4; i--) {
            Item item = fits.get(i);
            String last = lastWord(item.name());
            if (kinds.add(last)) {
                picks.add(item);
            }
        }
        StringBuilder s = new StringBuilder("For ");
        s.append(budgetText).append(" or less, the ").append(shop.get().name()).append(" has ");
        for (int i = 0; i < picks.size(); i++) {
            if (i > 0) {
                s.append(i == picks.size() - 1 ? " and " : ", ");
            }
            s.append("the ")
                    .append(lower(picks.get(i).name()))
                    .append(" (")
                    .append(WorldGuide.credits(picks.get(i).price()))
                    .append(")");
        }
        s.append(". ");
        s.append(
                fits.size() > picks.size() ? fits.size() + " things in all fit your budget. " : "");
        if (speaker.home() != SpaceKind.SHOP) {
            s.append(
                    shop.get()
                            .character()
                            .map(
                                    c ->
                                            c.firstName()
                                                    + " in "
                                                    + shop.get().whereabouts()
                                                    + " can help you choose.")
                            .orElse("You'll find them in " + shop.get().whereabouts() + "."));
        } else {
            s.append("Click any of them on the shelves to see it up close.");
        }
        return Optional.of(s.toString());
    }

    /**
     * Points a learner to the classroom's lesson or book on their subject.
     *
     * @param text the message
     * @param guide the world
     * @param speaker who answers (the tutor answers from knowledge instead)
     * @return the pointer, or empty when the message is not about learning a subject the classroom
     *     teaches
     */
    static Optional<String> lessonFor(String text, WorldGuide guide, CharacterDefinition speaker) {
        if (speaker.home() == SpaceKind.CLASSROOM || !LEARNING.matcher(text).find()) {
            return Optional.empty();
        }
        Optional<WorldGuide.Place> classroom = guide.place(SpaceKind.CLASSROOM);
        if (classroom.isEmpty()) {
            return Optional.empty();
        }
        Set<String> asked = words(text);
        Item best = null;
        int bestShared = 0;
        for (Item item : classroom.get().items()) {
            Set<String> title = words(item.name().replaceFirst("^(?:Lesson|Book): ", ""));
            int shared = 0;
            for (String w : title) {
                if (asked.contains(w)) {
                    shared++;
                }
            }
            if (shared > bestShared) {
                bestShared = shared;
                best = item;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String who =
                classroom.get().character().map(c -> c.name() + ", the tutor,").orElse("the tutor");
        return Optional.of(
                "The "
                        + classroom.get().name()
                        + " has just that: \""
                        + best.name()
                        + "\". "
                        + who
                        + " can take you through it, in "
                        + classroom.get().whereabouts()
                        + ". Say \"take me to the classroom\" to go there.");
    }

    private static final Set<String> STOP =
            Set.of(
                    "the", "a", "an", "and", "of", "to", "in", "on", "for", "with", "how", "what",
                    "made", "clear", "i", "me", "my", "about", "is", "are", "it", "we", "do");

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (w.length() > 2 && !STOP.contains(w)) {
                out.add(w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w);
            }
        }
        return out;
    }

    private static String lastWord(String name) {
        String[] parts = name.toLowerCase(Locale.ROOT).split("\\s+");
        return parts[parts.length - 1];
    }

    private static String lower(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
