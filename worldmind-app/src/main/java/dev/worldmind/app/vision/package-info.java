/**
 * The image-model lifecycle as jobs: dataset, training recipe, training, evaluation, plots and
 * registration, and pruning a registered model into a smaller derived one. Depends on the data and
 * model layers; each job runs on the calling thread, one at a time.
 */
package dev.worldmind.app.vision;
