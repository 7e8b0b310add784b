package org.transferlab.core.loader.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.published.PalmerPenguins;

/**
 * The real Palmer penguins file, read as the penguins study reads it, from the data directory, where
 * {@code ./transferlab test} (like {@code ./transferlab data fetch penguins}) puts it from its Debian package.
 */
class CsvPenguinsTest {
    private static Optional<Path> dataDirectory() {
        String env = System.getenv("TRANSFERLAB_DATA");
        return Stream.of(env == null || env.isBlank() ? null : Path.of(env), Path.of("../data"), Path.of("data"))
                .filter(d -> d != null && Files.isRegularFile(d.resolve(PalmerPenguins.NAME).resolve(PalmerPenguins.FILE)))
                .findFirst();
    }

    private static Domain load(Path data, String filter, List<String> features, List<String> categorical) {
        return new CsvLoader().load("penguins", new CsvLoader.Parameters(PalmerPenguins.NAME + "/" + PalmerPenguins.FILE,
                "species", features, categorical, TaskType.CLASSIFICATION, filter, Missing.IMPUTE, CsvLoader.DEFAULT_NA_VALUES,
                0.3, 0, ",", PalmerPenguins.ROWS, PalmerPenguins.SHA256), LoadContext.of(data));
    }

    @Test
    void thePenguinsOf2007HaveTheirMissingSexesAndMeasurementsImputed() {
        Optional<Path> data = dataDirectory();
        assertTrue(data.isPresent(), "penguins.csv is not in the data directory; ./transferlab test, or ./transferlab data fetch penguins, puts it there");
        Domain y2007 = load(data.get(), "year = 2007", List.of("island", "sex", "bill_length_mm", "bill_depth_mm",
                "flipper_length_mm", "body_mass_g"), List.of("island", "sex"));
        Map<String, String> p = y2007.provenance();
        assertEquals("110", p.get("rows"));
        assertEquals("[\"Adelie\", \"Chinstrap\", \"Gentoo\"]", p.get("classes"));
        assertEquals("island=[\"Biscoe\", \"Dream\", \"Torgersen\"]; sex=[\"female\", \"male\"]", p.get("categories"));
        assertEquals("sex=7,bill_length_mm=1,bill_depth_mm=1,flipper_length_mm=1,body_mass_g=1", p.get("cells-imputed-by-column"));
        assertEquals("7", p.get("rows-imputed"), "the penguin without measurements lacks its sex too");
        assertEquals(9, y2007.train().featureCount(), "3 islands, 2 sexes, 4 measurements");
        Domain male = load(data.get(), "sex = male", List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                "body_mass_g"), List.of("island"));
        assertEquals("168", male.provenance().get("rows"));
        assertEquals("0", male.provenance().get("rows-imputed"), "every penguin whose sex is known was measured");
    }
}
