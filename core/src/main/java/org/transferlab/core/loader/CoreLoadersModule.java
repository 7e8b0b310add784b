package org.transferlab.core.loader;

import com.google.inject.AbstractModule;
import org.transferlab.core.loader.autompg.AutoMpgLoader;
import org.transferlab.core.loader.csv.CsvLoader;
import org.transferlab.core.loader.diabetes.DiabetesLoader;
import org.transferlab.core.loader.fashion.FashionMnistLoader;
import org.transferlab.core.loader.imagefolder.ImageFolderLoader;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.core.plugin.PluginBindings;
import org.transferlab.core.plugin.TransferLabModule;

/** Registers the built-in domain loaders. */
public final class CoreLoadersModule extends AbstractModule implements TransferLabModule {
    @Override
    protected void configure() {
        PluginBindings.domainLoader(binder(), FashionMnistLoader.NAME, FashionMnistLoader.class);
        PluginBindings.domainLoader(binder(), CsvLoader.NAME, CsvLoader.class);
        PluginBindings.domainLoader(binder(), SyntheticLoader.NAME, SyntheticLoader.class);
        PluginBindings.domainLoader(binder(), AutoMpgLoader.NAME, AutoMpgLoader.class);
        PluginBindings.domainLoader(binder(), DiabetesLoader.NAME, DiabetesLoader.class);
        PluginBindings.domainLoader(binder(), ImageFolderLoader.NAME, ImageFolderLoader.class);
    }
}
