/**
 * The moderation code that is not API: text hashing into sparse features, seeded logistic
 * regression training and the word lists of the rule checks. Depends on the JDK only; feature
 * extractors and trained weights are immutable and thread-safe, trainers are not.
 */
package dev.worldmind.model.language.moderation.internal;
