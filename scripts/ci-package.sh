#!/usr/bin/env bash
# CI for the packages: builds the release binaries and the Debian package, installs it with
# dpkg -i, uses it from the PATH (mynapin --sim status, mynapin-app --version), finds its man
# page (man -w) and its bash completion, the app's desktop entry (desktop-file-validate) and
# icon, removes it with dpkg -r and checks that all of it is gone; then cargo package for
# every crate of the workspace (verified: each builds from its packaged sources alone). Prints
# how long each step took. CARGO_TARGET_DIR is where the release binary is built;
# CI_PACKAGE_TARGET_DIR (default target/ci-package) is where the packages are verified.
#
# Installs what it needs with apt (as scripts/test-all.sh does): dpkg-dev (dpkg-shlibdeps),
# binutils (strip), libpcsclite1 (the package's dependency), man-db (man -w), bash-completion,
# zsh and fish (to check that each shell finds its completion where the package puts it), jq
# (to read cargo metadata), librsvg2-bin (build-deb.sh renders the app's icon with
# rsvg-convert), desktop-file-utils (desktop-file-validate).
# It starts no background process (dpkg -i of this package starts no service; pcscd, only
# recommended, is not installed by dpkg -i), so there is nothing to stop.
#
# Idempotent: a mynapin package left installed by an interrupted run of this script (marker
# file /var/lib/mynapin-ci-package.installed) is removed first; a mynapin package installed
# otherwise, or a /usr/bin/mynapin that no package owns, makes it refuse (it never removes what
# it did not install).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'ci-package: %s\n' "$*" >&2; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
marker=/var/lib/mynapin-ci-package.installed
timings=()
step_start=0
step() { step_name=$1; step_start=$(date +%s); say "$step_name"; }
step_done() { timings+=("$(printf '%5d s  %s' "$(( $(date +%s) - step_start ))" "$step_name")"); }
t0=$(date +%s)

has_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
installed() { has_pkg mynapin; }
removed_by_us=""
cleanup() {
  # Whatever happened, leave no package of ours behind.
  if [ -e "$marker" ] && installed; then
    say "removing the mynapin package this run installed"
    $SUDO dpkg -r mynapin >/dev/null 2>&1 || true
  fi
  if ! installed; then $SUDO rm -f "$marker"; fi
  if [ ${#timings[@]} -gt 0 ]; then
    say "timings:"
    printf '  %s\n' "${timings[@]}" >&2
    say "total $(( $(date +%s) - t0 )) s"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 0. Leftovers.
if installed; then
  if [ -e "$marker" ]; then
    say "a mynapin package from an interrupted run is installed: removing it"
    $SUDO dpkg -r mynapin >/dev/null
    $SUDO rm -f "$marker"
  else
    say "a mynapin package is installed, not by this script: remove it first (sudo dpkg -r mynapin)"
    exit 1
  fi
else
  for f in /usr/bin/mynapin /usr/bin/mynapin-app; do
    [ ! -e "$f" ] || { say "$f exists and no package owns it: remove it first"; exit 1; }
  done
fi

# 1. Packages.
step "apt packages"
missing=()
command -v dpkg-shlibdeps >/dev/null || missing+=(dpkg-dev)
command -v strip >/dev/null || missing+=(binutils)
has_pkg libpcsclite1 || missing+=(libpcsclite1)
has_pkg man-db || missing+=(man-db)
has_pkg bash-completion || missing+=(bash-completion)
has_pkg zsh || missing+=(zsh)
has_pkg fish || missing+=(fish)
command -v jq >/dev/null || missing+=(jq)
command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
command -v desktop-file-validate >/dev/null || missing+=(desktop-file-utils)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  timeout 600 $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 900 $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
step_done

# 2. Build. The desktop entry is checked first: it costs nothing and fails fast.
#    (desktop-file-validate exits non-zero on errors only; its hints are printed. One is
#    expected: it would add Settings or System beside Security, which the app is neither.)
step "desktop-file-validate app/assets/mynapin-app.desktop"
desktop-file-validate app/assets/mynapin-app.desktop || { say "FAILED: the desktop entry is not valid"; exit 1; }
step_done
step "cargo build --release --locked (mynapin, mynapin-app)"
nice -n 10 timeout 1800 cargo build --release --locked -p mynapin --bin mynapin -p mynapin-app --bin mynapin-app
step_done
step "scripts/build-deb.sh --no-build"
deb=$(bash scripts/build-deb.sh --no-build)
step_done
dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p' >&2
dpkg-deb --contents "$deb" | awk '{print "  " $6}' >&2

# 3. Install. Minimal Debian images (docker) exclude /usr/share/man and /usr/share/doc through
#    path-exclude lines in /etc/dpkg/dpkg.cfg.d/; dpkg applies --path-include options given on
#    its command line after those, so our own files are installed without changing the
#    system's configuration.
step "dpkg -i"
excludes=$(grep -hs '^path-exclude' /etc/dpkg/dpkg.cfg.d/* || true)
if [ -n "$excludes" ]; then
  say "dpkg excludes on this machine (kept; overridden for mynapin's own files only):"
  printf '  %s\n' "$excludes" >&2
fi
$SUDO touch "$marker"
$SUDO dpkg --path-include='/usr/share/man/man1/mynapin*' \
  --path-include='/usr/share/doc/mynapin/*' -i "$deb"
installed || { say "dpkg -i did not install mynapin"; exit 1; }
step_done

# 4. Use it as a user would.
step "smoke tests of the installed package"
fail() { say "FAILED: $*"; exit 1; }
where=$(command -v mynapin) || fail "mynapin is not on the PATH"
[ "$where" = /usr/bin/mynapin ] || fail "mynapin on the PATH is $where, not /usr/bin/mynapin"
mynapin --version >&2
out=$(mynapin --sim status) || fail "mynapin --sim status exited $?"
printf '%s\n' "$out" | grep -q . || fail "mynapin --sim status printed nothing"
printf '%s\n' "$out" | sed 's/^/  /' >&2
page=$(man -w mynapin) || fail "man -w mynapin found no page"
[ "$page" = /usr/share/man/man1/mynapin.1.gz ] || fail "man -w mynapin is $page"
man -w mynapin-status >/dev/null || fail "man -w mynapin-status found no page"
say "man page: $page"
for f in /usr/share/bash-completion/completions/mynapin /usr/share/zsh/vendor-completions/_mynapin \
         /usr/share/fish/vendor_completions.d/mynapin.fish /usr/share/doc/mynapin/README.md \
         /usr/share/doc/mynapin/copyright; do
  [ -s "$f" ] || fail "$f is missing or empty"
done
# Bash completion: the installed file registers a completion for mynapin, and completing
# "mynapin st" offers "status".
offered=$(bash --norc --noprofile -c '
  set -e
  source /usr/share/bash-completion/completions/mynapin
  complete -p mynapin >&2
  COMP_WORDS=(mynapin st); COMP_CWORD=1; COMP_LINE="mynapin st"; COMP_POINT=${#COMP_LINE}
  fn=$(complete -p mynapin | sed -n "s/.*-F \([^ ]*\).*/\1/p")
  "$fn" mynapin st mynapin
  printf "%s\n" "${COMPREPLY[@]}"') || fail "the bash completion did not run"
printf '%s\n' "$offered" | grep -qx status || fail "completing 'mynapin st' offered: $offered"
say "bash completion of 'mynapin st': $(printf '%s ' $offered)"
# And through bash-completion's own loader, as an interactive shell finds it: this checks the
# directory, not only the script.
bash --norc --noprofile -c '
  source /usr/share/bash-completion/bash_completion
  __load_completion mynapin && complete -p mynapin' >/dev/null \
  || fail "bash-completion does not find the completion of mynapin"
# zsh and fish find theirs in their vendor directories, with no configuration of ours.
zsh -f -c 'autoload -U compinit && compinit -u -D && [[ ${_comps[mynapin]} == _mynapin ]]' \
  || fail "zsh's compinit does not find _mynapin"
# (fish's vendor directories come from its own share/config.fish, so no --no-config: an empty
# HOME keeps the user's configuration out instead.)
fish_home=$(mktemp -d)
fish_offered=$(HOME=$fish_home XDG_CONFIG_HOME=$fish_home/config XDG_DATA_HOME=$fish_home/data \
  fish -c "complete -C 'mynapin st'") || { rm -rf "$fish_home"; fail "fish did not complete"; }
rm -rf "$fish_home"
printf '%s\n' "$fish_offered" | cut -f1 | grep -qx status || fail "fish completing 'mynapin st' offered: $fish_offered"
say "zsh and fish find their completions"
step_done

# The app: on the PATH, its version without a window, its menu entry valid where the menus
# read it and pointing at what the package installed, its icon in every size.
step "the app, its desktop entry and icon"
app_where=$(command -v mynapin-app) || fail "mynapin-app is not on the PATH"
[ "$app_where" = /usr/bin/mynapin-app ] || fail "mynapin-app on the PATH is $app_where"
app_version=$(mynapin-app --version) || fail "mynapin-app --version exited $?"
[ "$app_version" = "mynapin-app $(sed -n 's/^version = "\(.*\)"/\1/p' app/Cargo.toml | head -1)" ] \
  || fail "mynapin-app --version printed: $app_version"
say "$app_version"
entry=/usr/share/applications/mynapin-app.desktop
[ -s "$entry" ] || fail "$entry is missing"
desktop-file-validate "$entry" || fail "the installed $entry is not valid"
grep -qx 'Exec=mynapin-app' "$entry" || fail "$entry does not run mynapin-app"
grep -qx 'Icon=mynapin-app' "$entry" || fail "$entry does not name the icon mynapin-app"
grep -qx 'Name=マイナンバーカードの暗証番号' "$entry" || fail "$entry has not the Japanese name"
grep -qx 'Name\[en\]=My Number card PINs' "$entry" || fail "$entry has not the English name"
icons=/usr/share/icons/hicolor
grep -q '<svg' "$icons/scalable/apps/mynapin-app.svg" || fail "$icons/scalable/apps/mynapin-app.svg is missing"
for size in 48 128 256; do
  png=$icons/${size}x${size}/apps/mynapin-app.png
  [ -s "$png" ] || fail "$png is missing"
  # A PNG's width and height are the two big-endian 32-bit numbers at byte 16 of its header.
  dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
  [ "$dims" = "${size}x${size}" ] || fail "$png is $dims, not ${size}x${size}"
done
[ -s /usr/share/doc/mynapin/BIZUDPGothic-OFL.txt ] || fail "the font's licence is not in /usr/share/doc/mynapin"
grep -q '^License: OFL-1.1' /usr/share/doc/mynapin/copyright || fail "the copyright file does not name the font's licence"
say "the app, its desktop entry and its icon (scalable, 48, 128, 256 px) are installed"
step_done

# 5. Remove.
step "dpkg -r"
$SUDO dpkg -r mynapin
! installed || fail "mynapin is still installed"
for f in /usr/bin/mynapin /usr/share/man/man1/mynapin.1.gz /usr/share/bash-completion/completions/mynapin \
         /usr/share/doc/mynapin /usr/bin/mynapin-app /usr/share/applications/mynapin-app.desktop \
         /usr/share/icons/hicolor/scalable/apps/mynapin-app.svg /usr/share/icons/hicolor/48x48/apps/mynapin-app.png \
         /usr/share/icons/hicolor/128x128/apps/mynapin-app.png /usr/share/icons/hicolor/256x256/apps/mynapin-app.png; do
  [ ! -e "$f" ] || fail "$f is still there after dpkg -r"
done
$SUDO rm -f "$marker"
step_done

# 6. The crates.
step "cargo package --workspace --exclude mynapin-app --locked"
# cargo verifies each crate against the others through a temporary local registry
# (package/tmp-registry in the target directory) and unpacks them under
# $CARGO_HOME/registry/src/-<hash>/, the hash following that registry's path. An unpacked copy
# that is already there is used as it is, so a CARGO_HOME kept from an earlier run at the same
# path verifies this commit's crates against an earlier commit's sources of the same version
# (seen: mynapin built against an old mynapin-apdu, E0599). Remove our own crates' unpacked
# copies from the local registries (directories starting with '-'; crates.io's are
# index.crates.io-*). cargo also takes a registry crate's build output as final whatever its
# sources (its fingerprint is the name, version and source, not the files), so the build
# output of our own crates is removed from the verification's target directory before it
# runs. What stays there is crates.io's dependencies, which cannot change under a version:
# with CI_PACKAGE_TARGET_DIR kept between runs (CI keeps it in /var/cache/mynapin-ci), they
# are not built again on every push.
cargo_home=${CARGO_HOME:-$HOME/.cargo}
pkg_target=${CI_PACKAGE_TARGET_DIR:-target/ci-package}
command -v jq >/dev/null || fail "jq is missing"
# name and version of every workspace crate, from cargo metadata (JSON, read with jq).
crates=$(cargo metadata --no-deps --format-version 1 --locked \
  | jq -r '.workspace_members as $m | .packages[] | select(.id as $id | $m | index($id)) | "\(.name) \(.version)"') \
  || fail "cargo metadata failed"
[ -n "$crates" ] || fail "cargo metadata: no workspace crates found"
rm -rf "$pkg_target/package"
while read -r name version; do
  for d in "$cargo_home"/registry/src/-*/"$name-$version"; do
    [ -d "$d" ] || continue
    say "removing a stale unpacked copy: $d"
    rm -rf -- "$d"
  done
  # Build output is named after the crate: <name>-<hash> in .fingerprint/ and build/, the
  # library's file name (dashes as underscores) in deps/ and incremental/.
  lib=${name//-/_}
  for profile in "$pkg_target"/debug "$pkg_target"/release; do
    [ -d "$profile" ] || continue
    rm -rf -- "$profile/.fingerprint/$name"-* "$profile/build/$name"-* \
      "$profile/deps/lib$lib"-* "$profile/deps/lib$lib".* "$profile/deps/$lib"-* \
      "$profile/incremental/$lib"-*
  done
done <<<"$crates"
# Not the app: it is never published (publish = false; it ships in the .deb, the .zip and the
# .msi, which this script and the Windows build check), and verifying it would build egui,
# winit and wgpu once more in a folder of their own (961 s from empty, measured here) for a
# check that says nothing the clippy, test and package builds do not.
CARGO_TARGET_DIR=$pkg_target nice -n 10 timeout 1800 cargo package --workspace --exclude mynapin-app --locked
step_done
say "ok: $deb"
