#!/usr/bin/env python3
"""Extracts the example images shown next to the built-in Fashion-MNIST model's classes.

Takes the first N images of each class, in file order, from the Fashion-MNIST *test* set
(t10k-images-idx3-ubyte.gz + t10k-labels-idx1-ubyte.gz, as installed by Debian's
`dataset-fashion-mnist` in /usr/share/datasets/fashion-mnist) and writes them unchanged
(28x28, 8-bit gray) as OUT/<class index>/t10k-<image index>.png. Deterministic: the same
files give the same PNGs, byte for byte. Python standard library only.

    python3 assets/tools/extract_fmnist_examples.py \
        /usr/share/datasets/fashion-mnist assets/models/fmnist-cnn/examples 5
"""
import gzip
import os
import struct
import sys
import zlib


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return shape, data[4 + 4 * dims:]


def png_gray(width, height, pixels):
    def chunk(kind, body):
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    raw = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit gray
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main(src, out, per_class):
    (n, h, w), images = read_idx(os.path.join(src, "t10k-images-idx3-ubyte.gz"))
    (m,), labels = read_idx(os.path.join(src, "t10k-labels-idx1-ubyte.gz"))
    assert n == m, "image and label counts differ"
    taken = {}
    for i in range(n):
        label = labels[i]
        if taken.get(label, 0) >= per_class:
            continue
        taken[label] = taken.get(label, 0) + 1
        folder = os.path.join(out, str(label))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "t10k-%05d.png" % i), "wb") as f:
            f.write(png_gray(w, h, images[i * h * w:(i + 1) * h * w]))
        print("class %d: test image %d" % (label, i))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: extract_fmnist_examples.py FASHION_MNIST_DIR OUT_DIR PER_CLASS")
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
