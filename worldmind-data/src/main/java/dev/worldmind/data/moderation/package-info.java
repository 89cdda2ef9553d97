/**
 * The moderation queue: messages the moderator withheld from world chat or an LLM conversation,
 * stored in the world database until a moderator approves or rejects them. Depends on the database
 * package; the queue is thread-safe (every call is its own statement or transaction) and its
 * records are immutable.
 */
package dev.worldmind.data.moderation;
