package org.transferlab.core.loader.published;

import java.net.URI;
import java.util.List;

/**
 * The Palmer penguins: 344 penguins of three species (Adelie 152, Chinstrap 68, Gentoo 124) measured
 * on three islands of the Palmer Archipelago, Antarctica, in 2007-2009: species, island, bill length
 * and depth (mm), flipper length (mm), body mass (g), sex and year; 2 penguins lack every measurement
 * and 11 lack their sex ("NA" cells). Data: K. B. Gorman, T. D. Williams and W. R. Fraser (2014),
 * "Ecological Sexual Dimorphism and Environmental Variability within a Community of Antarctic
 * Penguins (Genus Pygoscelis)", PLoS ONE 9(3): e90081; packaged by A. M. Horst, A. P. Hill and
 * K. B. Gorman (2020), palmerpenguins (R package, CC0). Gentoo penguins live only on Biscoe and
 * Chinstrap penguins only on Dream, so an island shift changes the label set.
 *
 * <p>{@code ./transferlab data fetch penguins} puts {@code penguins.csv} into {@code DATA_DIR/penguins};
 * it is read with the {@code csv} loader ({@code file: penguins/penguins.csv}), whose {@code sha256}
 * and {@code rows} keys can pin it to {@link #SHA256} and {@link #ROWS}.
 */
public final class PalmerPenguins {
    public static final String NAME = "penguins";
    public static final String FILE = "penguins.csv";
    /** The file's data rows. */
    public static final int ROWS = 344;
    /** The SHA-256 of penguins.csv in Debian's r-cran-palmerpenguins 0.1.1-1, the same as upstream's since 2020. */
    public static final String SHA256 = "f204db2c753b0937caac3cb35258562c14f073e4bbc76be24b4c51ce22767a93";

    /** penguins.csv as Debian's r-cran-palmerpenguins (0.1.1-1) installs it; the checksum was computed from that package's file. */
    public static final PublishedDataSet DATA = new PublishedDataSet(NAME, "r-cran-palmerpenguins", List.of(
            new PublishedFile(FILE, "/usr/lib/R/site-library/palmerpenguins/extdata/penguins.csv",
                    URI.create("https://raw.githubusercontent.com/allisonhorst/palmerpenguins/"
                            + "8957207b78d6ccd1b4654a9dd9c9041b657478ab/inst/extdata/penguins.csv"),
                    SHA256)));

    private PalmerPenguins() {
    }
}
