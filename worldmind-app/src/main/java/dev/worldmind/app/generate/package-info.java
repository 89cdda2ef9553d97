/**
 * Generated designs: trains DCGANs on Fashion-MNIST ({@code fashion-gan}) and MNIST ({@code
 * mnist-gan}), tracks their FID on a registered classifier's features, draws sample grids and FID
 * curves, and registers generators with provenance. Depends on {@code core}, {@code data} and
 * {@code model}; the functions are stateless, the generators they return are not thread-safe.
 */
package dev.worldmind.app.generate;
