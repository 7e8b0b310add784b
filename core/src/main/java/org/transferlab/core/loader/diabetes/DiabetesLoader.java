package org.transferlab.core.loader.diabetes;

import com.google.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartition;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.RowSplit;
import org.transferlab.core.loader.SplitConflict;
import org.transferlab.core.loader.published.PublishedDataSet;
import org.transferlab.core.loader.published.PublishedFile;
import org.transferlab.core.plugin.Default;

/**
 * The diabetes data of Efron, Hastie, Johnstone &amp; Tibshirani (2004), "Least Angle Regression",
 * Annals of Statistics 32(2), as scikit-learn ships it: 442 patients, ten baseline variables (age,
 * sex, body mass index, mean blood pressure and six blood serum measurements s1..s6, unscaled) and a
 * quantitative measure of disease progression one year later (the regression target). A domain is
 * the patients of one sex code (1 or 2, as the data codes them; 235 and 207 patients); the sex
 * column, constant within a domain, is left out, leaving nine features. Read from
 * {@code DATA_DIR/diabetes}, which {@code ./transferlab data fetch diabetes} fills; both files'
 * SHA-256 are checked on every load.
 *
 * <p>The test partition is a seeded split of all 442 patients, drawn once for every domain and
 * stratified by sex (each sex holds out {@code round(test-fraction * its size)} patients); a domain
 * takes its patients on each side, and halves are taken within the files' train patients, per sex.
 * Domains with another {@code test-fraction} or {@code split-seed} would split the files differently
 * and cannot be paired ({@link #splitConflict}). Each patient is identified by the SHA-256 of the
 * feature file and the line (from 0).
 */
public final class DiabetesLoader implements DomainLoader<DiabetesLoader.Parameters> {
    public static final String NAME = "diabetes";
    public static final String DATA_FILE = "diabetes_data_raw.csv.gz";
    public static final String TARGET_FILE = "diabetes_target.csv.gz";
    /** The feature names, in column order (the file's columns without sex). */
    public static final List<String> FEATURES = List.of("age", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");

    private static final String PACKAGE_DIR = "/usr/lib/python3/dist-packages/sklearn/datasets/data/";
    private static final String SOURCE_DIR = "https://raw.githubusercontent.com/scikit-learn/scikit-learn/1.2.1/sklearn/datasets/data/";

    /**
     * The two files as Debian's python3-sklearn (1.2.1+dfsg-1) installs them, which are scikit-learn
     * 1.2.1's; the SHA-256 were computed from the Debian package's files.
     */
    public static final PublishedDataSet DATA = new PublishedDataSet(NAME, "python3-sklearn", List.of(
            new PublishedFile(DATA_FILE, PACKAGE_DIR + DATA_FILE, URI.create(SOURCE_DIR + DATA_FILE),
                    "fc08fc59c1cbfe65550d9ebb36321d505de9e8f004bf92c1566d2908962f08ff"),
            new PublishedFile(TARGET_FILE, PACKAGE_DIR + TARGET_FILE, URI.create(SOURCE_DIR + TARGET_FILE),
                    "bf1ddd1f9d377278450a5f02c24b5e77b1501f2ad673fe9fdf4c4090d27eb5cc")));

    /**
     * @param sex           the patients of the domain: sex code 1 or 2
     * @param testFraction  the share of each sex's patients held out as the test partition, in (0, 1) (default 0.3);
     *                      every domain of a pair must give the same
     * @param splitSeed     the seed of that split (default 0); every domain of a pair must give the same
     */
    public record Parameters(int sex, @Default("0.3") double testFraction, @Default("0") long splitSeed) {
        public Parameters {
            if (sex != 1 && sex != 2) {
                throw new IllegalArgumentException("sex must be 1 or 2 (the data's two sex codes), got " + sex);
            }
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new IllegalArgumentException("test-fraction must be in (0, 1), got " + testFraction);
            }
        }
    }

    private final PublishedDataSet data;

    @Inject
    public DiabetesLoader() {
        this(DATA);
    }

    /** Reads {@code data}'s two files: tests pass fixture files with their own checksums. */
    public DiabetesLoader(PublishedDataSet data) {
        this.data = data;
    }

    @Override
    public Class<Parameters> parametersType() {
        return Parameters.class;
    }

    @Override
    public TaskType task(Parameters parameters) {
        return TaskType.REGRESSION;
    }

    @Override
    public boolean sharesExamples(Parameters first, Parameters second) {
        return first.sex() == second.sex();
    }

    /** Every domain reads the same files, which are split once: they must agree on the split's fraction and seed. */
    @Override
    public Optional<SplitConflict> splitConflict(Parameters first, Parameters second) {
        String files = NAME + "/" + DATA_FILE;
        return SplitConflict.compare(files, "test-fraction", first.testFraction(), second.testFraction())
                .or(() -> SplitConflict.compare(files, "split-seed", first.splitSeed(), second.splitSeed()));
    }

    @Override
    public Domain load(String name, Parameters p, LoadContext context) {
        Path directory = data.directory(context.dataDirectory());
        Path featureFile = directory.resolve(DATA_FILE);
        Path targetFile = directory.resolve(TARGET_FILE);
        List<double[]> raw = DiabetesFiles.features(featureFile, data.read(context.dataDirectory(), data.file(DATA_FILE)));
        double[] targets = DiabetesFiles.targets(targetFile, data.read(context.dataDirectory(), data.file(TARGET_FILE)));
        if (raw.size() != targets.length) {
            throw new TransferLabException(featureFile + " has " + raw.size() + " lines but " + targetFile + " has "
                    + targets.length + "; they must match line by line");
        }
        for (int i = 0; i < raw.size(); i++) {
            double sex = raw.get(i)[DiabetesFiles.SEX_COLUMN];
            if (sex != 1 && sex != 2) {
                throw new TransferLabException(featureFile + ": line " + (i + 1) + ", field " + (DiabetesFiles.SEX_COLUMN + 1)
                        + " (sex): " + sex + ", expected 1 or 2");
            }
        }
        int[] ofSex = IntStream.range(0, raw.size()).filter(i -> raw.get(i)[DiabetesFiles.SEX_COLUMN] == p.sex()).toArray();
        if (ofSex.length < 2) {
            throw new TransferLabException(featureFile + ": " + ofSex.length + " patients have sex " + p.sex()
                    + "; a domain needs at least 2 (one to train, one to test)");
        }
        // One split of the files for every domain, stratified by sex: each sex holds out its share, and
        // halves are taken within the files' train patients, so domains never hold each other's test rows.
        int[] strata = raw.stream().mapToInt(r -> (int) r[DiabetesFiles.SEX_COLUMN] - 1).toArray();
        int[][] split = RowSplit.stratified(strata, p.testFraction(), p.splitSeed());
        boolean[] inTrain = new boolean[raw.size()];
        for (int r : RowSplit.share(split[0], strata, context.share())) {
            inTrain[r] = true;
        }
        boolean[] inTest = new boolean[raw.size()];
        for (int r : split[1]) {
            inTest[r] = true;
        }
        int d = FEATURES.size();
        float[] x = new float[ofSex.length * d];
        double[] y = new double[ofSex.length];
        for (int i = 0; i < ofSex.length; i++) {
            double[] row = raw.get(ofSex[i]);
            for (int j = 0, k = 0; j < DiabetesFiles.COLUMNS; j++) {
                if (j != DiabetesFiles.SEX_COLUMN) {
                    x[i * d + k++] = (float) row[j];
                }
            }
            y[i] = targets[ofSex[i]];
        }
        Examples rows = Examples.valued(x, d, y)
                .withIds(ExampleIds.of(ExampleOrigin.ofFile(data.file(DATA_FILE).sha256(), featureFile), ofSex));
        int[] trainRows = IntStream.range(0, ofSex.length).filter(i -> inTrain[ofSex[i]]).toArray();
        int[] testRows = IntStream.range(0, ofSex.length).filter(i -> inTest[ofSex[i]]).toArray();
        String splitText = "test-fraction " + p.testFraction() + ", split-seed " + p.splitSeed() + ", over the files' "
                + raw.size() + " patients, stratified by sex";
        if (testRows.length == 0 || trainRows.length == 0) {
            throw new TransferLabException(featureFile + ": none of the " + ofSex.length + " patients of sex " + p.sex()
                    + " falls in the " + (testRows.length == 0 ? "test" : "train") + " partition of the files' split ("
                    + splitText + "); change test-fraction or split-seed");
        }

        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("files", featureFile + "," + targetFile);
        provenance.put("sha256", data.file(DATA_FILE).sha256() + "," + data.file(TARGET_FILE).sha256());
        provenance.put("sex", Integer.toString(p.sex()));
        provenance.put("features", String.join(",", FEATURES));
        provenance.put("rows-in-file", Integer.toString(raw.size()));
        provenance.put("rows", Integer.toString(ofSex.length));
        provenance.put("train-rows", Integer.toString(trainRows.length));
        provenance.put("test-rows", Integer.toString(testRows.length));
        provenance.put("split", splitText);
        provenance.put("train-share", context.share().name());
        return new Domain(name, TaskType.REGRESSION, List.of(), FeatureShape.flat(d), rows.subset(trainRows),
                new TestPartition(name, rows.subset(testRows)), provenance);
    }
}
