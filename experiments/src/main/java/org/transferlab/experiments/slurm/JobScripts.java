package org.transferlab.experiments.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two batch scripts of a submission. The task script runs shard {@code $SLURM_ARRAY_TASK_ID} of
 * the study into its own run directory; the merge script, which Slurm starts after the whole array
 * has ended however it ended ({@code afterany}), merges whatever the tasks finished. Both run the
 * TransferLab launcher with {@code TRANSFERLAB_NO_BUILD=1}: tasks starting on many nodes at once must
 * not each rebuild one shared checkout.
 *
 * @param name      the study's name, for the job names
 * @param launcher  the {@code transferlab} launcher the tasks run, absolute
 * @param workdir   the directory the jobs run in (where the command was submitted from)
 * @param cacheDir  the source-model cache every task shares, absolute; null for none
 * @param dataDir   the data directory, absolute
 */
public record JobScripts(String name, Path launcher, Path workdir, Path cacheDir, Path dataDir) {
    public String task(SlurmArray array, Resources resources) {
        List<String> lines = header(name + "-task", array.logs().resolve("task-%a-job-%A.out"), resources.directives());
        lines.add("");
        lines.add("exec " + quote(launcher) + " run " + quote(array.config()) + " --shard \"$SLURM_ARRAY_TASK_ID/" + array.tasks() + "\""
                + " --out " + quote(array.directory().resolve("shards")) + "/\"$SLURM_ARRAY_TASK_ID\""
                + " --workers " + resources.cpusPerTask() + " --data-dir " + quote(dataDir)
                + (cacheDir == null ? " --no-cache" : " --cache-dir " + quote(cacheDir)));
        return String.join("\n", lines) + "\n";
    }

    public String merge(SlurmArray array, Resources resources) {
        List<String> directives = new ArrayList<>();
        if (!resources.partition().isEmpty()) {
            directives.add("--partition=" + resources.partition());
        }
        directives.add("--cpus-per-task=1");
        directives.addAll(resources.sbatchArgs());
        List<String> lines = header(name + "-merge", array.logs().resolve("merge-job-%j.out"), directives);
        lines.add("");
        lines.add("exec " + quote(launcher) + " slurm merge " + quote(array.directory()));
        return String.join("\n", lines) + "\n";
    }

    private List<String> header(String jobName, Path log, List<String> directives) {
        List<String> lines = new ArrayList<>();
        lines.add("#!/usr/bin/env bash");
        lines.add("# Written by './transferlab slurm submit'; submitted with sbatch. Edit the study, not this file.");
        lines.add("#SBATCH --job-name=" + jobName.replaceAll("[^A-Za-z0-9._-]", "_"));
        lines.add("#SBATCH --output=" + log);
        lines.add("#SBATCH --chdir=" + workdir);
        directives.forEach(d -> lines.add("#SBATCH " + d));
        lines.add("set -euo pipefail");
        lines.add("export TRANSFERLAB_NO_BUILD=1");
        lines.add("export OMP_NUM_THREADS=1");
        return lines;
    }

    /** A path as one word for bash. */
    static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
