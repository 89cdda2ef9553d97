/**
 * Services with lifecycles: every desk and background job of the server is a {@link
 * dev.worldmind.server.service.Service} that starts, says whether it is ready and stops, and the
 * {@link dev.worldmind.server.service.Lifecycle} runs them in order on one shared scheduler.
 * Depends on nothing else of the server; thread-safe.
 */
package dev.worldmind.server.service;
