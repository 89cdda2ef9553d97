/**
 * The application's world: the five scenario spaces a new installation starts with. Depends on the
 * data layer's world records; stateless and thread-safe.
 */
package dev.worldmind.app.world;
