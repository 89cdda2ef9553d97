/**
 * The moderation code that is not API: text hashing into sparse features, seeded logistic
 * regression training, the word lists of the rule checks, and chat abuse rules that read a line
 * through ICU4J folding (NFKC, format characters removed, UTS #39 confusables) and leetspeak.
 * Depends on the JDK and ICU4J only; feature extractors, rules and trained weights are immutable
 * and thread-safe, trainers are not.
 */
package dev.worldmind.model.language.moderation.internal;
