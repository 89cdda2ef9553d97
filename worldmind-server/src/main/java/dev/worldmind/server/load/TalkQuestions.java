package dev.worldmind.server.load;

import java.util.List;
import java.util.Map;

/**
 * Ordinary visitor questions per character for the talk load test. Written for the bench (not taken
 * from the dialogue evaluation banks), so that tuning the characters on those banks cannot tune
 * this workload too. A mix of what visitors ask: facts from the character's knowledge, directions,
 * small talk and a question the character cannot know.
 */
final class TalkQuestions {
    private static final Map<String, List<String>> BY_CHARACTER =
            Map.of(
                    "juno",
                    List.of(
                            "Hi! I'm new here, what can I do in this world?",
                            "How do I get to the museum from here?",
                            "Where can I buy a small present for my sister?",
                            "How do I change how my avatar looks?",
                            "Is there anything happening in the plaza this week?",
                            "What should I do if someone is rude to me in the chat?",
                            "Who should I ask about feeling unwell?",
                            "Can you recommend a good restaurant in Lisbon?"),
                    "iris",
                    List.of(
                            "Hello, which painting should I see first?",
                            "Who made the statue of the man sitting and thinking?",
                            "Tell me about the big wave picture.",
                            "How old is the astrolabe?",
                            "When does the museum close today?",
                            "Do you have any paintings by Frida Kahlo?",
                            "Can I join a guided tour?",
                            "What is special about the water lilies?"),
                    "theo",
                    List.of(
                            "Can you explain fractions to me?",
                            "Why is it colder in winter?",
                            "How many planets are there?",
                            "How do plants make their food?",
                            "Any tips for revising before a test?",
                            "How do I write a good paragraph?",
                            "How far away is the sun?",
                            "What is the capital of Mongolia?"),
                    "mina",
                    List.of(
                            "How much is the ceramic mug?",
                            "I need a gift under 20, any ideas?",
                            "Do you sell headphones?",
                            "Can I return something if it doesn't fit?",
                            "What kind of tea do you have?",
                            "Is the scarf warm enough for winter?",
                            "Do you deliver to other towns?",
                            "Do you have any bicycles for sale?"),
                    "sam",
                    List.of(
                            "How long should I wash my hands for?",
                            "I can't sleep well lately, any advice?",
                            "What should I do for a small burn?",
                            "How can I tell if someone is having a stroke?",
                            "It's really hot today, how do I stay safe?",
                            "When should I call an ambulance?",
                            "I think I have a cold, what helps?",
                            "Can you tell me my blood test results?"));

    private static final List<String> ANYONE =
            List.of(
                    "Hello, how are you?",
                    "What can you help me with?",
                    "What is this place?",
                    "Thanks, see you later!");

    private TalkQuestions() {}

    /** Returns the questions for a character (general ones for an unknown character). */
    static List<String> forCharacter(String id) {
        return BY_CHARACTER.getOrDefault(id, ANYONE);
    }
}
