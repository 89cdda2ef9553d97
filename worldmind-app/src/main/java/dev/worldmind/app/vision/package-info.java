/**
 * The image-model lifecycle as one job: dataset, training recipe, training, evaluation, plots and
 * registration. Depends on the data and model layers; the pipeline runs one job at a time.
 */
package dev.worldmind.app.vision;
