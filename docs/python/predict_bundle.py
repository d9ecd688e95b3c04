#!/usr/bin/python3
"""Apply a Reprogram Workbench bundle with PyTorch, without the workbench.

A bundle (java -jar target/reprogram-workbench.jar export RUN_DIR --out FILE.zip) of a run whose
source model is TorchScript holds that model (model/NAME.pt), the learned program and label
mapping as plain arrays (interop/*.npy) and bundle.json, which gives the canvas placement and the
formulas. This script reproduces the workbench's own preprocessing (decoding to [0, 1], channel
conversion, box-halving + bilinear resize, placement on a zero canvas), applies the program
by the formula the bundle states (pad, full: additive; scale: zoom; smm: masked), the source model
and the mapping (linear form, or bar's averaged probabilities), and prints per image the target
class, its probability and the source class. For a run on a vision-language (CLIP-style) source the
source logits are the bundle's formula (interop.source): logit_scale x cosine of the image method's
embedding of the programmed canvas with the run's prompt embeddings (interop/prompt_embeddings.npy,
saved by the run; no text is encoded here), and the source classes are the prompts. Its outputs are the expected values of
BundleInteropTest (src/test/resources/fixtures/bundle/make_bundle_fixtures.sh).

Needs numpy, Pillow and torch (Debian: python3-numpy python3-pil python3-torch).
Usage: /usr/bin/python3 docs/python/predict_bundle.py BUNDLE.zip IMAGE... [--json]
"""
import argparse
import hashlib
import io
import json
import sys
import zipfile

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

F32 = np.float32
MAX_SIDE = 512  # DataMemory.MAX_SIDE: larger images are box-halved and rounded to 8 bits at load


class Bundle:
    """bundle.json, the arrays and the TorchScript model of a bundle, checked against SHA256SUMS."""

    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        for line in self.zip.read("SHA256SUMS").decode().splitlines():
            digest, name = line.split("  ", 1)
            if hashlib.sha256(self.zip.read(name)).hexdigest() != digest:
                sys.exit(f"error: {path}: {name} does not match its SHA-256 checksum")
        self.meta = json.loads(self.zip.read("bundle.json"))
        if self.meta["interop"].get("unavailable"):
            sys.exit(f"error: {path}: no plain-array form to apply outside the workbench: "
                     f"{self.meta['interop']['unavailable']}")
        src = self.meta["source"]
        if src["kind"] not in ("torchscript", "vision-language"):
            sys.exit(f"error: {path}: the source model is the workbench's built-in DJL model, not TorchScript")
        self.model = torch.jit.load(io.BytesIO(self.zip.read(src["files"][0]))).eval()
        self.source = None  # a classifier: the source logits are the model's forward
        if self.meta["interop"].get("source"):
            sidecar = json.loads(self.zip.read(src["files"][1]))
            self.image_method = sidecar.get("imageMethod", "encode_image")
            if self.meta["interop"]["source"] != vlm_formula(self.image_method):
                sys.exit(f"error: {path}: the source logits follow a formula this script does not know: "
                         f"{self.meta['interop']['source']}")
            self.source = getattr(self.model, self.image_method)
        c = src["inputShape"][0]
        self.mean = torch.tensor(src["mean"]).view(1, c, 1, 1) if src.get("mean") else None
        self.std = torch.tensor(src["std"]).view(1, c, 1, 1) if src.get("std") else None

    def array(self, name):
        return torch.from_numpy(np.load(io.BytesIO(self.zip.read(self.meta["interop"]["arrays"][name]))))

    def normalise(self, x):
        return x if self.mean is None else (x - self.mean) / self.std


def decode(path):
    """CHW float32 in [0, 1], 1 channel for gray files, 3 otherwise (as ImageDecoder)."""
    img = Image.open(path)
    if img.mode in ("L", "LA", "I;16", "I;16B", "I;16L"):
        bits = 16 if img.mode.startswith("I;16") else 8
        g = np.asarray(img.getchannel(0) if img.mode == "LA" else img, dtype=np.uint32).astype(F32)
        return (g / F32((1 << bits) - 1))[None]
    rgba = np.asarray(img.convert("RGBA"), dtype=np.uint8).astype(F32)
    alpha = rgba[..., 3] / F32(255)  # transparent pixels composite onto black
    return np.stack([rgba[..., k] / F32(255) * alpha for k in range(3)])


def halve(a):
    c, h, w = a.shape
    h, w = h // 2, w // 2
    t = a[:, :2 * h, :2 * w]
    return F32(0.25) * (((t[:, 0::2, 0::2] + t[:, 0::2, 1::2]) + t[:, 1::2, 0::2]) + t[:, 1::2, 1::2])


def bounded(a):
    if max(a.shape[1:]) <= MAX_SIDE:
        return a
    while max(a.shape[1:]) > MAX_SIDE and min(a.shape[1:]) >= 2:
        a = halve(a)
    return (np.floor(np.clip(a, 0, 1) * F32(255) + F32(0.5)) / F32(255)).astype(F32)


def resize(a, h, w):
    """RasterImage.resize: box-halving while the image is at least twice as large, then bilinear."""
    while a.shape[1] >= 2 * h and a.shape[2] >= 2 * w:
        a = halve(a)
    sh, sw = a.shape[1:]
    if (sh, sw) == (h, w):
        return a

    def axis(n_out, n_in):
        f = np.maximum(F32(0), (np.arange(n_out, dtype=F32) + F32(0.5)) * (F32(n_in) / F32(n_out)) - F32(0.5))
        i0 = np.minimum(f.astype(np.int64), n_in - 1)
        return i0, np.minimum(i0 + 1, n_in - 1), (f - i0.astype(F32)).astype(F32)

    y0, y1, wy = axis(h, sh)
    x0, x1, wx = axis(w, sw)
    wy, wx = wy[:, None], wx[None, :]
    g = lambda ys, xs: a[:, ys[:, None], xs[None, :]]
    return ((g(y0, x0) * (1 - wx) + g(y0, x1) * wx) * (1 - wy) + (g(y1, x0) * (1 - wx) + g(y1, x1) * wx) * wy)


def canvas(path, p):
    """The image placed in the window of a zero canvas (Placement.place)."""
    a = bounded(decode(path))
    if a.shape[0] > p["channels"]:  # colour to luminance for a gray source
        a = (F32(0.299) * a[0] + F32(0.587) * a[1] + F32(0.114) * a[2])[None]
    a = resize(a, p["innerHeight"], p["innerWidth"])
    x = np.zeros((p["channels"], p["height"], p["width"]), dtype=F32)
    x[:, p["top"]:p["top"] + p["innerHeight"], p["left"]:p["left"] + p["innerWidth"]] = a  # gray repeats
    return torch.from_numpy(x)


def zoom(side, s):
    """R[i][j] = max(0, 1 - |(i - c) / s + c - j|): the scale program's bilinear zoom about the centre."""
    i = torch.arange(side, dtype=torch.float32)
    c = (side - 1) / 2
    return (1 - ((i - c) / s + c).unsqueeze(1).sub(i.unsqueeze(0)).abs()).clamp(min=0)


def mask_net(b, x):
    h = x
    for i in range(5):
        h = F.conv2d(h, b.array(f"mask_net.conv{i}.weight"), b.array(f"mask_net.conv{i}.bias"), padding=1)
        if i < 4:
            h = F.relu(F.batch_norm(h, b.array(f"mask_net.bn{i}.running_mean"), b.array(f"mask_net.bn{i}.running_var"),
                                    b.array(f"mask_net.bn{i}.weight"), b.array(f"mask_net.bn{i}.bias"), False, 0.1, 1e-5))
        if i < 3:
            h = F.max_pool2d(h, 2)
    return h


# The formulas of bundle.json (interop.program, interop.mapping) this script knows, as each program
# and mapping states its own (InputProgram.interop(), LabelMapping.interop()): any program or mapping
# that exports one of these forms is applied here, whatever its id.
ADDITIVE = "x' = x + delta"
ZOOM = ("x' = R(scale, H) @ x @ R(scale, W)^T + delta, R[i][j] = max(0, 1 - |(i - c) / scale + c - j|),"
        " c = (side - 1) / 2")
MASKED = ("x' = x + delta * up8(mask_net((x - mean) / std)) * std; mask_net: conv0..conv4 3x3 padding 1,"
          " bn_i (eps 1e-5, running statistics) + ReLU after conv0..conv3, 2x2 max-pool after conv0..conv2;"
          " up8: nearest x8")
LINEAR = "target = logits @ mapping_weights + mapping_bias"
AVERAGED = "target = log(softmax(logits) @ mapping_weights + 1e-12)"


def vlm_formula(image_method):
    """InteropArrays.sourceFormula: a vision-language source's logits on x'."""
    return (f"logits = logit_scale * normalize(model.{image_method}((x' - mean) / std)) @ prompt_embeddings.T,"
            " normalize(v) = v / max(||v||_2, 1e-12) per row")


def source_logits(b, x):
    """The source logits of programmed canvases x (the model's forward, or bundle.json interop.source)."""
    if b.source is None:
        return b.model(b.normalise(x))
    e = b.source(b.normalise(x))
    e = e / e.norm(dim=1, keepdim=True).clamp(min=1e-12)
    return b.array("logit_scale")[0] * (e @ b.array("prompt_embeddings").T)


def program(b, x):
    """x' for canvases x [N, C, H, W] (bundle.json interop.program)."""
    formula = b.meta["interop"]["program"]
    delta = b.array("delta")
    if formula == ADDITIVE:
        return x + delta
    if formula == ZOOM:
        s = b.array("scale")[0]
        return zoom(x.shape[2], s) @ x @ zoom(x.shape[3], s).T + delta
    if formula == MASKED:
        mask = mask_net(b, b.normalise(x)).repeat_interleave(8, 2).repeat_interleave(8, 3)
        return x + delta * mask * (b.std.view(1, -1, 1, 1) if b.std is not None else 1)
    sys.exit(f"error: program '{b.meta['program']}' exports a formula this script does not know: {formula}")


def mapping(b, logits):
    """Target logits (bundle.json interop.mapping)."""
    formula = b.meta["interop"]["mapping"]
    w, bias = b.array("mapping_weights"), b.array("mapping_bias")
    if formula == AVERAGED:
        return torch.log(logits.softmax(1) @ w + 1e-12)
    if formula == LINEAR:
        return logits @ w + bias
    sys.exit(f"error: mapping '{b.meta['mapping']}' exports a formula this script does not know: {formula}")


def predict(bundle_path, images):
    b = Bundle(bundle_path)
    x = torch.stack([canvas(f, b.meta["placement"]) for f in images])
    with torch.no_grad():
        logits = source_logits(b, program(b, x))
        target = mapping(b, logits)
    out = []
    for f, t, s in zip(images, target.softmax(1), logits.softmax(1)):
        k, ks = int(t.argmax()), int(s.argmax())
        out.append({"file": f, "target": k, "targetName": b.meta["targetClasses"][k], "probabilities": t.tolist(),
                    "source": ks, "sourceName": b.meta["sourceClasses"][ks], "sourceProbability": float(s[ks])})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundle")
    ap.add_argument("images", nargs="+")
    ap.add_argument("--json", action="store_true", help="print the predictions as JSON")
    a = ap.parse_args()
    torch.set_num_threads(1)
    results = predict(a.bundle, a.images)
    if a.json:
        print(json.dumps({"torchVersion": torch.__version__, "predictions": results}, indent=1))
    else:
        for r in results:
            print(f"{r['file']}  {r['targetName']} ({r['probabilities'][r['target']]:.3f})  "
                  f"source: {r['sourceName']} (#{r['source']}, {r['sourceProbability']:.3f})")


if __name__ == "__main__":
    main()
