#!/usr/bin/env bash
# Regenerates src/test/resources/hours/opening-hours-reference.tsv, the reference answers that
# OpeningHoursCrossCheckTests compares the Java evaluator with. Needs node and npm; installs the packages with npm under
# target/ (nothing is committed but the answers). Run from anywhere: bash api-enrichment/src/test/opening-hours/make-reference.sh
set -euo pipefail

REFERENCE_VERSION=3.15.0
here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../../.." && pwd)"
work="$module/target/opening-hours-reference"
out="$module/src/test/resources/hours/opening-hours-reference.tsv"

mkdir -p "$work" "$(dirname "$out")"
cd "$work"
[ -f package.json ] || npm init -y >/dev/null
# The reference evaluator, and the two releases whose test suites make the corpus (installed under aliases).
npm install --no-audit --no-fund --ignore-scripts --save-exact \
  "opening_hours@$REFERENCE_VERSION" oh-corpus@npm:opening_hours@3.4.0 oh-corpus-2@npm:opening_hours@2.1.9 >/dev/null

export NODE_PATH="$work/node_modules"
node "$here/corpus.cjs" > corpus.txt
TZ=Europe/Berlin node "$here/reference.cjs" corpus.txt "$REFERENCE_VERSION" > "$out"
echo "wrote $out"
