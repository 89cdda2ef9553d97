/**
 * Evaluating classifiers on held-out data: accuracy, per-class precision/recall/F1, ROC-AUC,
 * confusion matrices, and their charts (XChart). Depends on core and the training statistics;
 * reports are immutable and thread-safe, chart drawing is stateless.
 */
package dev.worldmind.model.eval;
