/**
 * The shop's garments: turning an uploaded photo or drawing into a Fashion-MNIST-style input,
 * recognising it with the registered {@code fashion-cnn} (category, explanation, similar products),
 * the garment products for sale and the outfits avatars can wear. Depends on the model and data
 * layers; values are immutable and thread-safe, {@link dev.worldmind.app.shop.GarmentRecognizer}
 * and {@link dev.worldmind.app.shop.UploadedGarments} guard their own state.
 */
package dev.worldmind.app.shop;
