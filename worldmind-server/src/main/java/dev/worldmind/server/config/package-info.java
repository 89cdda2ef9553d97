/**
 * The world server's settings: a validated record and its loader from a properties file and the
 * environment. Depends on the core only; everything here is immutable and thread-safe.
 */
package dev.worldmind.server.config;
