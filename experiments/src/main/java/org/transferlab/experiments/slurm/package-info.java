/**
 * Running a study on a Slurm cluster: the submission's layout in its run directory ({@link SlurmArray}), the task
 * and merge batch scripts ({@link JobScripts}) and what each task asks for ({@link Resources}), {@code sbatch} and
 * {@code squeue} run as processes ({@link Sbatch}), and how far each task has got, counted from the run
 * directories alone ({@link TaskProgress}, {@link ProgressTable}).
 */
package org.transferlab.experiments.slurm;
