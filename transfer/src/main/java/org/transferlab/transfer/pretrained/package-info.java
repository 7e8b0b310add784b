/**
 * Source networks someone else trained, read from a file: a DL4J model zip or a Keras model saved as HDF5
 * ({@link KerasImport}), checked and cut at a layer with flat outputs ({@link ModelFile}, {@link Layers},
 * {@link InputShapes}, {@link GraphChain}). A file that cannot be used as the config asks is a
 * {@link ModelFileException} naming the config key.
 */
package org.transferlab.transfer.pretrained;
