/**
 * The image-model lifecycle as jobs: dataset, training recipe, training, evaluation, plots and
 * registration; then export to ONNX and int8 quantisation, each registered as a derived model with
 * a runtime comparison. Depends on the data and model layers; each service runs one job at a time
 * on the calling thread.
 */
package dev.worldmind.app.vision;
