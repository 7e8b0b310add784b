package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The LaTeX tables' structure on a small synthetic study ({@link PaperFormatsFixture}). */
class LatexTablesTest {
    private static final String LATEX = LatexTables.of(PaperFormatsFixture.config(), PaperFormatsFixture.results(),
            "./transferlab report runs/paper_study --format latex");

    /** The text of each {@code tabular} environment. */
    private static List<String> tabulars() {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("\\\\begin\\{tabular\\}\\{llrrrl\\}\\n(.*?)\\\\end\\{tabular\\}", Pattern.DOTALL).matcher(LATEX);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void oneBooktabsTablePerMetricAndPairWithBalancedEnvironments() {
        assertEquals(2, count(LATEX, "\\begin{table}"), "accuracy and macro_f1, one pair");
        assertEquals(count(LATEX, "\\begin{table}"), count(LATEX, "\\end{table}"));
        assertEquals(count(LATEX, "\\begin{tabular}"), count(LATEX, "\\end{tabular}"));
        List<String> tables = tabulars();
        assertEquals(2, tables.size());
        for (String table : tables) {
            assertEquals(1, count(table, "\\toprule"), table);
            assertEquals(PaperFormatsFixture.BUDGETS.size(), count(table, "\\midrule"), "a rule above each budget: " + table);
            assertEquals(1, count(table, "\\bottomrule"), table);
            assertTrue(table.indexOf("\\toprule") < table.indexOf("\\midrule")
                    && table.lastIndexOf("\\midrule") < table.indexOf("\\bottomrule"), table);
            for (String row : table.lines().filter(l -> l.endsWith("\\\\")).toList()) {
                assertEquals(5, count(row.replace("\\&", ""), "&"), "six columns in: " + row);
            }
            // The oracle sees every label: it is an upper reference, not in the comparison tables.
            assertFalse(table.contains("oracle"), table);
            assertEquals(1 + PaperFormatsFixture.BUDGETS.size() * 3, table.lines().filter(l -> l.endsWith("\\\\")).count(),
                    "a header and one line per budget and compared strategy: " + table);
        }
    }

    @Test
    void theBestMeanOfEachBudgetIsBold() {
        String accuracy = tabulars().get(0);
        List<String> bold = accuracy.lines().filter(l -> l.contains("\\textbf{0.")).toList();
        assertEquals(2, bold.size(), accuracy);
        assertTrue(bold.get(0).startsWith(" & fine-tuning & \\textbf{0.652"), bold.get(0));
        assertTrue(bold.get(1).startsWith("5/class & target-only & \\textbf{0.801"), bold.get(1));
    }

    @Test
    void verdictsAreMarkedAsInTheMarkdownReportAndTheFamilyIsAFootnote() {
        String accuracy = tabulars().get(0);
        assertEquals(2, accuracy.lines().filter(l -> l.startsWith(" & feature-extraction & ")
                && l.endsWith("& \\textbf{worse: negative transfer} \\\\")).count(), accuracy);
        assertTrue(accuracy.contains("& --- &  &  \\\\"), "a baseline has no difference and no verdict: " + accuracy);
        assertTrue(accuracy.contains("$p$ (Holm)$^{\\dagger}$"), accuracy);
        String footnote = "{\\footnotesize $^{\\dagger}$ Verdicts: the sign-flip permutation test (exact up to 16 seeds), "
                + "Holm-corrected over the comparisons of each pair and budget (2 comparisons in the largest family); "
                + "significant when the corrected p is below 0.05.\\par}";
        assertEquals(2, count(LATEX, footnote), LATEX);
        assertTrue(LATEX.contains("$-$0.1"), "a negative difference gets a minus sign: " + LATEX);
    }

    @Test
    void specialCharactersAreEscaped() {
        assertTrue(LATEX.contains("\\caption{paper\\_study: test accuracy, src\\_a $\\rightarrow$ tgt\\_b. Mean over 8 seeds "
                + "$\\pm$ the half-width of its 95\\% confidence interval;"), LATEX);
        assertTrue(LATEX.contains("\\caption{paper\\_study: test macro\\_f1, "), LATEX);
        assertTrue(LATEX.contains("\\label{tab:paper-study-accuracy-src-a-to-tgt-b}"), LATEX);
        String text = LATEX.lines().filter(l -> !l.startsWith("%")).reduce("", (a, b) -> a + b + "\n");
        assertFalse(Pattern.compile("(?<!\\\\)[_%&#]").matcher(text.replace(" & ", " ").replace(" \\\\", "")).find(),
                "every _, %, & and # outside the column separators is escaped");
        assertEquals("a\\_b 95\\% \\{x\\} \\& \\$ \\# \\textasciicircum{} \\textasciitilde{} \\textbackslash{} $\\rightarrow$ $-$",
                LatexTables.escape("a_b 95% {x} & $ # ^ ~ \\ → −"));
    }
}
