#!/usr/bin/env bash
# Type-checks mynapin for Windows and macOS on a Debian machine: clippy with -D warnings for
# x86_64-pc-windows-msvc and aarch64-apple-darwin. Nothing is linked or run (no MSVC linker or
# macOS SDK here). The Windows build residents get (x86_64-pc-windows-gnu) is built and tested
# for real by scripts/build-windows.sh and scripts/test-windows.sh.
#
# How: Debian's rustc-web toolchain (its cargo, clippy and the std sources) with
# RUSTC_BOOTSTRAP=1 so that -Zbuild-std compiles core/std for the foreign target from those
# sources; /usr/bin first on PATH so that the Debian cargo/rustc/clippy are the ones used, not
# rustup's; a target dir of its own so that none of this touches the normal build:
# CROSS_TARGET_DIR, default target/cross. CI keeps it outside the clone
# (/var/cache/mynapin-ci/target-cross), so that the standard library and the dependencies,
# built for each target from source, are not built again on every push; cargo rebuilds them
# when the toolchain, the flags or Cargo.lock change.
#
# 1. installs what is missing (apt, ~1 GB): rustc-web cargo-web rust-web-src rust-web-clippy
#    binutils-mingw-w64-x86-64, after checking with apt-cache policy that they exist;
# 2. runs the check for each target (CROSS_TARGETS overrides the list), every one even when an
#    earlier one fails, and prints how long each took;
# 3. exits 1 if any target has an error or a warning.
# It starts no process that outlives it.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'check-cross: %s\n' "$*" >&2; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
t0=$(date +%s)

# 1. Packages.
pkgs=(rustc-web cargo-web rust-web-src rust-web-clippy binutils-mingw-w64-x86-64)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  candidate() { apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}'; }
  unknown=()
  for p in "${missing[@]}"; do
    c=$(candidate "$p")
    if [ -z "$c" ] || [ "$c" = "(none)" ]; then unknown+=("$p"); fi
  done
  if [ ${#unknown[@]} -gt 0 ]; then
    say "updating the package lists (no candidate yet for ${unknown[*]})"
    timeout 600 $SUDO apt-get update -qq
    for p in "${unknown[@]}"; do
      c=$(candidate "$p")
      if [ -z "$c" ] || [ "$c" = "(none)" ]; then
        say "package $p is not in this machine's apt sources (Debian 12 'bookworm' or later has it)"
        exit 1
      fi
    done
  fi
  say "installing ${missing[*]} (about 1 GB)"
  t=$(date +%s)
  DEBIAN_FRONTEND=noninteractive timeout 1800 $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
  say "installed in $(( $(date +%s) - t )) s"
fi

# 2. The checks, with Debian's toolchain.
export PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="${CROSS_TARGET_DIR:-$PWD/target/cross}"
# rustup's variables would send cargo back to rustup's toolchain.
unset RUSTUP_TOOLCHAIN RUSTC RUSTDOC CARGO RUSTC_WRAPPER || true
say "toolchain: $(/usr/bin/cargo --version), $(/usr/bin/rustc --version), $(/usr/bin/cargo clippy --version)"
read -r -a targets <<<"${CROSS_TARGETS:-x86_64-pc-windows-msvc aarch64-apple-darwin}"
failed=()
for target in "${targets[@]}"; do
  say "cargo clippy --target $target"
  t=$(date +%s)
  # -Zbuild-std: std for $target from rust-web-src (/usr/lib/rustlib/src/rust). The whole
  # workspace with --all-targets (tests, examples) so that no cfg'd path escapes the check.
  if nice -n 10 timeout 1800 /usr/bin/cargo clippy --workspace --all-targets --locked \
       -Zbuild-std --target "$target" -- -D warnings; then
    say "$target: clean ($(( $(date +%s) - t )) s)"
  else
    say "$target: FAILED ($(( $(date +%s) - t )) s)"
    failed+=("$target")
  fi
done

say "total $(( $(date +%s) - t0 )) s"
if [ ${#failed[@]} -gt 0 ]; then
  say "errors for: ${failed[*]} (these targets are type-checked only)"
  exit 1
fi
say "every target type-checks: ${targets[*]}"
