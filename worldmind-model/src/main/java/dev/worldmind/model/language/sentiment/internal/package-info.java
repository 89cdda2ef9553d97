/**
 * Helpers behind the sentiment analyzers, not API: VADER's tokenisation, a seeded L-BFGS logistic
 * regression with standardisation and stratified folds, the word vocabulary, the DJL sequence block
 * and its unrolled bidirectional LSTM, and the model-folder manifest check. Depends on DJL's API
 * and core; fitted values are immutable and thread-safe.
 */
package dev.worldmind.model.language.sentiment.internal;
