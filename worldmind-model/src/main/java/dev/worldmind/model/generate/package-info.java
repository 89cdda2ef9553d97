/**
 * Image generation: a DCGAN (optionally conditional on the class) trained on DJL, its artifact
 * format, and the Fréchet distance between feature distributions that measures its quality (FID on
 * a Worldmind classifier's features). Depends on {@code core}, {@code data.image}, {@code
 * model.vision}, DJL's API and commons-math; generators and trainers own native models and are used
 * from one thread, statistics and configurations are immutable values.
 */
package dev.worldmind.model.generate;
