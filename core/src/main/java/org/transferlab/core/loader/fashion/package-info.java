/**
 * The {@code fashion-mnist} loader: Fashion-MNIST's four IDX files, found in the data directory, in the Debian
 * package's location or downloaded ({@link FashionMnistFiles}), read and checked ({@link IdxFile}), and turned
 * into domains of chosen classes, shifted by rotation, inversion or pixel noise ({@link ImageTransforms}).
 */
package org.transferlab.core.loader.fashion;
