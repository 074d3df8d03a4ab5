#!/usr/bin/env bash
# Parley's one test command (`npm test`, also what CI runs through .ci/run).
#
# On a fresh Debian machine it first installs what is missing: the Debian packages the e2e
# suite needs (Kamailio + WebSocket, TLS, utils and presence modules (their store is db_text,
# in the base package), Chromium, SIPp, baresip, rtpengine,
# openssl and NSS's certutil for the test CA) and node_modules
# (`npm ci`, when missing or older than package-lock.json). Then it runs, in order:
#   Electron support (the pinned major is one of the three newest; only a notice when the
#   registry is unreachable), lint (eslint + prettier --check), typecheck, unit tests, build,
#   security (CSP in Chromium, fuses), Electronegativity audit, package check (app.asar from
#   the build), e2e tests
# and ends with one summary line. Every step runs even when an earlier one failed, so one run
# shows everything that is wrong; the exit code is non-zero if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
# The Electron binary cannot be downloaded on CI machines and tests never run it.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1

apt_packages=(kamailio kamailio-websocket-modules kamailio-utils-modules kamailio-tls-modules
  kamailio-presence-modules chromium sip-tester
  baresip-core rtpengine-daemon openssl libnss3-tools)
started_at=$(date +%s)
summary=()
failed=0

log() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else echo "need root to run: $*" >&2; return 1
  fi
}

install_missing_apt_packages() {
  local missing=()
  for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "Debian packages present: ${apt_packages[*]}"
    return 0
  fi
  log "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -q || return 1
  as_root apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null || return 1
  # Debian's kamailio package may start a system instance; the tests run their own.
  if printf '%s\n' "${missing[@]}" | grep -qx kamailio; then
    as_root service kamailio stop >/dev/null 2>&1 || true
  fi
  # Likewise rtpengine's system daemon; the tests start their own on free ports.
  if printf '%s\n' "${missing[@]}" | grep -qx rtpengine-daemon; then
    as_root service rtpengine-daemon stop >/dev/null 2>&1 || true
  fi
}

install_node_modules_if_stale() {
  if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    echo "node_modules up to date with package-lock.json"
    return 0
  fi
  # Vite 8 and its native bundler do not install with npm 10 on these machines; npm 11 does.
  if [ "$(npm --version | cut -d. -f1)" -lt 11 ]; then
    log "Upgrading npm to 11 (found $(npm --version))"
    as_root npm install -g npm@11 --no-audit --no-fund </dev/null || return 1
  fi
  log "Installing node_modules (npm ci)"
  npm ci --no-audit --no-fund </dev/null
}

# run_step NAME COMMAND...: runs it, records "NAME ok (12s)" or "NAME FAILED (12s)".
run_step() {
  local name=$1
  shift
  log "$name: $*"
  local step_start
  step_start=$(date +%s)
  if "$@" </dev/null; then
    summary+=("$name ok ($(( $(date +%s) - step_start ))s)")
  else
    summary+=("$name FAILED ($(( $(date +%s) - step_start ))s)")
    failed=1
  fi
}

finish() {
  local total=$(( $(date +%s) - started_at ))
  local verdict=PASS
  [ "$failed" -eq 0 ] || verdict=FAIL
  local joined
  joined=$(printf '%s, ' "${summary[@]}")
  printf '\nparley test: %s in %dm%02ds: %s\n' "$verdict" $(( total / 60 )) $(( total % 60 )) "${joined%, }"
  exit "$failed"
}

log "Checking the tools the tests need"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  { echo "Node.js >= 20.19 is required (found $(node --version 2>/dev/null || echo none))" >&2; summary+=("setup FAILED"); failed=1; finish; }
if ! install_missing_apt_packages; then summary+=("setup FAILED (apt)"); failed=1; finish; fi
if ! install_node_modules_if_stale; then summary+=("setup FAILED (npm ci)"); failed=1; finish; fi
summary+=("setup ok ($(( $(date +%s) - started_at ))s)")

run_step electron-support npm run --silent check:electron-support
run_step lint npm run --silent lint
run_step typecheck npm run --silent typecheck
run_step unit npm run --silent test:unit
run_step build npm run --silent build
run_step security npm run --silent test:security
run_step audit npm run --silent security:audit
# Packs the out/ the build step made (no second build); fails if the build failed.
run_step package npm run --silent package:check -- --skip-build
# Runs even after a failed build: its PBX smoke test still tells whether the test bed works.
run_step e2e npm run --silent test:e2e
finish
