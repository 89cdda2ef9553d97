/**
 * Model compression: making a trained network smaller after training, by pruning (zeroing the least
 * important weights, then fine-tuning around the gaps) and by quantisation (storing weights with
 * fewer bits). Depends on the vision and train packages and on DJL's engine-neutral API only.
 * Masks, schedules and reports are immutable values; operations change the classifier they are
 * given, which is not thread-safe.
 */
package dev.worldmind.model.compress;
