/**
 * The image-model lifecycle as jobs: dataset, training recipe, training, evaluation, plots and
 * registration; then export to ONNX, int8 quantisation and pruning, each registered as a derived
 * model with a report against its original. Depends on the data and model layers; each job runs on
 * the calling thread, one at a time.
 */
package dev.worldmind.app.vision;
