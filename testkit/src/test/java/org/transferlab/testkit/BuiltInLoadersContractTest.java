package org.transferlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.plugin.Plugins;

/**
 * Every registered domain loader meets {@link DomainLoaderContract}, on the small domain {@link LoaderFixtures}
 * gives for its name; the names are read from the registry, so a loader registered without a fixture fails here.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("names")
class BuiltInLoadersContractTest extends DomainLoaderContract {
    private final String name;

    BuiltInLoadersContractTest(String name) {
        this.name = name;
    }

    static List<String> names() {
        return List.copyOf(org.transferlab.core.loader.LoaderBindings.registry(Plugins.discover()).names());
    }

    private LoaderFixtures.Fixture fixture() {
        LoaderFixtures.Fixture fixture = LoaderFixtures.BY_NAME.get(name);
        assertTrue(fixture != null, "the registered loader '" + name + "' has no contract fixture in LoaderFixtures");
        return fixture;
    }

    @Test
    void theFixtureTestsTheRegisteredLoader() {
        assertEquals(org.transferlab.core.loader.LoaderBindings.registry(Plugins.discover()).get(name).getClass(), fixture().loader().getClass());
    }

    @Override
    protected DomainLoader<?> loader() {
        return fixture().loader();
    }

    @Override
    protected String parameters() {
        return fixture().parameters();
    }

    @Override
    protected void writeData(Path dataDirectory) throws IOException {
        fixture().write(dataDirectory);
    }

    @Override
    protected boolean readsFiles() {
        return fixture().readsFiles();
    }

    @Override
    protected List<String> badParameters() {
        return fixture().badParameters();
    }
}
