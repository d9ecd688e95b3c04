#!/usr/bin/env python3
"""PyTorch reference of the workbench's white-box reprogramming step, for comparing speed
with `java -jar target/reprogram-workbench.jar bench`.

One step, as WhiteBoxTrainer / ReprogrammingTrainer / AdamOptimizer do it (program `pad`, a fixed
one-to-one hard label mapping, cross-entropy):

    x       = canvases[batch indices]                 (copy of pre-placed canvases, as Tensors.batch)
    x'      = x + act(W) * M * g                      (MaskedDeltaProgram: act = tanh by default,
                                                       M = 1 outside the target window, g = ones)
    z       = (x' - mean) / std                       (AbstractSourceModel / Normalization, card's mean/std)
    logits  = f(z)                                    (frozen source, inference mode, grads reach x')
    target  = logits @ Omega                          (HardLabelMapping: Omega[s][t] = 1 for s = m[t])
    loss    = mean(-log_softmax(target)[i, y_i])      (Losses.crossEntropy)
    backward; loss.item(); argmax -> correct count    (as the Java step reads both back)
    Adam: finite check of the gradient, then DJL's fused adamUpdate (mean/variance in place,
          W -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)), gradient zeroed.

Only W (C x H x W, zero-initialised) requires a gradient; the model's parameters are frozen and
the model is in eval mode (BatchNorm uses running statistics).

Timing: `--warmup` untimed steps, then `--repeats` repeats of `--steps` steps each. Per repeat
img/s = steps * batch / elapsed (time.perf_counter around the whole repeat); every step is also
timed on its own. Reported: median img/s over the repeats and the median step time over all timed
steps. A timed step includes the batch gather (indices -> canvases and labels), forward, backward,
reading back loss and predictions, and the Adam update.

Usage:
    python3 reference_loop.py --source builtin --batch-size 64 --steps 20 --threads 2 --json
    python3 reference_loop.py --source /tmp/resnet32.pt --target sample-data/digits --json
"""

import argparse
import json
import math
import os
import random
import resource
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
BUILTIN_CARD = os.path.join(REPO, "assets", "models", "fmnist-cnn", "model.json")

# TrainConfig.defaults: lr 0.01, frame tanh, inner size 0 (= half the canvas side), seed 0
DEFAULT_LR = 0.01
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8  # AdamOptimizer
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif")


# ----------------------------------------------------------------------------- source models

class FashionCnn(nn.Sequential):
    """core/model/FashionCnn.java rebuilt: 3 x [conv3x3 pad 1 (16/32/64) + BatchNorm + ReLU +
    maxpool 2/2], flatten, FC 128 + ReLU, FC classes. DJL semantics: Conv2d has a bias, stride 1;
    BatchNorm eps 1e-5 (DJL default) in inference mode; Pool.maxPool2dBlock(2, 2) has no padding
    (floor); batchFlatten = reshape(B, -1); Linear has a bias."""

    def __init__(self, channels, height, width, classes):
        layers = []
        c = channels
        for out in (16, 32, 64):
            layers += [nn.Conv2d(c, out, 3, stride=1, padding=1, bias=True),
                       nn.BatchNorm2d(out, eps=1e-5),
                       nn.ReLU(),
                       nn.MaxPool2d(2, 2)]
            c = out
        flat = 64 * (height // 8) * (width // 8)
        layers += [nn.Flatten(), nn.Linear(flat, 128), nn.ReLU(), nn.Linear(128, classes)]
        super().__init__(*layers)


def builtin_card():
    if os.path.isfile(BUILTIN_CARD):
        with open(BUILTIN_CARD) as f:
            return json.load(f)
    # the shipped card's values (assets/models/fmnist-cnn/model.json)
    return {"name": "fmnist-cnn", "inputShape": [1, 32, 32], "classNames": [str(i) for i in range(10)],
            "mean": [0.27306667], "std": [0.3484689]}


def load_source(spec, seed):
    """Returns (module, card). Weights are frozen, module in eval mode."""
    if spec == "builtin" or spec.startswith("builtin:"):
        card = builtin_card()
        c, h, w = card["inputShape"]
        torch.manual_seed(seed)
        model = FashionCnn(c, h, w, len(card["classNames"]))
        # random weights (speed does not depend on them); non-trivial BatchNorm statistics
        with torch.no_grad():
            for m in model.modules():
                if isinstance(m, nn.BatchNorm2d):
                    m.running_mean.uniform_(-0.1, 0.1)
                    m.running_var.uniform_(0.5, 1.5)
                    m.weight.uniform_(0.5, 1.5)
                    m.bias.uniform_(-0.1, 0.1)
        origin = "builtin:" + card.get("name", "fmnist-cnn") + " (architecture only, random weights)"
    else:
        sidecar = spec + ".json"
        if not os.path.isfile(spec):
            sys.exit(f"{spec}: model file not found")
        if not os.path.isfile(sidecar):
            sys.exit(f"{sidecar}: sidecar file is missing (inputShape, classNames, mean, std)")
        with open(sidecar) as f:
            card = json.load(f)
        model = torch.jit.load(spec, map_location="cpu")
        origin = spec
    for p in model.parameters():
        p.requires_grad_(False)
    model.eval()
    return model, card, origin


# ----------------------------------------------------------------------------- data

def resize_like_java(img, h, w):
    """RasterImage.resize: halve (2x2 box average) while the source is at least twice the target
    in both sides, then bilinear with half-pixel centres (edge-clamped). IMG: float32 [C, H, W]."""
    c, sh, sw = img.shape
    if (sh, sw) == (h, w):
        return img
    while sh >= 2 * h and sw >= 2 * w:
        nh, nw = sh // 2, sw // 2
        img = img[:, :2 * nh, :2 * nw]
        img = 0.25 * (img[:, 0::2, 0::2] + img[:, 0::2, 1::2] + img[:, 1::2, 0::2] + img[:, 1::2, 1::2])
        sh, sw = nh, nw
    fy = np.maximum(0.0, (np.arange(h, dtype=np.float32) + 0.5) * (np.float32(sh) / h) - 0.5).astype(np.float32)
    fx = np.maximum(0.0, (np.arange(w, dtype=np.float32) + 0.5) * (np.float32(sw) / w) - 0.5).astype(np.float32)
    y0 = np.minimum(fy.astype(np.int64), sh - 1)
    x0 = np.minimum(fx.astype(np.int64), sw - 1)
    y1 = np.minimum(y0 + 1, sh - 1)
    x1 = np.minimum(x0 + 1, sw - 1)
    wy = (fy - y0)[None, :, None]
    wx = (fx - x0)[None, None, :]
    a = img[:, y0][:, :, x0]
    b = img[:, y0][:, :, x1]
    d = img[:, y1][:, :, x0]
    e = img[:, y1][:, :, x1]
    return ((a * (1 - wx) + b * wx) * (1 - wy) + (d * (1 - wx) + e * wx) * wy).astype(np.float32)


def decode(path):
    """ImageDecoder: gray stays 1 channel (value / max), colour -> RGB composited onto black."""
    from PIL import Image
    with Image.open(path) as im:
        if im.mode in ("1", "L", "LA", "I;16", "I;16B", "I;16L", "I"):
            if im.mode == "1":
                a = np.asarray(im.convert("L"), dtype=np.float32) / 255.0
            elif im.mode == "LA":
                a = np.asarray(im, dtype=np.float32)[:, :, 0] / 255.0
            elif im.mode.startswith("I"):
                a = np.asarray(im, dtype=np.float32) / 65535.0
            else:
                a = np.asarray(im, dtype=np.float32) / 255.0
            return a[None, :, :]
        rgba = np.asarray(im.convert("RGBA"), dtype=np.float32) / 255.0
        rgb = rgba[:, :, :3] * rgba[:, :, 3:4]
        return np.ascontiguousarray(rgb.transpose(2, 0, 1))


def with_channels(img, c):
    """RasterImage.withChannels: gray repeated, colour -> ITU-R 601 luminance."""
    if img.shape[0] == c:
        return img
    if img.shape[0] == 1:
        return np.repeat(img, c, axis=0)
    if c == 1:
        return (0.299 * img[0] + 0.587 * img[1] + 0.114 * img[2])[None].astype(np.float32)
    raise ValueError(f"cannot convert {img.shape[0]} to {c} channels")


def load_folder(root):
    """DIR/train/<class>/* (when DIR/train and DIR/test exist) or DIR/<class>/*; class names are
    the sorted folder names. Returns (list of [C,H,W] arrays, labels, class names)."""
    train = os.path.join(root, "train")
    base = train if os.path.isdir(train) and os.path.isdir(os.path.join(root, "test")) else root
    classes = sorted(d for d in os.listdir(base) if os.path.isdir(os.path.join(base, d)) and not d.startswith("."))
    if len(classes) < 2:
        sys.exit(f"{base}: needs at least two class folders")
    images, labels = [], []
    for k, cls in enumerate(classes):
        cdir = os.path.join(base, cls)
        for name in sorted(os.listdir(cdir)):
            if name.startswith(".") or not name.lower().endswith(IMAGE_SUFFIXES):
                continue
            images.append(decode(os.path.join(cdir, name)))
            labels.append(k)
    return images, np.asarray(labels, dtype=np.int64), classes


class Window:
    """Placement: target resized to inner x inner, centred on a C x H x W canvas of zeros."""

    def __init__(self, c, h, w, inner_h, inner_w):
        if not (1 <= inner_h <= h and 1 <= inner_w <= w):
            sys.exit(f"inner size {inner_h}x{inner_w} must be between 1 and the canvas size {h}x{w}")
        self.c, self.h, self.w, self.ih, self.iw = c, h, w, inner_h, inner_w
        self.top = (h - inner_h) // 2
        self.left = (w - inner_w) // 2

    def frame_mask(self):
        m = torch.ones(1, self.c, self.h, self.w)
        m[:, :, self.top:self.top + self.ih, self.left:self.left + self.iw] = 0
        return m

    def place_all(self, images):
        out = np.zeros((len(images), self.c, self.h, self.w), dtype=np.float32)
        for i, img in enumerate(images):
            r = resize_like_java(with_channels(img, self.c), self.ih, self.iw)
            out[i, :, self.top:self.top + self.ih, self.left:self.left + self.iw] = r
        return torch.from_numpy(out)


# ----------------------------------------------------------------------------- the step

class PadProgram:
    """PaddingProgram = MaskedDeltaProgram(mask = frame, activation, normalisedSpace = false)."""

    def __init__(self, window, activation):
        self.weight = torch.zeros(1, window.c, window.h, window.w, requires_grad=True)
        self.mask = window.frame_mask()
        self.gain = torch.ones(1, window.c, 1, 1)  # std only for programs in normalised space
        self.act = torch.tanh if activation == "tanh" else torch.sigmoid

    def apply(self, canvases):
        return canvases + self.act(self.weight) * self.mask * self.gain


class DjlAdam:
    """AdamOptimizer: skip (and zero) a non-finite gradient, else DJL's fused adamUpdate
    (ai_djl_pytorch_jni_PyTorchLibrary_optim.cc, weight decay 0, no clipping)."""

    def __init__(self, params, lr, weight_decay=0.0):
        self.params = params
        self.lr = lr
        self.wd = weight_decay
        self.t = 0
        self.moments = [(torch.zeros_like(p), torch.zeros_like(p)) for p in params]

    @torch.no_grad()
    def step(self):
        grads = [p.grad for p in self.params]
        finite = True
        for g in grads:
            finite &= not bool(torch.logical_or(torch.isnan(g), torch.isinf(g)).any().item())
        if not finite:
            for g in grads:
                g.mul_(0)
            return False
        self.t += 1
        corrected = self.lr * math.sqrt(1 - BETA2 ** self.t) / (1 - BETA1 ** self.t)
        for p, g, (mean, var) in zip(self.params, grads, self.moments):
            g2 = g.clone()
            if self.wd:
                g2.add_(p, alpha=self.wd)
            mean.mul_(BETA1).add_(g2, alpha=1 - BETA1)
            var.mul_(BETA2).addcmul_(g2, g2, value=1 - BETA2)
            p.sub_(mean.mul(corrected).div(var.sqrt().add(EPS)))
            g.zero_()  # the Java optimizer's update zeroes the gradient
        return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", default="builtin", help="builtin or a TorchScript FILE.pt with FILE.pt.json")
    ap.add_argument("--target", help="image folder DIR/<class>/* or DIR/train/<class>/*; none: synthetic")
    ap.add_argument("--program", default="pad", choices=["pad"])
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--steps", type=int, default=20, help="timed steps per repeat")
    ap.add_argument("--warmup", type=int, default=5, help="untimed steps first")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--threads", type=int, default=0, help="intra-op threads (0: library default)")
    ap.add_argument("--inner-size", type=int, default=0, help="target window side (0: half the canvas)")
    ap.add_argument("--lr", type=float, default=DEFAULT_LR)
    ap.add_argument("--frame", default="tanh", choices=["tanh", "sigmoid"])
    ap.add_argument("--target-classes", type=int, default=10, help="synthetic input: number of target classes")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()

    if args.threads > 0:
        torch.set_num_threads(args.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass  # already set (only possible before any parallel work)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    gen = torch.Generator().manual_seed(args.seed)

    model, card, origin = load_source(args.source, args.seed)
    c, h, w = card["inputShape"]
    ks = len(card["classNames"])
    side_h = args.inner_size if args.inner_size > 0 else max(1, h // 2)
    side_w = args.inner_size if args.inner_size > 0 else max(1, w // 2)
    window = Window(c, h, w, side_h, side_w)

    # data: canvases placed once up front (Java places them per batch in a background thread), batches copied out per step
    if args.target:
        images, labels_np, classes = load_folder(args.target)
        canvases = window.place_all(images)
        labels = torch.from_numpy(labels_np)
        kt = len(classes)
        data_name = args.target
    else:
        kt = args.target_classes
        n = args.batch_size
        canvases = torch.zeros(n, c, h, w)
        canvases[:, :, window.top:window.top + window.ih, window.left:window.left + window.iw] = \
            torch.rand(n, c, window.ih, window.iw, generator=gen)
        labels = torch.randint(0, kt, (n,), generator=gen)
        data_name = "synthetic"
    if kt > ks:
        sys.exit(f"{kt} target classes but the source has only {ks}: a one-to-one mapping needs K_t <= K_s")
    batch = min(args.batch_size, canvases.shape[0])  # as the trainer: min(batch size, train images)

    # fixed one-to-one mapping (RandomLabelMapping with one source per target, seeded), as Omega
    pool = list(range(ks))
    random.Random(args.seed).shuffle(pool)
    omega = torch.zeros(ks, kt)
    for t in range(kt):
        omega[pool[t], t] = 1.0

    mean = torch.tensor(card["mean"], dtype=torch.float32).reshape(1, c, 1, 1) if card.get("mean") else None
    std = torch.tensor(card["std"], dtype=torch.float32).reshape(1, c, 1, 1) if card.get("std") else None
    program = PadProgram(window, args.frame)
    opt = DjlAdam([program.weight], args.lr)

    state = {"order": torch.randperm(canvases.shape[0], generator=gen), "at": 0}

    def next_indices():
        if state["at"] + batch > state["order"].numel():  # new epoch: reshuffle, full batches only
            state["order"] = torch.randperm(canvases.shape[0], generator=gen)
            state["at"] = 0
        idx = state["order"][state["at"]:state["at"] + batch]
        state["at"] += batch
        return idx

    def step():
        idx = next_indices()
        x = canvases.index_select(0, idx)
        y = labels.index_select(0, idx)
        xp = program.apply(x)
        z = xp if mean is None else (xp - mean) / std
        logits = model(z)
        target = logits.matmul(omega)
        loss = -target.log_softmax(1).gather(1, y.unsqueeze(1)).squeeze(1)
        loss = loss.mean()
        loss.backward()
        value = loss.item()
        pred = target.argmax(1).to(torch.int32).numpy()
        correct = int((pred == y.numpy()).sum())
        ok = opt.step()
        if not math.isfinite(value):
            sys.exit(f"loss became {value}")
        return value, correct, ok

    for _ in range(args.warmup):
        step()
    rates, step_ms = [], []
    last_loss = float("nan")
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        for _ in range(args.steps):
            s0 = time.perf_counter()
            last_loss, _, _ = step()
            step_ms.append((time.perf_counter() - s0) * 1e3)
        elapsed = time.perf_counter() - t0
        rates.append(args.steps * batch / elapsed)

    result = {
        "impl": "pytorch",
        "torchVersion": torch.__version__,
        "source": origin,
        "target": data_name,
        "program": "pad",
        "frame": args.frame,
        "canvas": [c, h, w],
        "innerSize": [side_h, side_w],
        "sourceClasses": ks,
        "targetClasses": kt,
        "batchSize": batch,
        "steps": args.steps,
        "warmup": args.warmup,
        "repeats": args.repeats,
        "imagesPerSecond": round(statistics.median(rates), 2),
        "imagesPerSecondRepeats": [round(r, 2) for r in rates],
        "stepMillisMedian": round(statistics.median(step_ms), 3),
        "peakRssMegabytes": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1),
        "device": "cpu",
        "threads": torch.get_num_threads(),
        "interopThreads": torch.get_num_interop_threads(),
        "lastLoss": round(last_loss, 5),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"pytorch {torch.__version__} reference: {origin} on {data_name}, pad {side_h}x{side_w} in {c}x{h}x{w}, "
              f"batch {batch}, {args.repeats} x {args.steps} steps after {args.warmup} warm-up, "
              f"{result['threads']} threads")
        print(f"  {result['imagesPerSecond']:.1f} img/s (repeats: {', '.join(f'{r:.1f}' for r in rates)}), "
              f"median step {result['stepMillisMedian']:.2f} ms, peak RSS {result['peakRssMegabytes']:.0f} MB, "
              f"last loss {last_loss:.4f}")


if __name__ == "__main__":
    main()
