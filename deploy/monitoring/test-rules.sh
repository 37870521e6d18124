#!/usr/bin/env bash
# Checks the alert rules and runs their unit tests with promtool, from the PrometheusRule itself (its spec, which
# is the last key of the file, is a plain Prometheus rule file once unindented). Needs only promtool and sed.
#   deploy/monitoring/test-rules.sh
set -euo pipefail
cd "$(dirname "$0")"
command -v promtool >/dev/null || { echo "promtool not found (Debian: apt-get install --no-install-recommends prometheus)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed -n '/^spec:/,$p' rules/itinera-alerts.yaml | sed '1d; s/^  //' >"$work/itinera-alerts.rules.yaml"
cp rules/itinera-alerts.test.yaml "$work/"
promtool check rules "$work/itinera-alerts.rules.yaml"
promtool test rules "$work/itinera-alerts.test.yaml"
