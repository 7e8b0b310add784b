/**
 * The {@link DomainLoader} plugin interface, which turns a config's domain description into a
 * {@link org.transferlab.core.data.Domain}, and what loaders share: the {@link LoadContext} (the data directory
 * and which {@link TrainShare} to load), {@link RowSplit} (the seeded train/test split of data without a published
 * one, and the disjoint halves a source and a target of the same rows get) and {@link SplitConflict}.
 * {@link LoaderBindings} registers and looks up loaders by name; {@code builtin.CoreLoadersModule} registers
 * the built-in loaders, each in its own subpackage (and in a package of its own, which sees them all).
 */
package org.transferlab.core.loader;
