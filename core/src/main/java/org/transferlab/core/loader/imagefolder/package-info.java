/**
 * The {@code image-folder} loader, for a researcher's own images ({@code ROOT/CLASS/*.png|jpg}, or
 * {@code ROOT/train/...} and {@code ROOT/test/...}): the folder's listing ({@link ImageFolder}), one hashed pass
 * over its files ({@link FolderImages}), decoding with Java's ImageIO ({@link ImageDecoder}) and resizing in plain
 * Java arithmetic, so that every machine computes the same pixels ({@link ImageResize}).
 */
package org.transferlab.core.loader.imagefolder;
