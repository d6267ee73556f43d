#!/usr/bin/env python3
"""Writes the Fashion-MNIST subset the benchmarks bundle: fashion-4000.bin.gz next to BenchmarkData.

Source: Zalando's Fashion-MNIST (MIT licence), as Debian's package dataset-fashion-mnist installs it
(/usr/share/datasets/fashion-mnist). The first 3000 training and the first 1000 test images, each
downsampled from 28x28 to 14x14 by averaging 2x2 blocks (rounded to 0..255). Format: for every image,
one label byte (0..9) then 196 pixel bytes, row by row; training images first.

    python3 fashion_subset.py [/usr/share/datasets/fashion-mnist]
"""
import gzip
import os
import struct
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "io", "github", "dl4jlr",
                   "examples", "data", "fashion-4000.bin.gz")


def read(prefix, count):
    with gzip.open(os.path.join(SRC, prefix + "-images-idx3-ubyte.gz")) as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        assert magic == 2051 and rows == 28 and cols == 28
        images = f.read(count * 784)
    with gzip.open(os.path.join(SRC, prefix + "-labels-idx1-ubyte.gz")) as f:
        magic, n = struct.unpack(">II", f.read(8))
        assert magic == 2049
        labels = f.read(count)
    out = bytearray()
    for i in range(count):
        img = images[i * 784:(i + 1) * 784]
        out.append(labels[i])
        for r in range(14):
            for c in range(14):
                s = img[(2 * r) * 28 + 2 * c] + img[(2 * r) * 28 + 2 * c + 1] \
                    + img[(2 * r + 1) * 28 + 2 * c] + img[(2 * r + 1) * 28 + 2 * c + 1]
                out.append((s + 2) // 4)
    return bytes(out)


data = read("train", 3000) + read("t10k", 1000)
with gzip.GzipFile(OUT, "wb", mtime=0) as f:
    f.write(data)
print(OUT, len(data), "bytes before compression")
