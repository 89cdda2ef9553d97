/**
 * Sentiment of short texts: lexicon scorers (AFINN-165, VADER) and classifiers trained in
 * Worldmind. Depends on the data layer and DJL's API; analyzers are thread-safe.
 */
package dev.worldmind.model.language.sentiment;
