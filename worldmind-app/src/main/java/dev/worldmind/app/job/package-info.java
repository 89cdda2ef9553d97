/**
 * Background jobs: the kinds of work (training, evaluation, export, ...) as plugins found through
 * {@link java.util.ServiceLoader}, and the runner that takes them from the durable queue one at a
 * time, reports their progress and curves, blocks them on missing data and resumes them after a
 * restart. Depends on the data layer's job store and the core; the runner is thread-safe, a {@link
 * dev.worldmind.app.job.JobContext} belongs to its job's thread.
 */
package dev.worldmind.app.job;
