#!/usr/bin/env bash
# Multi-seed exploration of the property tests: the `dev` profile (random examples) under N fixed
# Hypothesis seeds, so a flaky generator shows up as a failing seed that anyone can replay with
#   python -m pytest -q tests/numeric --hypothesis-profile=dev --hypothesis-seed=SEED
# Usage: benchmarks/explore_seeds.sh [N=20] [PYTEST_PATHS=tests/numeric]
# Prints one line per seed and exits 1 if any seed failed.
set -u
n=${1:-20}
shift || true
paths=${*:-tests/numeric}
failed=()
for s in $(seq 1 "$n"); do
    line=$(python -m pytest -q -p no:cacheprovider $paths --hypothesis-profile=dev --hypothesis-seed="$s" 2>&1 | tail -1)
    echo "seed $s: $line"
    case $line in *failed*|*error*) failed+=("$s") ;; esac
done
if [ ${#failed[@]} -gt 0 ]; then echo "failing seeds: ${failed[*]}"; exit 1; fi
echo "all $n seeds passed"
