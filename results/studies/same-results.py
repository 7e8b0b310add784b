#!/usr/bin/env python3
"""Checks that a rerun of a committed study gave the same results, cell by cell.

    results/studies/same-results.py results/studies/NAME/results.csv RUN_DIR/results.csv

Every column must be equal except those that depend on the machine or on which worker got to a shared
source model first (timings and source_trained). A rerun of only some cells (a shard) is compared on those
cells. Exits 1, listing the first differences, when any differs or a rerun cell is unknown.
"""
import csv
import sys

MACHINE_DEPENDENT = {"source_trained", "source_train_s", "fit_s", "eval_s"}


def rows(path):
    with open(path, newline="") as f:
        return {row["cell_id"]: row for row in csv.DictReader(f)}


def main(committed_path, rerun_path):
    committed, rerun = rows(committed_path), rows(rerun_path)
    differences = []
    for cell, row in rerun.items():
        if cell not in committed:
            differences.append(f"{cell}: not in {committed_path}")
            continue
        for column, value in row.items():
            if column not in MACHINE_DEPENDENT and committed[cell].get(column) != value:
                differences.append(f"{cell} ({row['strategy']}, {row['target']}, seed {row['seed']}): {column} "
                                   f"{committed[cell].get(column)!r} -> {value!r}")
    if differences:
        print(f"{len(differences)} differences, first ones:", *differences[:20], sep="\n  ")
        return 1
    print(f"{len(rerun)} of {len(committed)} cells compared: identical except {', '.join(sorted(MACHINE_DEPENDENT))}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
