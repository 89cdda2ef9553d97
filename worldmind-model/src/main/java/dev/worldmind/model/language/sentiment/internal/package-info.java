/**
 * Helpers behind the sentiment analyzers, not API: VADER's tokenisation and word tables,
 * standardisation and stratified folds for the logistic regression of {@code
 * dev.worldmind.model.linear}, the word vocabulary, the DJL sequence block and its unrolled
 * bidirectional LSTM, and the model-folder manifest check. Depends on DJL's API and core; fitted
 * values are immutable and thread-safe.
 */
package dev.worldmind.model.language.sentiment.internal;
