/**
 * Generated works in the world: the shop's "new designs" display and the museum's gallery, drawn
 * from the registered GAN generators and labelled by Worldmind's own classifiers. A design can be
 * regenerated exactly from its id, so visitors can try one on.
 */
package dev.worldmind.app.design;
