/**
 * Keeping spaces safe: a spam/abuse classifier trained on SpamAssassin, rule checks and
 * prompt-injection patterns, applied to world chat and to text going to and coming from an LLM.
 * Depends on the data layer; moderators are thread-safe.
 */
package dev.worldmind.model.language.moderation;
