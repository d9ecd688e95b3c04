#!/usr/bin/python3
"""Build the digits ImageFolder sample data set.

Source: UCI "Optical Recognition of Handwritten Digits" (Alpaydin & Kaynak, 1998),
copy shipped in Debian's python3-sklearn as sklearn/datasets/data/digits.csv.gz.

Writes train/<d>/<index>.png and test/<d>/<index>.png next to this script
(8x8, 8-bit grayscale, values 0..16 scaled to 0..255), using a deterministic
stratified 80/20 split per class (numpy RandomState(42)). <index> is the
zero-padded 0-based row index in digits.csv.gz. Idempotent: train/ and test/
are deleted and rewritten on every run.

Run with: /usr/bin/python3 sample-data/digits/make_digits.py
"""
import gzip
import os
import shutil

import numpy as np
from PIL import Image

SRC_CANDIDATES = [
    "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz",
]
SEED = 42
TEST_FRACTION = 0.2
HERE = os.path.dirname(os.path.abspath(__file__))


def find_source():
    for p in SRC_CANDIDATES:
        if os.path.isfile(p):
            return p
    import sklearn.datasets  # fall back to wherever sklearn is installed
    p = os.path.join(os.path.dirname(sklearn.datasets.__file__), "data", "digits.csv.gz")
    if os.path.isfile(p):
        return p
    raise SystemExit("digits.csv.gz not found (install python3-sklearn)")


def main():
    src = find_source()
    with gzip.open(src, "rt") as f:
        data = np.loadtxt(f, delimiter=",", dtype=np.int64)
    assert data.shape == (1797, 65), data.shape
    pixels, labels = data[:, :64], data[:, 64]
    assert pixels.min() >= 0 and pixels.max() <= 16

    # 0..16 -> 0..255, rounded half up
    img8 = ((pixels * 255 + 8) // 16).astype(np.uint8).reshape(-1, 8, 8)

    rng = np.random.RandomState(SEED)
    split = {}
    for d in range(10):
        idx = np.flatnonzero(labels == d)  # ascending
        perm = rng.permutation(idx)
        n_test = int(round(len(idx) * TEST_FRACTION))
        for i in perm[:n_test]:
            split[int(i)] = "test"
        for i in perm[n_test:]:
            split[int(i)] = "train"

    for part in ("train", "test"):
        shutil.rmtree(os.path.join(HERE, part), ignore_errors=True)
        for d in range(10):
            os.makedirs(os.path.join(HERE, part, str(d)))

    counts = {"train": [0] * 10, "test": [0] * 10}
    for i in range(len(labels)):
        d = int(labels[i])
        part = split[i]
        path = os.path.join(HERE, part, str(d), "%04d.png" % i)
        Image.fromarray(img8[i], mode="L").save(path, format="PNG", optimize=False)
        counts[part][d] += 1

    for part in ("train", "test"):
        print(part, sum(counts[part]), " ".join("%d:%d" % (d, c) for d, c in enumerate(counts[part])))


if __name__ == "__main__":
    main()
