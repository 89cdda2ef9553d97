/**
 * The world server's settings: one tree of validated records ({@link
 * dev.worldmind.server.config.ServerConfig} and its sections, {@link
 * dev.worldmind.server.config.JobsConfig}), the table of the keys an operator sets ({@link
 * dev.worldmind.server.config.ConfigKeys}), and the loader that binds defaults, a properties file,
 * the environment and command-line options onto the records with Jackson. Depends on the settings
 * types of the model and app layers; everything here is immutable and thread-safe.
 */
package dev.worldmind.server.config;
