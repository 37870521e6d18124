#!/usr/bin/env bash
# Checks the alert rules and runs their unit tests with promtool, from each PrometheusRule itself (its spec, which
# is the last key of the file, is a plain Prometheus rule file once unindented): rules/<name>.yaml is tested by
# rules/<name>.test.yaml. Needs only promtool and sed.
#   deploy/monitoring/test-rules.sh
set -euo pipefail
cd "$(dirname "$0")"
command -v promtool >/dev/null || { echo "promtool not found (Debian: apt-get install --no-install-recommends prometheus)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for rules in rules/*.yaml; do
  [[ $rules == *.test.yaml ]] && continue
  name=$(basename "$rules" .yaml)
  [[ -f rules/$name.test.yaml ]] || { echo "rules/$name.test.yaml missing: every rule file has unit tests" >&2; exit 1; }
  sed -n '/^spec:/,$p' "$rules" | sed '1d; s/^  //' >"$work/$name.rules.yaml"
  cp "rules/$name.test.yaml" "$work/"
  promtool check rules "$work/$name.rules.yaml"
  promtool test rules "$work/$name.test.yaml"
done
