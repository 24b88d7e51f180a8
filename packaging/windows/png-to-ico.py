#!/usr/bin/env python3
"""Packs square PNG files into one Windows .ico, each image stored as PNG (Windows Vista and
later read PNG entries at every size), for the Start-menu shortcut of mynapin-app.

    python3 packaging/windows/png-to-ico.py OUT.ico 16.png 32.png 48.png 256.png

The PNGs are rendered from app/assets/mynapin-app.svg by scripts/build-windows.sh, so the
icon has one source. Exits 1 on a file that is not a square PNG of 1 to 256 pixels.
"""
import struct
import sys


def size_of(png, name):
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        sys.exit(f"png-to-ico: {name} is not a PNG")
    width, height = struct.unpack(">II", png[16:24])
    if width != height or not 1 <= width <= 256:
        sys.exit(f"png-to-ico: {name} is {width}x{height}, not square and at most 256 px")
    return width


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: png-to-ico.py OUT.ico PNG...")
    images = []
    for name in sys.argv[2:]:
        with open(name, "rb") as f:
            png = f.read()
        images.append((size_of(png, name), png))
    # ICONDIR, then one ICONDIRENTRY (16 bytes) per image, then the images. A size of 256 is
    # written as 0; planes 1 and 32 bits a pixel, as Windows writes them for PNG entries.
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, png in images:
        out += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    out += b"".join(png for _, png in images)
    with open(sys.argv[1], "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
