/**
 * Interactions for recommendation: who did what with which item, how strongly and when, read from
 * the behaviour event log or from rating files, filtered and split for evaluation, and indexed as a
 * sparse user-by-item matrix. Depends on {@code core} and the event log; every type here is
 * immutable and thread-safe.
 */
package dev.worldmind.data.interaction;
