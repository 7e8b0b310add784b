package org.transferlab.core.loader.builtin;

import com.google.inject.AbstractModule;
import org.transferlab.core.loader.LoaderBindings;
import org.transferlab.core.loader.autompg.AutoMpgLoader;
import org.transferlab.core.loader.csv.CsvLoader;
import org.transferlab.core.loader.diabetes.DiabetesLoader;
import org.transferlab.core.loader.fashion.FashionMnistLoader;
import org.transferlab.core.loader.imagefolder.ImageFolderLoader;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.core.plugin.TransferLabModule;

/**
 * Registers the built-in domain loaders. It has a package of its own because it sees every loader package,
 * which all depend on {@code org.transferlab.core.loader}: in that package it would make a package cycle.
 */
public final class CoreLoadersModule extends AbstractModule implements TransferLabModule {
    @Override
    protected void configure() {
        LoaderBindings.domainLoader(binder(), FashionMnistLoader.NAME, FashionMnistLoader.class);
        LoaderBindings.domainLoader(binder(), CsvLoader.NAME, CsvLoader.class);
        LoaderBindings.domainLoader(binder(), SyntheticLoader.NAME, SyntheticLoader.class);
        LoaderBindings.domainLoader(binder(), AutoMpgLoader.NAME, AutoMpgLoader.class);
        LoaderBindings.domainLoader(binder(), DiabetesLoader.NAME, DiabetesLoader.class);
        LoaderBindings.domainLoader(binder(), ImageFolderLoader.NAME, ImageFolderLoader.class);
    }
}
