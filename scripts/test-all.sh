#!/usr/bin/env bash
# The whole test suite — the README's test command, and what CI runs.
# Installs what is missing, then runs every test of the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'test-all: %s\n' "$*" >&2; }

need_pkgs=()
command -v pkg-config >/dev/null || need_pkgs+=(pkg-config)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  say "installing ${need_pkgs[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  timeout 600 $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 900 $SUDO apt-get install -y -qq "${need_pkgs[@]}"
fi

timeout 1800 cargo test --workspace --locked
