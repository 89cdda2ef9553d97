/**
 * Helpers behind the sentiment analyzers, not API: VADER's tokenisation, a seeded L-BFGS logistic
 * regression with standardisation and stratified folds, the word vocabulary and the DJL sequence
 * block, and the model-folder manifest check. Depends on DJL's API and core; fitted values are
 * immutable and thread-safe.
 */
package dev.worldmind.model.language.sentiment.internal;
