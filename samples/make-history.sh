#!/usr/bin/env bash
# Creates DEST as a fresh git repository holding the history of the sample library "tally".
#
#   bash samples/make-history.sh DEST
#
# The last commit's tree is exactly samples/tally/. Earlier states are rebuilt from it by
# reverse-applying the per-commit patches in samples/history/ (newest first); the commits are
# then made oldest first, each by applying its patch. Author, committer and dates are fixed
# (2024-03-01T12:00:00Z, one day apart), so every run gives the same commit ids.
# Needs bash, coreutils and git only. See samples/README.md for the expected outcome per commit.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 DEST" >&2
    exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dest=$1

# Oldest first: "tag|subject|body" (body may be empty). Patch NN-<tag>.patch belongs to entry NN.
commits=(
    "initial|tally: stats, textutil, intervals, money and inventory with tests|"
    "fix-median|stats: median of an even-length list averages the two middle values|median([1, 2, 3, 4]) returned 2 instead of 2.5. Fixes #3."
    "docs|README: usage examples|"
    "tests-only|money: tests for negative amounts and custom symbols in format_currency|"
    "fix-slugify|textutil: slugify turns a run of punctuation into one separator|slugify(\"Hello, World!\") gave \"hello--world\"; the old test pinned that output and now expects \"hello-world\". Fixes #5."
    "refactor|stats: variance sums squared deviations in a helper (math.fsum)|"
    "feature-intervals|intervals: gaps() lists the uncovered stretches between intervals|"
    "flaky|inventory: remove() refuses to take more than the available stock|Also adds a check for timely restock notifications."
    "unflake|tests: drop the timing-dependent restock notification test|It passed or failed at random."
    "binary|textutil: truncate() keeps the result within width; ship the lookup table|"
    "needs-missing-module|intervals: touching intervals overlap|The interval tests now load the shared tally_testing_plugins helpers."
    "cleanup|tests: drop the tally_testing_plugins import|The helpers were never published."
    "fix-money|money: split_amount hands out the leftover cents|split_amount(\"10.00\", 3) gave three shares of 3.33 that add up to 9.99. Fixes #9."
)

if [[ -e "$dest" ]] && [[ -n "$(ls -A "$dest")" ]]; then
    echo "error: $dest exists and is not empty" >&2
    exit 1
fi
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)

# Nothing from the caller's git setup may leak in: no config files, no GIT_* repository variables.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_CEILING_DIRECTORIES
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Tally Dev" GIT_AUTHOR_EMAIL="dev@tally.example"
export GIT_COMMITTER_NAME="Tally Dev" GIT_COMMITTER_EMAIL="dev@tally.example"
export LC_ALL=C TZ=UTC

g() {
    git -C "$dest" -c core.autocrlf=false -c core.hooksPath=/dev/null -c commit.gpgSign=false \
        -c init.defaultBranch=main -c core.fileMode=true "$@"
}

patch_for() {
    local file
    file=$(printf '%s/history/%02d-%s.patch' "$here" "$1" "$2")
    if [[ ! -f "$file" ]]; then
        echo "error: missing patch $file" >&2
        exit 1
    fi
    printf '%s' "$file"
}

g init --quiet --initial-branch=main

# The final state, without caches a local pytest run may have left behind.
cp -R "$here/tally/." "$dest/"
find "$dest" -path "$dest/.git" -prune -o \
    \( -name __pycache__ -o -name .pytest_cache -o -name '*.egg-info' -o -name '*.pyc' \) -prune -exec rm -rf {} +

# Back to the initial state.
for (( i = ${#commits[@]} - 1; i >= 1; i-- )); do
    tag=${commits[$i]%%|*}
    g apply --reverse "$(patch_for "$i" "$tag")"
done

day0=1709294400 # 2024-03-01T12:00:00Z
for (( i = 0; i < ${#commits[@]}; i++ )); do
    IFS='|' read -r tag subject body <<<"${commits[$i]}"
    if (( i > 0 )); then
        g apply "$(patch_for "$i" "$tag")"
    fi
    when="$(( day0 + i * 86400 )) +0000"
    message="[$tag] $subject"
    if [[ -n "$body" ]]; then
        message+=$'\n\n'"$body"
    fi
    g add --all
    GIT_AUTHOR_DATE=$when GIT_COMMITTER_DATE=$when g commit --quiet -m "$message"
done

echo "created $dest: ${#commits[@]} commits, HEAD $(g rev-parse HEAD)"
