/**
 * The moderation code that is not API: text hashing into sparse features (scored by {@link
 * dev.worldmind.model.linear.LogisticRegression}), cross-validation, the word lists of the rule
 * checks, and chat abuse rules that read a line through ICU4J folding (NFKC, format characters
 * removed, UTS #39 confusables) and leetspeak. Depends on the JDK, ICU4J, the data layer's sparse
 * vector and the linear models; feature extractors, rules and trained weights are immutable and
 * thread-safe, trainers are not.
 */
package dev.worldmind.model.language.moderation.internal;
