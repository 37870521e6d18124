#!/usr/bin/env bash
# Renders every kustomize entry point under deploy/ (as Flux's kustomize-controller would) and, when kubeconform is
# installed, validates the result strictly against the Kubernetes schemas and the CRD schemas in $SCHEMA_DIR, named
# <kind>_<version>.json in lower case, as kubeconform's openapi2jsonschema.py writes them (manifests.yml shows how).
#   deploy/validate-manifests.sh                      # render only (needs kubectl or kustomize)
#   SCHEMA_DIR=/tmp/schemas deploy/validate-manifests.sh
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

render() {
  if command -v kustomize >/dev/null; then kustomize build --load-restrictor=LoadRestrictionsNone "$1"
  else kubectl kustomize --load-restrictor=LoadRestrictionsNone "$1"; fi
}

entries=()
while IFS= read -r file; do
  dir=$(dirname "$file")
  # Components are rendered as part of the apps that include them.
  grep -q '^kind: Component' "$file" && continue
  entries+=("${dir#./}")
done < <(find . -name kustomization.yaml -not -path '*/target/*' -not -path './src/*' | sort)

failed=0
for entry in "${entries[@]}"; do
  name=${entry//\//_}
  if render "$entry" >"$out/$name.yaml" 2>"$out/$name.err"; then
    printf 'rendered  %-40s %3d objects\n' "$entry" "$(grep -c '^kind:' "$out/$name.yaml" || true)"
  else
    printf 'FAILED    %s\n' "$entry"; cat "$out/$name.err"; failed=1
  fi
done
((failed == 0)) || exit 1

if [[ -n ${SCHEMA_DIR:-} ]]; then
  command -v kubeconform >/dev/null || { echo "kubeconform not found" >&2; exit 1; }
  # HelmChartConfig is K3s' own CRD (no published schema); Secrets under secrets/ carry SOPS metadata.
  kubeconform -strict -summary -output text \
    -schema-location default \
    -schema-location "$SCHEMA_DIR/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json" \
    -skip HelmChartConfig,Secret \
    "$out"/*.yaml
fi
