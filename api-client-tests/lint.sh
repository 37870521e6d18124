#!/usr/bin/env bash
# Lints the API contract (docs/openapi.json, kept equal to what the gateway serves by a gateway test) with Redocly and
# Spectral, installed by npm at pinned versions under target/; any warning fails. Run by CI, not by mvn verify.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
spec="$here/../docs/openapi.json"
tools="$here/target/lint"

mkdir -p "$tools"
npm install --prefix "$tools" --no-audit --no-fund --no-save --loglevel=error \
  @redocly/cli@2.77.0 @stoplight/spectral-cli@6.16.3

# recommended-strict: Redocly's recommended rules with every warning raised to an error.
"$tools/node_modules/.bin/redocly" lint --config "$here/redocly.yaml" "$spec"
"$tools/node_modules/.bin/spectral" lint --ruleset "$here/.spectral.yaml" --fail-severity=warn "$spec"
