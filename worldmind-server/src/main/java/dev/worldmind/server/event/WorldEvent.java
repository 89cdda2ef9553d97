package dev.worldmind.server.event;

import dev.worldmind.data.events.BehaviourEvent;
import java.util.List;

/**
 * Something that happened in the world, published on the {@link WorldBus}. A new kind of event is
 * one more record here.
 */
public sealed interface WorldEvent {
    /**
     * A behaviour event to log: a join, a move, a chat line, a look at an item, a conversation.
     *
     * @param event the event
     */
    record Logged(BehaviourEvent event) implements WorldEvent {}

    /**
     * A chat line or a character's reply moderation held back for a moderator.
     *
     * @param accountId who sent it (or whom the reply was for)
     * @param spaceId where
     * @param channel {@code "chat"} or {@code "talk"}
     * @param text the text
     * @param reasons why it was held back
     * @param spamScore the spam filter's score
     */
    record Withheld(
            long accountId,
            String spaceId,
            String channel,
            String text,
            List<String> reasons,
            double spamScore)
            implements WorldEvent {
        /** Copies the reasons. */
        public Withheld {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A job registered a model version; the parts that use models of this name load it again.
     *
     * @param name the model's name
     * @param ref the version registered, e.g. {@code fashion-cnn:3}
     */
    record ModelRegistered(String name, String ref) implements WorldEvent {
        /**
         * The event for a registered reference.
         *
         * @param ref {@code name:version} or a bare name
         * @return the event
         */
        public static ModelRegistered of(String ref) {
            int colon = ref.indexOf(':');
            return new ModelRegistered(colon < 0 ? ref : ref.substring(0, colon), ref);
        }
    }
}
