#!/usr/bin/env bash
# Refuses to start a rollout that would hang or fail quietly: run before `flux bootstrap` (deploy/README.md, step 7;
# the host playbook's flux role runs it too). Checks, in DEPLOY_DIR (default: this folder):
#   - clusters/vps/cluster-settings.yaml: gateway_host is a real DNS name and acme_email a real address (Let's Encrypt
#     rejects example.org/com/net, and cert-manager would retry for ever), cluster_issuer is one of the two issuers;
#   - .sops.yaml names a real age recipient, not the placeholder;
#   - secrets/vps lists the gateway's API keys, Grafana's admin and Alertmanager's configuration, SOPS-encrypted.
# Usage: deploy/preflight.sh [DEPLOY_DIR]     exit 0: ready; 1: every problem listed on stderr
set -euo pipefail
DEPLOY=${1:-$(dirname "$0")}
problems=0
problem() { printf 'preflight: %s\n' "$*" >&2; problems=$((problems + 1)); }

# The value of KEY in the ConfigMap's data (plain `key: value` lines, as the file is written).
setting() { sed -n "s/^  $1: *\"\\{0,1\\}\\([^\"#]*[^\" #]\\)\"\\{0,1\\} *\\(#.*\\)\\{0,1\\}$/\\1/p" "$DEPLOY/clusters/vps/cluster-settings.yaml"; }

host=$(setting gateway_host)
email=$(setting acme_email)
issuer=$(setting cluster_issuer)
placeholder='(^|[.@])example\.(org|com|net)$'

if [[ ! $host =~ ^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$ ]]; then
  problem "gateway_host '$host' in clusters/vps/cluster-settings.yaml is not a DNS name"
elif [[ $host =~ $placeholder ]]; then
  problem "gateway_host '$host' is the placeholder: set the API's DNS name (an A record pointing at the VPS)"
fi
if [[ ! $email =~ ^[^@[:space:]]+@([a-z0-9-]+\.)+[a-z]{2,}$ ]]; then
  problem "acme_email '$email' in clusters/vps/cluster-settings.yaml is not an e-mail address"
elif [[ $email =~ $placeholder ]]; then
  problem "acme_email '$email' is the placeholder: Let's Encrypt refuses example.org addresses"
fi
[[ $issuer == letsencrypt-staging || $issuer == letsencrypt-prod ]] \
  || problem "cluster_issuer '$issuer' is neither letsencrypt-staging nor letsencrypt-prod"

grep -Eq 'age: *age1[02-9ac-hj-np-z]{58}$' "$DEPLOY/.sops.yaml" \
  || problem ".sops.yaml still has the placeholder age recipient (deploy/README.md, Secrets)"

for secret in api-gateway-api-keys grafana-admin alertmanager-config; do
  file="$DEPLOY/secrets/vps/$secret.sops.yaml"
  if [[ ! -f $file ]]; then
    problem "secrets/vps/$secret.sops.yaml is missing (deploy/README.md, Secrets)"
  elif ! grep -q '^sops:' "$file"; then
    problem "secrets/vps/$secret.sops.yaml is not SOPS-encrypted"
  elif ! grep -q "^ *- *$secret.sops.yaml" "$DEPLOY/secrets/vps/kustomization.yaml"; then
    problem "secrets/vps/kustomization.yaml does not list $secret.sops.yaml"
  fi
done

if ((problems > 0)); then
  printf 'preflight: %d problem(s); nothing was deployed\n' "$problems" >&2
  exit 1
fi
echo "preflight: ready ($host, ACME account $email, issuer $issuer)"
