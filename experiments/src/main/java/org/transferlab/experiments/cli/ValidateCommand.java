package org.transferlab.experiments.cli;

import java.util.concurrent.Callable;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.run.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checks a config, and by default that its data loads and its budgets fit, without training anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a config without training anything: keys, types, plugin names, data files and budgets.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    private StudyOptions options = new StudyOptions();

    @Option(names = "--no-data", description = "check the config only, without loading data")
    private boolean noData;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentConfig config = options.load();
        if (!noData) {
            new StudyRunner(options.dataDirectory(config), message -> { }).prepare(config);
        }
        spec.commandLine().getOut().printf("%s: valid; %d cells (%d pairs x %d strategies x %d budgets x %d seeds)%s%n",
                options.config, config.cellCount(), config.studiedPairs(), config.strategies().size(),
                config.budgets().budgets().size(), config.settings().seeds(), noData ? "; data not checked" : "");
        return 0;
    }
}
