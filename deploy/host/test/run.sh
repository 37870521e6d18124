#!/usr/bin/env bash
# Tests the host playbook for real, as root, without Docker:
#   1. ansible-lint (profile production) on deploy/host, shellcheck on every shell script of the repository;
#   2. a Debian 12 root filesystem built with debootstrap (cached in target/host-test/), the playbook applied to a
#      copy of it twice through Ansible's chroot connection; the second run must change nothing;
#   3. the resulting host checked: sshd -t and sshd -T, UFW's rule files, fail2ban-client -t, unattended-upgrades,
#      K3s' config file, the sysctl and module files, the admin account;
#   4. the K3s checksum step fed a tampered binary from a local HTTP server: the play must stop and install nothing.
# Steps that need a booted host (starting UFW, fail2ban, sshd and K3s, applying sysctls, Flux) are skipped by the
# playbook in a chroot (variable host_runtime_actions); this script checks their configuration instead and says so.
# Not part of `mvn verify` (root, several minutes). Usage: sudo deploy/host/test/run.sh [--lint-only]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
HOST_DIR="$ROOT/deploy/host"
WORK="$ROOT/target/host-test"
BASE="$WORK/rootfs-base"
ROOTFS="$WORK/rootfs"
RELEASES="$WORK/releases"
SUITE=bookworm

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
pass() { printf 'ok   %s\n' "$*"; }

[[ $(id -u) -eq 0 ]] || fail "run as root (debootstrap and chroot need it)"

say "Tools (apt-get)"
export DEBIAN_FRONTEND=noninteractive
need=(ansible ansible-lint debootstrap shellcheck openssh-client python3-yaml)
missing=()
for package in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
ansible --version | sed -n 1p

say "ansible-lint --profile production"
(cd "$HOST_DIR" && ansible-lint --offline --profile production site.yml roles)

say "shellcheck"
cd "$ROOT"
mapfile -t scripts < <(git ls-files '*.sh' 2>/dev/null || find . -name '*.sh' -not -path '*/target/*')
shellcheck -x "${scripts[@]}"
pass "shellcheck: ${#scripts[@]} scripts"

say "cloud-init user data"
python3 - "$HOST_DIR" <<'EOF' || fail "cloud-init/user-data.yaml"
import sys, yaml
host = sys.argv[1]
text = open(f"{host}/cloud-init/user-data.yaml").read()
assert text.startswith("#cloud-config\n"), "user data must start with #cloud-config"
data = yaml.safe_load(text)
variables = yaml.safe_load(open(f"{host}/group_vars/all.yml"))
files = {f["path"]: f for f in data["write_files"]}
given = yaml.safe_load(files["/etc/itinera/host.yml"]["content"])
unknown = set(given) - set(variables)
assert not unknown, f"variables not in group_vars/all.yml: {unknown}"
assert {"git", "ansible"} <= set(data["packages"])
assert any("site.yml" in str(cmd) and "@/etc/itinera/host.yml" in str(cmd) for cmd in data["runcmd"])
print("ok   user data: #cloud-config, variables", sorted(given))
EOF

[[ ${1:-} == --lint-only ]] && exit 0

# --- the root filesystem ------------------------------------------------------------------------------------------
# The Debian mirror is whatever apt on this machine uses for the suite (never written into a file of the repository).
mirror() {
  # shellcheck disable=SC2016 # apt-get expands $(REPO_URI) itself
  apt-get indextargets --format '$(REPO_URI) $(CODENAME) $(TARGET_OF)' 2>/dev/null \
    | awk -v suite="$SUITE" '$2 == suite && $3 == "deb" && $1 !~ /security/ {print $1; exit}'
}

cleanup() {
  local status=$?
  [[ -n ${SERVER_PID:-} ]] && kill "$SERVER_PID" 2>/dev/null
  for mount in "$ROOTFS/proc" "$ROOTFS/dev/pts"; do
    mountpoint -q "$mount" && umount -l "$mount"
  done
  exit "$status"
}
trap cleanup EXIT

mkdir -p "$WORK"
if [[ ! -f $BASE/.complete ]]; then
  say "debootstrap $SUITE (cached in $BASE afterwards)"
  url=$(mirror)
  [[ -n $url ]] || fail "apt has no source for $SUITE: cannot find a Debian mirror to debootstrap from"
  rm -rf "$BASE"
  # python3 and python3-apt: what Ansible itself needs on the target; everything else the playbook installs.
  debootstrap --variant=minbase --include=python3,python3-apt,systemd,systemd-sysv,iproute2 "$SUITE" "$BASE" "$url"
  touch "$BASE/.complete"
fi

say "Fresh copy of the root filesystem"
rm -rf "$ROOTFS"
cp -a "$BASE" "$ROOTFS"
rm -f "$ROOTFS/.complete"
# Package scripts must not start daemons inside the chroot.
printf '#!/bin/sh\nexit 101\n' >"$ROOTFS/usr/sbin/policy-rc.d"
chmod 0755 "$ROOTFS/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
mount -t proc proc "$ROOTFS/proc"
mkdir -p "$ROOTFS/dev/pts" && mount -t devpts devpts "$ROOTFS/dev/pts"

# --- a local "release server" for K3s ----------------------------------------------------------------------------
K3S_VERSION=$(awk '/^k3s_version:/ {print $2}' "$HOST_DIR/group_vars/all.yml")
TAMPERED_VERSION=v0.0.0+tampered
release() { # release VERSION CONTENT SUMMED-CONTENT: a stand-in binary and a sha256sum file for SUMMED-CONTENT
  local dir="$RELEASES/$1"
  mkdir -p "$dir"
  printf '%s' "$2" >"$dir/k3s"
  printf '%s  k3s\n' "$(printf '%s' "$3" | sha256sum | cut -d' ' -f1)" >"$dir/sha256sum-amd64.txt"
}
rm -rf "$RELEASES"
genuine=$(printf '#!/bin/sh\necho "k3s version %s (test stand-in for the release binary)"\n' "$K3S_VERSION")
release "$K3S_VERSION" "$genuine" "$genuine"
release "$TAMPERED_VERSION" "${genuine}# tampered" "$genuine"
[[ $(uname -m) == x86_64 ]] || fail "the stand-in release has the amd64 file names only"

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$RELEASES" >"$WORK/http.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break
  python3 -c 'import time; time.sleep(0.1)'
done

# --- the inventory: a chroot host with test values for the required variables ------------------------------------
rm -f "$WORK/admin_key" "$WORK/admin_key.pub"
ssh-keygen -q -t ed25519 -N '' -C itinera-test -f "$WORK/admin_key"
ADMIN_KEY=$(cat "$WORK/admin_key.pub")
cat >"$WORK/inventory.yml" <<EOF
all:
  hosts:
    rootfs:
      ansible_connection: community.general.chroot
      ansible_host: $ROOTFS
      admin_ssh_public_keys: ["$ADMIN_KEY"]
      firewall_admin_cidrs: [192.0.2.0/24, 2001:db8::/32]
      host_public_name: api.itinera.test
      k3s_release_url: http://127.0.0.1:$PORT
EOF

play() { # play LOG [extra args]: runs site.yml against the chroot, output in LOG
  local log=$1
  shift
  (cd "$HOST_DIR" && ANSIBLE_FORCE_COLOR=0 ANSIBLE_NOCOLOR=1 \
    ansible-playbook -i "$WORK/inventory.yml" site.yml "$@") >"$log" 2>&1
}
recap() { grep -E '^rootfs +:' "$1"; }

say "Playbook, first run"
play "$WORK/run1.log" || { tail -40 "$WORK/run1.log"; fail "first run failed (log: $WORK/run1.log)"; }
recap "$WORK/run1.log"
say "Playbook, second run (must change nothing)"
play "$WORK/run2.log" || { tail -40 "$WORK/run2.log"; fail "second run failed (log: $WORK/run2.log)"; }
recap "$WORK/run2.log"
recap "$WORK/run2.log" | grep -q 'changed=0 ' || {
  grep -B3 '^changed:' "$WORK/run2.log" | head -40
  fail "the second run changed something"
}
recap "$WORK/run2.log" | grep -q 'failed=0 ' || fail "the second run failed"
pass "idempotent: second run changed=0"

in_root() { chroot "$ROOTFS" "$@"; }

say "Checks on the resulting host"
for task in 'firewall : Enable UFW' 'fail2ban : Start fail2ban at boot' 'kernel : Load the kernel modules now' \
  'k3s : Start K3s at boot' 'k3s : Wait for the node to be Ready'; do
  grep -A1 -F "TASK [$task]" "$WORK/run1.log" | grep -q '^skipping: \[rootfs\]' || fail "'$task' was not skipped in the chroot"
done
echo "note: in a chroot the playbook does not enable UFW, start sshd/fail2ban/K3s, load modules or apply sysctls"
echo "      (host_runtime_actions is false); what follows checks the files those steps read"

# sshd
in_root /usr/sbin/sshd -t || fail "sshd -t"
pass "sshd -t"
effective=$(in_root /usr/sbin/sshd -T -C user=itinera,host=client.test,addr=198.51.100.7)
expect_sshd() {
  grep -qx "$1" <<<"$effective" || fail "sshd -T: expected '$1', got '$(grep "^${1%% *} " <<<"$effective")'"
  pass "sshd -T: $1"
}
expect_sshd "passwordauthentication no"
expect_sshd "permitrootlogin no"
expect_sshd "kbdinteractiveauthentication no"
expect_sshd "pubkeyauthentication yes"
expect_sshd "authenticationmethods publickey"
expect_sshd "allowusers itinera"
expect_sshd "ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com"
expect_sshd "macs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com"
expect_sshd "kexalgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org"

# admin account
in_root id -nG itinera | grep -qw sudo || fail "admin user not in sudo"
diff <(cat "$WORK/admin_key.pub") "$ROOTFS/home/itinera/.ssh/authorized_keys" >/dev/null \
  || fail "authorized_keys differs from the configured key"
in_root visudo -cf /etc/sudoers.d/90-itinera-admin >/dev/null || fail "sudoers drop-in invalid"
[[ $(in_root getent shadow root | cut -d: -f2) == '!'* ]] || fail "root's password is not locked"
pass "admin user: sudo, exactly the configured key, root locked"

# UFW: the rule files hold exactly the intended rules, in order (tuple lines are ufw's own record of each rule)
tuples() { sed -n 's/^### tuple ### //p' "$ROOTFS/etc/ufw/$1"; }
expected_v4=$(
  cat <<'EOF'
limit tcp 22 0.0.0.0/0 any 0.0.0.0/0 in comment=737368
allow tcp 80 0.0.0.0/0 any 0.0.0.0/0 in comment=7075626c6963
allow tcp 443 0.0.0.0/0 any 0.0.0.0/0 in comment=7075626c6963
allow tcp 6443 0.0.0.0/0 any 192.0.2.0/24 in comment=6b7562652d617069736572766572
allow any any 0.0.0.0/0 any 10.42.0.0/16 in comment=6b33732d706f6473
allow any any 0.0.0.0/0 any 10.43.0.0/16 in comment=6b33732d7365727669636573
EOF
)
expected_v6=$(
  cat <<'EOF'
limit tcp 22 ::/0 any ::/0 in comment=737368
allow tcp 80 ::/0 any ::/0 in comment=7075626c6963
allow tcp 443 ::/0 any ::/0 in comment=7075626c6963
allow tcp 6443 ::/0 any 2001:db8::/32 in comment=6b7562652d617069736572766572
EOF
)
diff <(echo "$expected_v4") <(tuples user.rules) || fail "/etc/ufw/user.rules differs (diff above: expected < > found)"
diff <(echo "$expected_v6") <(tuples user6.rules) || fail "/etc/ufw/user6.rules differs (diff above: expected < > found)"
grep -qx 'DEFAULT_INPUT_POLICY="DROP"' "$ROOTFS/etc/default/ufw" || fail "UFW's default input policy is not DROP"
grep -qx 'DEFAULT_OUTPUT_POLICY="ACCEPT"' "$ROOTFS/etc/default/ufw" || fail "UFW's default output policy"
pass "UFW: default deny in, exactly 6 IPv4 and 4 IPv6 rules (not enabled: no netfilter in a chroot)"

# fail2ban
in_root fail2ban-client -t >"$WORK/fail2ban.log" 2>&1 || { cat "$WORK/fail2ban.log"; fail "fail2ban-client -t"; }
in_root fail2ban-client -d >"$WORK/fail2ban-dump.log" 2>&1 || { cat "$WORK/fail2ban-dump.log"; fail "fail2ban-client -d"; }
grep -q "\['add', 'sshd', 'systemd'\]" "$WORK/fail2ban-dump.log" || fail "no sshd jail on the systemd backend"
grep -q "\['set', 'sshd', 'maxretry', 5\]" "$WORK/fail2ban-dump.log" || fail "sshd jail maxretry"
grep -q "\['set', 'sshd', 'addaction', 'ufw'\]" "$WORK/fail2ban-dump.log" || fail "sshd jail does not ban through UFW"
[[ $(grep -c "\['add', '[^']*'," "$WORK/fail2ban-dump.log") -eq 1 ]] || fail "more jails than sshd are enabled"
pass "fail2ban-client -t; exactly one jail, sshd, journal backend, bans via UFW (not started in a chroot)"

# unattended-upgrades
apt_config=$(in_root apt-config dump)
for line in 'APT::Periodic::Update-Package-Lists "1";' 'APT::Periodic::Unattended-Upgrade "1";' \
  'Unattended-Upgrade::Automatic-Reboot "true";' 'Unattended-Upgrade::Automatic-Reboot-Time "04:15";'; do
  grep -qxF "$line" <<<"$apt_config" || fail "apt-config: missing $line"
done
grep -qx 'OnCalendar=\*-\*-\* 03:30' "$ROOTFS/etc/systemd/system/apt-daily-upgrade.timer.d/itinera-window.conf" \
  || fail "upgrade timer window"
in_root unattended-upgrade --dry-run >"$WORK/unattended.log" 2>&1 || { tail "$WORK/unattended.log"; fail "unattended-upgrade --dry-run"; }
pass "unattended-upgrades: daily, reboot at 04:15, timer at 03:30, dry run passes"

# kernel
for key in net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables vm.max_map_count; do
  grep -q "^$key" "$ROOTFS/etc/sysctl.d/90-itinera.conf" || fail "sysctl $key missing"
done
grep -qx br_netfilter "$ROOTFS/etc/modules-load.d/itinera-k3s.conf" || fail "br_netfilter not loaded at boot"
pass "sysctl and module files (not applied in a chroot)"

# K3s
python3 - "$ROOTFS/etc/rancher/k3s/config.yaml" <<'EOF' || fail "K3s config"
import sys, yaml
config = yaml.safe_load(open(sys.argv[1]))
expected = {
    "write-kubeconfig-mode": "0600",
    "secrets-encryption": True,
    "cluster-init": True,
    "default-local-storage-path": "/var/lib/rancher/k3s/storage",
    "etcd-snapshot-schedule-cron": "0 */6 * * *",
    "etcd-snapshot-retention": 28,
}
wrong = {k: config.get(k) for k, v in expected.items() if config.get(k) != v}
if wrong or "api.itinera.test" not in config.get("tls-san", []) or "disable" in config:
    sys.exit(f"unexpected K3s config values: {wrong}, tls-san {config.get('tls-san')}, disable {config.get('disable')}")
reserved = [a for a in config["kubelet-arg"] if a.startswith(("system-reserved=", "kube-reserved=", "eviction-hard="))]
if len(reserved) != 3:
    sys.exit(f"kubelet reservations missing: {config['kubelet-arg']}")
EOF
[[ $(stat -c %a "$ROOTFS/etc/rancher/k3s/config.yaml") == 600 ]] || fail "K3s config is not 0600"
[[ $(readlink "$ROOTFS/usr/local/bin/k3s") == "/usr/local/lib/k3s/k3s-$K3S_VERSION" ]] || fail "k3s link"
in_root /usr/local/bin/k3s | grep -qF "$K3S_VERSION" || fail "the installed k3s is not $K3S_VERSION"
grep -qx 'ExecStart=/usr/local/bin/k3s server' "$ROOTFS/etc/systemd/system/k3s.service" || fail "k3s unit"
pass "K3s $K3S_VERSION installed from the verified download; config holds the flags (not started in a chroot)"

say "Tampered K3s binary (the release's checksum file does not match it)"
if play "$WORK/tampered.log" -e "k3s_version=$TAMPERED_VERSION"; then
  fail "the play accepted a tampered binary"
fi
grep -q 'did not match' "$WORK/tampered.log" || { tail -20 "$WORK/tampered.log"; fail "the play failed, but not on the checksum"; }
[[ ! -e $ROOTFS/usr/local/lib/k3s/k3s-$TAMPERED_VERSION ]] || fail "the tampered binary was written"
[[ $(readlink "$ROOTFS/usr/local/bin/k3s") == "/usr/local/lib/k3s/k3s-$K3S_VERSION" ]] || fail "k3s link changed"
grep -o 'The checksum for [^"]*did not match[^"]*' "$WORK/tampered.log" | head -1
pass "tampered binary rejected; the installed K3s is untouched"

say "All host checks passed"
