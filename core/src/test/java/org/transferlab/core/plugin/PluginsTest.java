package org.transferlab.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.LoaderBindings;
import org.transferlab.core.loader.builtin.CoreLoadersModule;
import org.transferlab.core.loader.fashion.FashionMnistLoader;

class PluginsTest {
    /** A loader a third-party jar might add. */
    public static final class ThirdPartyLoader implements DomainLoader<ThirdPartyLoader.Parameters> {
        public record Parameters(@Default("1") int size) {
        }

        @Override
        public Class<Parameters> parametersType() {
            return Parameters.class;
        }

        @Override
        public TaskType task(Parameters parameters) {
            return TaskType.CLUSTERING;
        }

        @Override
        public Domain load(String name, Parameters parameters, LoadContext context) {
            throw new UnsupportedOperationException("only registered, never loaded, in this test");
        }
    }

    /** The module a third-party jar would list in META-INF/services. */
    public static final class ThirdPartyModule extends AbstractModule implements TransferLabModule {
        @Override
        protected void configure() {
            LoaderBindings.domainLoader(binder(), "third-party", ThirdPartyLoader.class);
        }
    }

    @Test
    void builtInLoadersAreDiscoveredOnTheClassPath() {
        PluginRegistry<DomainLoader<?>> loaders = LoaderBindings.registry(Plugins.discover());
        assertEquals(List.of("auto-mpg", "csv", "diabetes", "fashion-mnist", "image-folder", "synthetic"), List.copyOf(loaders.names()));
        assertInstanceOf(FashionMnistLoader.class, loaders.get("fashion-mnist"));
    }

    @Test
    void aJarOnTheClassPathAddsALoaderThroughServiceLoader(@TempDir Path jar) throws IOException {
        Path services = jar.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(TransferLabModule.class.getName()), ThirdPartyModule.class.getName() + "\n");
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            PluginRegistry<DomainLoader<?>> loaders = LoaderBindings.registry(Plugins.discover(classLoader));
            assertTrue(loaders.contains("third-party"));
            assertTrue(loaders.contains("fashion-mnist"), "built-ins stay registered");
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> LoaderBindings.registry(Plugins.of(List.of(new CoreLoadersModule()))).get("fashion-mnsit"));
        assertEquals("unknown domain loader 'fashion-mnsit'; known domain loaders: auto-mpg, csv, diabetes, fashion-mnist, image-folder, synthetic", e.getMessage());
    }

    @Test
    void twoPluginsUnderOneNameAreRejected() {
        TransferLabModule clash = new TransferLabModule() {
            @Override
            public void configure(com.google.inject.Binder binder) {
                LoaderBindings.domainLoader(binder, "csv", ThirdPartyLoader.class);
            }
        };
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> LoaderBindings.registry(Plugins.of(List.of(new CoreLoadersModule(), clash))));
        assertTrue(e.getMessage().contains("csv"), e.getMessage());
    }

    @Test
    void namesMustBeKebabCase() {
        assertThrows(IllegalArgumentException.class, () -> PluginName.requireKebabCase("FineTuning"));
        assertThrows(IllegalArgumentException.class, () -> PluginName.requireKebabCase("fine_tuning"));
        assertEquals("fine-tuning", PluginName.requireKebabCase("fine-tuning"));
    }
}
