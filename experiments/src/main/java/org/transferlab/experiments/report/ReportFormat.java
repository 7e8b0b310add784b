package org.transferlab.experiments.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.transferlab.core.TransferLabException;

/**
 * What {@code ./transferlab report RUN_DIR --format F} writes into the run directory: the Markdown report with
 * {@code results.csv} and the figures (the default, as {@code run} writes them), the comparison tables as LaTeX
 * ({@code report.tex}, {@link LatexTables}), or the tables in long form ({@code results-long.csv},
 * {@link LongResults}).
 */
public enum ReportFormat {
    MARKDOWN("report.md"),
    LATEX("report.tex"),
    CSV_LONG("results-long.csv");

    private final String file;

    ReportFormat(String file) {
        this.file = file;
    }

    /** The file it writes into the run directory. */
    public String file() {
        return file;
    }

    /** As the command line writes it: {@code markdown}, {@code latex}, {@code csv-long}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ReportFormat parse(String text) {
        return Arrays.stream(values()).filter(f -> f.key().equals(text)).findFirst()
                .orElseThrow(() -> new TransferLabException("--format '" + text + "': unknown report format; expected one of "
                        + Arrays.stream(values()).map(ReportFormat::key).collect(Collectors.joining(", "))));
    }
}
