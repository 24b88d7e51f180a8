#!/usr/bin/env bash
# Generates the simulated card's face photo, sim/fixtures/images/photo.jp2: a 32×40 greyscale TEST
# pattern (our own, written below as a PGM), compressed to JPEG 2000 (JP2) by openjpeg's
# opj_compress (Debian: libopenjp2-tools). A real card holds its photo as JPEG 2000; no real
# face, no other project's bytes. Run: bash tools/testimages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
w=32 h=40
{
    printf 'P5\n%d %d\n255\n' "$w" "$h"
    for ((y = 0; y < h; y++)); do
        for ((x = 0; x < w; x++)); do
            # A frame and a diagonal cross: plainly a test image.
            if ((x < 2 || y < 2 || x >= w - 2 || y >= h - 2 || x * h == y * w || (w - 1 - x) * h == y * w)); then
                printf '\x20'
            else
                printf '\xE0'
            fi
        done
    done
} >"$tmp/photo.pgm"
opj_compress -i "$tmp/photo.pgm" -o "$tmp/photo.jp2" -r 8 >/dev/null
cp "$tmp/photo.jp2" sim/fixtures/images/photo.jp2
echo "tools/testimages.sh: wrote sim/fixtures/images/photo.jp2 ($(wc -c <sim/fixtures/images/photo.jp2) bytes)"
