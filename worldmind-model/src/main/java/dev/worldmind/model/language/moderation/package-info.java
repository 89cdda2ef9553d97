/**
 * Keeping spaces safe: a spam classifier trained in Worldmind on SpamAssassin (hashed TF-IDF and
 * logistic regression), rule checks for abuse, threats, personal data and flooding, and
 * prompt-injection patterns, combined by {@link ContentModerator} for world chat and for text going
 * to and coming from an LLM. Depends on the data layer's text corpora and catalog and on the eval
 * package; classifiers, rules and moderators are immutable and thread-safe.
 */
package dev.worldmind.model.language.moderation;
