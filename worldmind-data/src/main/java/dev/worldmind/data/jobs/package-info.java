/**
 * The durable job queue: background work (training, evaluation, export, ...) stored in the world
 * database so that it survives restarts and crashes, with each job's log tail and curve points.
 * Depends on the database package only; stores are thread-safe (each call is one statement or
 * transaction) and records are immutable.
 */
package dev.worldmind.data.jobs;
