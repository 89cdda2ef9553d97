/**
 * The world's content: spaces with their layouts (walkable floor, obstacles, portals, items), space
 * membership and bans, and avatars; and {@link dev.worldmind.data.world.WorldStores}, every store
 * of a running world together. Depends on core, Jackson and the other stores; records are immutable
 * and the stores are thread-safe.
 */
package dev.worldmind.data.world;
