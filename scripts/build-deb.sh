#!/usr/bin/env bash
# Builds the Debian package target/debian/mynapin_VERSION-1_ARCH.deb with dpkg-deb.
#
#   bash scripts/build-deb.sh              # cargo build --release --locked, then the package
#   bash scripts/build-deb.sh --no-build   # package the release binary already built
#
# The package holds /usr/bin/mynapin (stripped), the man pages and the bash/zsh/fish completions
# (all generated here by running that binary: `mynapin manpage --dir`, `mynapin completions`;
# nothing generated is kept in the repository), the README and a machine-readable copyright
# file in /usr/share/doc/mynapin/. Depends: the shared libraries the binaries link, as
# dpkg-shlibdeps (dpkg-dev) reads them (libc6, libgcc-s1, libpcsclite1); Recommends: pcscd.
#
# And the resident's app (issue 22): /usr/bin/mynapin-app (stripped), its desktop entry
# /usr/share/applications/mynapin-app.desktop and its icon in the hicolor theme (the SVG, and
# 48/128/256 px PNGs rendered from it here with rsvg-convert, librsvg2-bin: the SVG stays the
# one source, so the sizes cannot drift from it and no binary picture is kept in the
# repository), both from app/assets/, and the licence of the font it embeds (BIZ UD PGothic,
# SIL OFL 1.1) as /usr/share/doc/mynapin/BIZUDPGothic-OFL.txt and in the copyright file.
# The menus and the icon cache are updated by the triggers of desktop-file-utils and
# hicolor-icon-theme: no maintainer script.
#
# The app links no graphics library: winit and glutin open them with dlopen when it starts
# (dpkg-shlibdeps cannot see them). Which, read from the crates' sources and the strings of the
# binary (`strings … | grep '\.so'`): libEGL.so.1 (eframe asks glutin for EGL first; libGL.so.1
# for GLX is its fallback on X11), libxkbcommon.so.0 (the keyboard, on X11 and Wayland), on X11
# libX11, libX11-xcb, libXcursor, libXi (all four opened by winit at start), libxcb and
# libxkbcommon-x11, on Wayland libwayland-client and libwayland-egl (winit takes Wayland
# whenever WAYLAND_DISPLAY is set, and does not fall back to X11). Not libXrandr: winit 0.30
# speaks RandR through x11rb. Mesa's drivers come with libegl1 (it depends on libegl-mesa0). They are Recommends, not Depends: the same package carries the command line tool,
# which needs none of them and must stay installable on a machine without a display; every
# desktop has them already, and apt installs Recommends by default. Without them the app
# exits at start with winit's or glutin's error, the command line is unaffected.
#
# Why not cargo-deb: `cargo install cargo-deb --locked` took 3 min 24 s on this 2-core machine,
# to be paid again on every fresh CI machine; dpkg-deb is already there (it is dpkg).
#
# DEB_MAINTAINER overrides the Maintainer field; DEB_REVISION the Debian revision (default 1).
# The archive's timestamps come from SOURCE_DATE_EPOCH (default: the commit's date, else now).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'build-deb: %s\n' "$*" >&2; }
umask 022

build=1
case "${1:-}" in
  --no-build) build="" ;;
  "") ;;
  *) say "usage: bash scripts/build-deb.sh [--no-build]"; exit 2 ;;
esac

if [ -n "$build" ]; then
  say "cargo build --release --locked"
  nice -n 10 timeout 1800 cargo build --release --locked -p mynapin --bin mynapin \
    -p mynapin-app --bin mynapin-app
fi
bin=${CARGO_TARGET_DIR:-target}/release/mynapin
app=${CARGO_TARGET_DIR:-target}/release/mynapin-app
for b in "$bin" "$app"; do
  [ -x "$b" ] || { say "no $b: run without --no-build"; exit 1; }
done

for tool in dpkg-deb gzip install rsvg-convert; do
  command -v "$tool" >/dev/null || { say "$tool is missing (apt-get install dpkg gzip coreutils librsvg2-bin)"; exit 1; }
done

# Version: the binary's own ("mynapin 0.1.0 (git …)"); a Cargo pre-release "-rc.1" sorts
# before the release in Debian only as "~rc.1".
upstream=$("$bin" --version | awk '{print $2}')
[ -n "$upstream" ] || { say "cannot read the version from $bin --version"; exit 1; }
version="${upstream//-/\~}-${DEB_REVISION:-1}"
arch=$(dpkg --print-architecture)
maintainer="${DEB_MAINTAINER:-the mynapin developers <maintainers@mynapin.invalid>}"
homepage="https://github.com/mynapin/mynapin"
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
fi
export SOURCE_DATE_EPOCH

work="target/debian/work"
root="$work/debian/mynapin" # dpkg-shlibdeps expects the package tree under debian/<package>/
rm -rf "$work"
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/man/man1" \
  "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
  "$root/usr/share/fish/vendor_completions.d" "$root/usr/share/doc/mynapin" \
  "$root/usr/share/applications" "$root/usr/share/icons/hicolor/scalable/apps"

# The binaries, stripped (Debian policy) when strip is there.
for b in "$bin" "$app"; do
  if command -v strip >/dev/null; then
    strip --strip-unneeded --remove-section=.comment -o "$root/usr/bin/$(basename "$b")" "$b"
    chmod 0755 "$root/usr/bin/$(basename "$b")"
  else
    say "strip is missing (binutils): $(basename "$b") keeps its symbols"
    install -m 0755 "$b" "$root/usr/bin/$(basename "$b")"
  fi
done

# The app's menu entry and icon. The PNGs are rendered from the SVG (see the top).
install -m 0644 app/assets/mynapin-app.desktop "$root/usr/share/applications/mynapin-app.desktop"
install -m 0644 app/assets/mynapin-app.svg "$root/usr/share/icons/hicolor/scalable/apps/mynapin-app.svg"
for size in 48 128 256; do
  mkdir -p "$root/usr/share/icons/hicolor/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" -o "$root/usr/share/icons/hicolor/${size}x${size}/apps/mynapin-app.png" \
    app/assets/mynapin-app.svg
done

# Man pages: mynapin.1 and one page per subcommand (mynapin.1 refers to them), gzipped
# without a name or a timestamp in the gzip header.
pages="$work/man"
mkdir -p "$pages"
"$bin" manpage --dir "$pages"
[ -s "$pages/mynapin.1" ] || { say "mynapin manpage wrote no mynapin.1"; exit 1; }
for page in "$pages"/*.1; do
  gzip -9n -c "$page" >"$root/usr/share/man/man1/$(basename "$page").gz"
done

# Completions, where Debian's bash-completion, zsh and fish look for them.
"$bin" completions bash >"$root/usr/share/bash-completion/completions/mynapin"
"$bin" completions zsh >"$root/usr/share/zsh/vendor-completions/_mynapin"
"$bin" completions fish >"$root/usr/share/fish/vendor_completions.d/mynapin.fish"

# Documentation: README, copyright (DEP-5), a changelog as policy asks.
doc="$root/usr/share/doc/mynapin"
install -m 0644 README.md "$doc/README.md"
# The OFL asks that its text go with the font, which the app carries inside its binary.
install -m 0644 app/fonts/OFL.txt "$doc/BIZUDPGothic-OFL.txt"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: mynapin"
  echo "Source: $homepage"
  echo
  echo "Files: *"
  echo "Copyright: the mynapin developers"
  echo "License: MIT or Apache-2.0"
  echo
  echo "Files: app/fonts/*"
  echo "Comment: BIZ UD PGothic, embedded in /usr/bin/mynapin-app"
  echo "Copyright: $(head -1 app/fonts/OFL.txt | sed 's/^Copyright //')"
  echo "License: OFL-1.1"
  echo
  echo "License: MIT"
  # The license text, as a DEP-5 paragraph: one space in front, "." for an empty line.
  sed -e 's/^$/./' -e 's/^/ /' LICENSE-MIT
  echo
  echo "License: Apache-2.0"
  echo " On Debian systems, the full text of the Apache License, Version 2.0, is in"
  echo " /usr/share/common-licenses/Apache-2.0."
  echo
  echo "License: OFL-1.1"
  sed -e '1,/^SIL OPEN FONT LICENSE/{/^SIL OPEN FONT LICENSE/!d}' -e 's/\r$//' -e 's/[[:space:]]*$//' \
    -e 's/^$/./' -e 's/^/ /' app/fonts/OFL.txt
} >"$doc/copyright"
{
  echo "mynapin ($version) unstable; urgency=medium"
  echo
  echo "  * Built by scripts/build-deb.sh from mynapin $("$bin" --version | cut -d' ' -f2-)."
  echo
  echo " -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n >"$doc/changelog.Debian.gz"

# Every file 0644 and directory 0755, but the binary.
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f ! -path "$root/usr/bin/*" -exec chmod 0644 {} +

# Depends, from the libraries the binary links.
depends="libc6, libgcc-s1, libpcsclite1"
if command -v dpkg-shlibdeps >/dev/null; then
  printf 'Source: mynapin\n\nPackage: mynapin\nArchitecture: any\n' >"$work/debian/control"
  # (Its warning "binaries to analyze should already be installed in their package's
  # directory" is spurious here: the binary is in debian/mynapin/, beside DEBIAN/.)
  shlibs=$(cd "$work" && dpkg-shlibdeps -O -e debian/mynapin/usr/bin/mynapin \
    -e debian/mynapin/usr/bin/mynapin-app 2>shlibdeps.err) \
    || { cat "$work/shlibdeps.err" >&2; say "dpkg-shlibdeps failed"; exit 1; }
  grep -v "should already be installed in their package's directory" "$work/shlibdeps.err" >&2 || true
  depends="${shlibs#shlibs:Depends=}"
else
  say "dpkg-shlibdeps is missing (apt-get install dpkg-dev): Depends without versions: $depends"
fi
case "$depends" in
  *libpcsclite1*) ;;
  *) say "the binary does not link libpcsclite.so.1 (Depends: $depends)"; exit 1 ;;
esac

# What the app opens with dlopen to show its window (see the top): a display server's client
# libraries and the GL loader, present on every desktop.
app_recommends="libegl1, libgl1, libxkbcommon0, libx11-6, libx11-xcb1, libxcursor1, libxi6, libxcb1, libxkbcommon-x11-0, libwayland-client0, libwayland-egl1"

description=$(sed -n 's/^description = "\(.*\)"$/\1/p' Cargo.toml | head -1)
installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<EOF
Package: mynapin
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_size
Depends: $depends
Recommends: pcscd, $app_recommends
Section: utils
Priority: optional
Homepage: $homepage
Description: $description
 mynapin checks how many tries each of the four PINs of a Japanese My Number
 card has left, verifies and changes them through any PC/SC reader, and never
 spends a try by its own fault: PINs are checked before anything is sent, the
 retry counter is read before every VERIFY, and the last try is refused unless
 asked for. For a blocked PIN it says where to reset it (convenience-store
 kiosk or city office) and which documents to bring. A simulated card is built
 in (mynapin --sim status). pcscd and a CCID reader driver are needed for a
 real reader.
 .
 mynapin-app is the same for residents in a window, Japanese first, started
 from the desktop's menu as 「マイナンバーカードの暗証番号」 (My Number card PINs).
EOF
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

deb="target/debian/mynapin_${version}_${arch}.deb"
rm -f "$deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
say "built $deb ($(du -k "$deb" | cut -f1) KiB): Depends: $depends"
echo "$deb"
