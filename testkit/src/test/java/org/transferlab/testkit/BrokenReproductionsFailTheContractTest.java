package org.transferlab.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.transferlab.experiments.reproduce.Claim;
import org.transferlab.experiments.reproduce.Findings;
import org.transferlab.experiments.reproduce.Reproduction;
import org.transferlab.experiments.reproduce.ReproductionContext;

/** Each check of {@link ReproductionContract} fails for a reproduction that breaks it. */
class BrokenReproductionsFailTheContractTest {
    @TempDir
    Path folder;

    record Settings(int seeds) {
    }

    /** A reproduction of a made-up paper whose run returns {@code findings}; unregistered unless named daume2007. */
    private record Scripted(String name, String paper, int fullSeeds, Findings findings) implements Reproduction<Settings> {
        @Override
        public Settings settings(Mode mode) {
            return new Settings(mode == Mode.QUICK ? 1 : fullSeeds);
        }

        @Override
        public Findings run(Settings settings, ReproductionContext context) {
            return findings;
        }
    }

    private static final Findings GOOD = new Findings("one seed", List.of(new Claim("a", "it works", "0.9", "0.8",
            Claim.Verdict.PARTLY, "partly when within 0.1")), "no figures");

    private ReproductionContract contractOf(Reproduction<?> reproduction) {
        ReproductionContract contract = new ReproductionContract() {
            @Override
            protected Reproduction<?> reproduction() {
                return reproduction;
            }

            @Override
            protected Optional<Record> tinySettings() {
                return Optional.of(new Settings(1));
            }
        };
        contract.folder = folder;
        return contract;
    }

    private static void fails(Executable check, String expected) {
        Throwable e = assertThrows(Throwable.class, check);
        assertTrue(e instanceof AssertionFailedError || e instanceof IllegalArgumentException, e.toString());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aNameThatIsNotKebabCaseOrNotRegisteredFails() {
        fails(contractOf(new Scripted("MyPaper", "A. Author, 2000.", 5, GOOD))::isRegisteredUnderItsKebabCaseName, "not kebab-case");
        fails(contractOf(new Scripted("unregistered-paper", "A. Author, 2000.", 5, GOOD))::isRegisteredUnderItsKebabCaseName,
                "no reproduction is registered under 'unregistered-paper'");
        fails(contractOf(new Scripted("daume2007", "A. Author, 2000.", 5, GOOD))::isRegisteredUnderItsKebabCaseName,
                "registered to another class");
    }

    @Test
    void noPaperOrOneSizeForBothFails() {
        fails(contractOf(new Scripted("scripted", " ", 5, GOOD))::citesItsPaperAndHasQuickAndFullSettings, "no paper");
        fails(contractOf(new Scripted("scripted", "A. Author, 2000.", 1, GOOD))::citesItsPaperAndHasQuickAndFullSettings,
                "the quick size is the full size");
    }

    @Test
    void aRunThatReportsNoNumberOrLinksAFigureItDidNotWriteFails() throws Exception {
        contractOf(new Scripted("scripted", "A. Author, 2000.", 5, GOOD)).runsAtTinySettingsAndChecksEveryClaimItReports();
        Findings noNumber = new Findings("one seed", List.of(new Claim("a", "it works", "0.9", " ", Claim.Verdict.PARTLY,
                "partly when within 0.1")), "");
        fails(contractOf(new Scripted("scripted", "A. Author, 2000.", 5, noNumber))::runsAtTinySettingsAndChecksEveryClaimItReports,
                "reports no number of this run");
        Findings missingFigure = new Findings("one seed", GOOD.claims(), "![the curve](curve.png)");
        fails(contractOf(new Scripted("scripted", "A. Author, 2000.", 5, missingFigure))::runsAtTinySettingsAndChecksEveryClaimItReports,
                "the body links curve.png, which the run did not write");
    }
}
