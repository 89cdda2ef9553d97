package dev.worldmind.data.world;

import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.ApiTokenStore;
import dev.worldmind.data.accounts.PeopleSuggestions;
import dev.worldmind.data.accounts.SessionStore;
import dev.worldmind.data.conversation.ConversationStore;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.events.EventLog;
import dev.worldmind.data.moderation.ModerationQueue;

/**
 * Every store a running world keeps in its database, opened together.
 *
 * @param database the database they share
 * @param accounts accounts
 * @param sessions login sessions
 * @param apiTokens API tokens
 * @param world spaces, members and bans
 * @param avatars avatars
 * @param eventLog the behaviour event log
 * @param moderation messages moderation withheld
 * @param conversations what the characters were told
 * @param people whom to suggest meeting
 */
public record WorldStores(
        Database database,
        AccountStore accounts,
        SessionStore sessions,
        ApiTokenStore apiTokens,
        WorldStore world,
        AvatarStore avatars,
        EventLog eventLog,
        ModerationQueue moderation,
        ConversationStore conversations,
        PeopleSuggestions people) {
    /**
     * Opens the stores of a (migrated) database.
     *
     * @param database the database
     * @return its stores
     */
    public static WorldStores of(Database database) {
        return new WorldStores(
                database,
                new AccountStore(database),
                new SessionStore(database),
                new ApiTokenStore(database),
                new WorldStore(database),
                new AvatarStore(database),
                new EventLog(database),
                new ModerationQueue(database),
                new ConversationStore(database),
                new PeopleSuggestions(database));
    }
}
