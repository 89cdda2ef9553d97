/**
 * The server's event bus: what happened in the world ({@link
 * dev.worldmind.server.event.WorldEvent}) is published once and reaches every part that follows it
 * (the event log, the recommendations, the moderation queue, the desks that reload a model), so no
 * part holds a reference back to the one that publishes. Depends on the data and model layers'
 * values only; thread-safe.
 */
package dev.worldmind.server.event;
