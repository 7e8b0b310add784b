package org.transferlab.experiments.reproduce.fashion;

import java.util.List;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/**
 * One row of the benchmark: the paper's classifier, its settings and accuracy (Xiao, Rasul &amp; Vollgraf
 * 2017, Table 3, as copied in {@code shared/reference/fashion-mnist-benchmark.md}), and the TransferLab
 * model that stands in for it, with its settings.
 *
 * @param key            a short name for tables and CSV
 * @param paperClassifier the scikit-learn classifier the paper ran
 * @param paperSettings  its settings, as printed
 * @param paperAccuracy  its Fashion-MNIST test accuracy, as printed
 * @param ours           the library and settings used here, and where they differ from the paper's
 * @param model          the model
 */
record BenchmarkEntry(String key, String paperClassifier, String paperSettings, double paperAccuracy, String ours,
                      BenchmarkModel model) {
    /**
     * XGBoost's parameters by name: Tribuo's typed constructor has no {@code max_bin}, and with its default of 256
     * bins, finding the splits of up to 1,024 nodes per depth-10 tree over 784 pixels took ten times longer here
     * than with 16 bins (10 rounds on 2,000 images: 30 s and 3 s of CPU).
     */
    private static java.util.Map<String, Object> xgboostParameters(int bins, int threads, long seed) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("objective", "multi:softprob");
        p.put("booster", "gbtree");
        p.put("tree_method", "hist");
        p.put("max_bin", bins);
        p.put("max_depth", 10);
        p.put("eta", 0.1);
        p.put("lambda", 0.0);
        p.put("min_child_weight", 1.0);
        p.put("nthread", threads);
        p.put("verbosity", 0);
        p.put("seed", (int) seed);
        return p;
    }

    /** The paper's seven classical classifiers that the issue asks for, in the paper's order by accuracy. */
    static List<BenchmarkEntry> all(int mlpMaxEpochs, int xgboostBins, int forestTrees) {
        return List.of(
                new BenchmarkEntry("rbf-svm", "SVC", "C=10 kernel=rbf", 0.897,
                        "Tribuo LibSVM C-SVC, RBF kernel, C=10, gamma=1/784 (scikit-learn's 'auto' of 2017), one-vs-one",
                        new TribuoModel((seed, threads, features) -> {
                            SVMParameters<org.tribuo.classification.Label> p = new SVMParameters<>(
                                    new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), KernelType.RBF);
                            p.setCost(10);
                            p.setGamma(1.0 / features);
                            p.setCacheSize(500);
                            // LibSVM prints every binary problem's optimisation to stdout unless told where else to print.
                            libsvm.svm.svm_set_print_string_function(message -> { });
                            return new LibSVMClassificationTrainer(p, seed);
                        })),
                new BenchmarkEntry("gradient-boosting", "GradientBoostingClassifier", "n_estimators=100 loss=deviance max_depth=10",
                        0.880,
                        "Tribuo XGBoost, 100 rounds, max depth 10, eta 0.1 (scikit-learn's learning rate), lambda 0, hist trees of "
                                + xgboostBins + " bins per pixel; XGBoost's second-order boosting, not scikit-learn's exact trees",
                        new TribuoModel((seed, threads, features) -> new XGBoostClassificationTrainer(100,
                                xgboostParameters(xgboostBins, threads, seed)))),
                new BenchmarkEntry("random-forest", "RandomForestClassifier", "n_estimators=100 criterion=entropy max_depth=100",
                        0.873,
                        "Tribuo random forest of " + forestTrees + " CART trees, entropy, max depth 100, sqrt(784)=28 features per split"
                                + " (scikit-learn's default), leaves of 1 example, majority vote",
                        new TribuoModel((seed, threads, features) -> new RandomForestTrainer<>(
                                new CARTClassificationTrainer(100, 1f, 0f, (float) (Math.sqrt(features) / features), false, new Entropy(), seed),
                                new VotingCombiner(), forestTrees, seed))),
                new BenchmarkEntry("mlp", "MLPClassifier", "activation=relu hidden_layer_sizes=[100]", 0.871,
                        "DL4J MLP 784-100-10, ReLU, Adam 0.001, batch 200, at most " + mlpMaxEpochs
                                + " epochs, stopped after 10 without a lower training loss (scikit-learn's defaults)",
                        new MlpModel(100, mlpMaxEpochs)),
                new BenchmarkEntry("knn", "KNeighborsClassifier", "weights=distance n_neighbors=5 p=1", 0.854,
                        "Tribuo k-NN, k=5, L1 distance, brute force, majority vote: Tribuo has no distance weighting",
                        new TribuoModel((seed, threads, features) -> new KNNTrainer<>(5, DistanceType.L1.getDistance(), threads,
                                new VotingCombiner(), KNNModel.Backend.THREADPOOL, NeighboursQueryFactoryType.BRUTE_FORCE))),
                new BenchmarkEntry("logistic-regression", "LogisticRegression", "C=1 multi_class=ovr penalty=l1", 0.842,
                        "Tribuo LibLinear L1-regularised logistic regression, C=1, one-vs-rest, tolerance 0.01 (Tribuo's default)",
                        new TribuoModel((seed, threads, features) -> new LibLinearClassificationTrainer(
                                new LinearClassificationType(LinearClassificationType.LinearType.L1R_LR), 1.0, 1000, 0.01, seed))),
                new BenchmarkEntry("linear-svm", "LinearSVC", "loss=hinge C=1 multi_class=ovr penalty=l2", 0.836,
                        "Tribuo LibLinear L2-regularised hinge-loss SVM (dual), C=1, one-vs-rest, tolerance 0.1 (LibLinear's default)",
                        new TribuoModel((seed, threads, features) -> new LibLinearClassificationTrainer(
                                new LinearClassificationType(LinearClassificationType.LinearType.L2R_L1LOSS_SVC_DUAL), 1.0, 1000, 0.1,
                                seed))));
    }
}
