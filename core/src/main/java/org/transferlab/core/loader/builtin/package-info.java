/**
 * {@link CoreLoadersModule}, the Guice module that registers the built-in domain loaders, found on the class path
 * through {@code META-INF/services} like a third-party plugin's module. It is the one place that imports every
 * loader package, so that {@code org.transferlab.core.loader}, which they all import, imports none of them.
 */
package org.transferlab.core.loader.builtin;
