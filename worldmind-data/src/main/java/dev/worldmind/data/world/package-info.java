/**
 * The world's content: spaces with their layouts (walkable floor, obstacles, portals, items), space
 * membership and bans, and avatars. Depends on core, Jackson and the database package; records are
 * immutable and the stores are thread-safe.
 */
package dev.worldmind.data.world;
