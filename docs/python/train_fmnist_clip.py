#!/usr/bin/python3
r"""Train the small CLIP-style vision-language model the workbench ships: assets/models/fmnist-clip.

A dual encoder trained contrastively on Fashion-MNIST images and template captions of their
class ("This is a photo of a {}." and the 80 CLIP ImageNet templates, filled with the class name
or a synonym). It is the offline, tiny stand-in for CLIP: the workbench runs it exactly like an
exported CLIP / SigLIP model (docs/python/export_vlm.py): TorchScript with the methods
encode_image and encode_text, a Hugging Face tokenizer.json, and a model.pt.json sidecar.

Reproduce (from the repository root; ~5 min of training on 2 CPU threads (294 s measured on a
shared 2-core machine); written and run with Debian's python3-torch 1.13.1+dfsg-4
(torch.__version__ 1.13.0a0), numpy 1.24, Pillow 9.4; no network):

    /usr/bin/python3 docs/python/train_fmnist_clip.py \
        --data /usr/share/datasets/fashion-mnist --out assets/models/fmnist-clip

Everything is seeded (seed 0, torch.set_num_threads(2) by default); the same torch build on the
same CPU gives the same weights.

Model
- Image encoder: input [B, 1, 32, 32] gray, already normalised by the caller with the sidecar's
  mean/std (28x28 pixels in [0, 1] resized bilinearly to 32x32, F.interpolate
  align_corners=False). conv3x3 1->16, GroupNorm(8), ReLU, maxpool2; conv3x3 16->32, GroupNorm(8),
  ReLU, maxpool2; conv3x3 32->64, GroupNorm(8), ReLU, maxpool2; flatten 64*4*4; Linear 1024->128,
  ReLU; Linear 128->64. Output [B, 64], not L2-normalised.
- Text encoder: token ids int64 [B, 24] (pad id 0). Token embedding (64) + learned positions;
  one pre-norm transformer block (4-head self-attention whose keys skip the pad tokens, MLP
  64->128->64); final LayerNorm; mean over the non-pad tokens; Linear 64->64. Output [B, 64].
- Logit scale: learnable, log-parameterised, initialised to log(1/0.07) as in CLIP, the scale
  exp(.) clamped to <= 100.
- Tokenizer: the hand-written tokenizer.json (Hugging Face `tokenizers` format, read by DJL's
  HuggingFaceTokenizer): WordLevel over [PAD]=0, [UNK]=1 and every token of the templates, class
  words and synonyms; normaliser Lowercase; pre-tokenizer Whitespace (regex \w+|[^\w\s]+); no
  post-processor. `tokenize` below does exactly that, then truncates / pads with 0 to 24 ids.

Loss (class-level positives, a CLIP-style symmetric contrastive loss)
A batch of 256 images holds many images of each class, so image i's positive is its class's
caption, not a caption of its own. For each batch we draw CAPTION_SETS (2) sets of 10 captions,
one per class (a random template of the 81 and a random word of that class's names). With
logits[i, c] = scale * cos(image_i, caption_c) ([B, 10]):
- image -> caption: cross-entropy over the 10 captions with the image's label;
- caption -> image: for each class c present in the batch, softmax of column c over the B images,
  loss = -mean over the images i of class c of log softmax_i (a multi-positive InfoNCE, as in
  SupCon); averaged over the classes present.
loss = mean over the caption sets of (image->caption + caption->image) / 2.
Adam lr 2e-3 (cosine decay to 0, no warm-up), weight decay 0, batch 256 (the last 96 images of
each epoch's shuffle are left out), 6 epochs (EPOCHS), no augmentation.

Writes into --out: model.pt (torch.jit.script, eval mode), model.pt.json, tokenizer.json,
check/{test,train}/<class name>/NNNN.png, check/expected.json, train.log.

Evaluation: zero-shot on the 10 000 test images, class embeddings = L2-normalised encode_text of
the template filled with the lower-case class name, prediction = argmax cosine; (a) the default
template, (b) the 81-template ensemble (mean of the L2-normalised template embeddings,
renormalised: ILM-VP's get_text_ensemble_embedding), (c) the 300 images of check/test read back
from their PNGs, exactly as the Java side computes it.
"""
import argparse
import gzip
import json
import math
import os
import random
import re
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image
from torch import Tensor

# The templates, verbatim from OPTML-Group/ILM-VP tools/clip/templates.py (MIT licence,
# commit 84ca0424dce5df9972b9ab6b5a6ddc0f706e8223), themselves CLIP's 80 ImageNet prompts.
DEFAULT_TEMPLATE = "This is a photo of a {}."

ENSEMBLE_TEMPLATES = [
    'a bad photo of a {}.',
    'a photo of many {}.',
    'a sculpture of a {}.',
    'a photo of the hard to see {}.',
    'a low resolution photo of the {}.',
    'a rendering of a {}.',
    'graffiti of a {}.',
    'a bad photo of the {}.',
    'a cropped photo of the {}.',
    'a tattoo of a {}.',
    'the embroidered {}.',
    'a photo of a hard to see {}.',
    'a bright photo of a {}.',
    'a photo of a clean {}.',
    'a photo of a dirty {}.',
    'a dark photo of the {}.',
    'a drawing of a {}.',
    'a photo of my {}.',
    'the plastic {}.',
    'a photo of the cool {}.',
    'a close-up photo of a {}.',
    'a black and white photo of the {}.',
    'a painting of the {}.',
    'a painting of a {}.',
    'a pixelated photo of the {}.',
    'a sculpture of the {}.',
    'a bright photo of the {}.',
    'a cropped photo of a {}.',
    'a plastic {}.',
    'a photo of the dirty {}.',
    'a jpeg corrupted photo of a {}.',
    'a blurry photo of the {}.',
    'a photo of the {}.',
    'a good photo of the {}.',
    'a rendering of the {}.',
    'a {} in a video game.',
    'a photo of one {}.',
    'a doodle of a {}.',
    'a close-up photo of the {}.',
    'a photo of a {}.',
    'the origami {}.',
    'the {} in a video game.',
    'a sketch of a {}.',
    'a doodle of the {}.',
    'a origami {}.',
    'a low resolution photo of a {}.',
    'the toy {}.',
    'a rendition of the {}.',
    'a photo of the clean {}.',
    'a photo of a large {}.',
    'a rendition of a {}.',
    'a photo of a nice {}.',
    'a photo of a weird {}.',
    'a blurry photo of a {}.',
    'a cartoon {}.',
    'art of a {}.',
    'a sketch of the {}.',
    'a embroidered {}.',
    'a pixelated photo of a {}.',
    'itap of the {}.',
    'a jpeg corrupted photo of the {}.',
    'a good photo of a {}.',
    'a plushie {}.',
    'a photo of the nice {}.',
    'a photo of the small {}.',
    'a photo of the weird {}.',
    'the cartoon {}.',
    'art of the {}.',
    'a drawing of the {}.',
    'a photo of the large {}.',
    'a black and white photo of a {}.',
    'the plushie {}.',
    'a dark photo of a {}.',
    'itap of a {}.',
    'graffiti of the {}.',
    'a toy {}.',
    'itap of my {}.',
    'a photo of a cool {}.',
    'a photo of a small {}.',
    'a tattoo of the {}.',
]

TEMPLATES = [DEFAULT_TEMPLATE] + ENSEMBLE_TEMPLATES  # 81: what training draws from

# Fashion-MNIST label order; the first word of each list is the class name the workbench shows.
CLASS_WORDS = [
    ["t-shirt", "top", "tee", "tshirt"],
    ["trouser", "trousers", "pants", "jeans"],
    ["pullover", "sweater", "jumper"],
    ["dress", "gown", "frock"],
    ["coat", "jacket", "overcoat"],
    ["sandal", "sandals"],
    ["shirt", "blouse"],
    ["sneaker", "sneakers", "trainer", "shoe"],
    ["bag", "handbag", "purse"],
    ["ankle boot", "boot", "boots"],
]
CLASS_NAMES = [words[0] for words in CLASS_WORDS]

CONTEXT_LENGTH = 24
PAD_ID, UNK_ID = 0, 1
EMBED = 64
BATCH = 256
CAPTION_SETS = 2
LR = 2e-3
SEED = 0
CHECK_TEST_PER_CLASS = 30
CHECK_TRAIN_PER_CLASS = 10
EPOCHS = 6

# --- tokenizer: exactly what the tokenizer.json below makes the Rust `tokenizers` library do ----
SPLIT = re.compile(r"\w+|[^\w\s]+")  # pre_tokenizer Whitespace
SPECIAL = {"[PAD]": PAD_ID, "[UNK]": UNK_ID}
SPECIAL_RE = re.compile("|".join(re.escape(s) for s in SPECIAL))


def build_vocab():
    words = set()
    for text in TEMPLATES + [w for ws in CLASS_WORDS for w in ws]:
        words.update(SPLIT.findall(text.lower()))
    vocab = dict(SPECIAL)
    for word in sorted(words):
        vocab[word] = len(vocab)
    return vocab


def tokenizer_json(vocab):
    """The tokenizer.json schema (tokenizers 0.x, "version": "1.0") for WordLevel + Lowercase + Whitespace."""
    added = [{"id": i, "content": s, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for s, i in SPECIAL.items()]
    return {"version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
            "normalizer": {"type": "Lowercase"}, "pre_tokenizer": {"type": "Whitespace"},
            "post_processor": None, "decoder": None,
            "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "[UNK]"}}


def tokenize(text, vocab, length=CONTEXT_LENGTH):
    """Added tokens ([PAD], [UNK], not normalised) are matched in the raw text first; the rest is
    lower-cased, split by the Whitespace regex and looked up (unknown -> [UNK]); then the ids are
    truncated to `length` and padded with [PAD]."""
    ids, pos = [], 0
    for m in list(SPECIAL_RE.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        ids += [vocab.get(w, UNK_ID) for w in SPLIT.findall(text[pos:end].lower())]
        if m:
            ids.append(SPECIAL[m.group(0)])
            pos = m.end()
    ids = ids[:length]
    return ids + [PAD_ID] * (length - len(ids))


def tokenize_all(texts, vocab):
    return torch.tensor([tokenize(t, vocab) for t in texts], dtype=torch.int64)


# --- model ------------------------------------------------------------------------------------
class ImageEncoder(nn.Module):
    def __init__(self, dim: int = EMBED):
        super().__init__()
        def block(cin, cout):
            return [nn.Conv2d(cin, cout, 3, padding=1), nn.GroupNorm(8, cout), nn.ReLU(), nn.MaxPool2d(2)]
        self.features = nn.Sequential(*block(1, 16), *block(16, 32), *block(32, 64))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(64 * 4 * 4, 128), nn.ReLU(), nn.Linear(128, dim))

    def forward(self, x: Tensor) -> Tensor:
        return self.head(self.features(x))


class TextEncoder(nn.Module):
    def __init__(self, vocab_size: int, dim: int = EMBED, heads: int = 4, length: int = CONTEXT_LENGTH):
        super().__init__()
        self.heads = heads
        self.token = nn.Embedding(vocab_size, dim)
        self.position = nn.Parameter(torch.randn(length, dim) * 0.02)
        self.norm1 = nn.LayerNorm(dim)
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))
        self.norm3 = nn.LayerNorm(dim)
        self.out = nn.Linear(dim, dim)

    def forward(self, ids: Tensor) -> Tensor:
        b, n = ids.shape[0], ids.shape[1]
        keep = (ids != 0).to(torch.float32)                         # [B, L]; pad id 0
        x = self.token(ids) + self.position[:n].unsqueeze(0)
        q, k, v = self.qkv(self.norm1(x)).chunk(3, dim=-1)
        d = q.shape[-1] // self.heads
        q = q.reshape(b, n, self.heads, d).transpose(1, 2)
        k = k.reshape(b, n, self.heads, d).transpose(1, 2)
        v = v.reshape(b, n, self.heads, d).transpose(1, 2)
        scores = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(d)
        scores = scores.masked_fill(keep[:, None, None, :] == 0, -1e9)  # finite: all-pad stays NaN-free
        att = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2).reshape(b, n, -1)
        x = x + self.proj(att)
        x = x + self.mlp(self.norm2(x))
        x = self.norm3(x)
        pooled = (x * keep.unsqueeze(-1)).sum(1) / keep.sum(1, keepdim=True).clamp(min=1.0)
        return self.out(pooled)


class FashionClip(nn.Module):
    def __init__(self, vocab_size: int):
        super().__init__()
        self.image = ImageEncoder()
        self.text = TextEncoder(vocab_size)
        self.log_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))

    @torch.jit.export
    def encode_image(self, x: Tensor) -> Tensor:
        return self.image(x)

    @torch.jit.export
    def encode_text(self, ids: Tensor) -> Tensor:
        return self.text(ids)

    @torch.jit.export
    def logit_scale(self) -> Tensor:
        return self.log_scale.clamp(max=math.log(100.0)).exp()

    def forward(self, x: Tensor) -> Tensor:
        return self.encode_image(x)


# --- data -------------------------------------------------------------------------------------
def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def to32(images_uint8):
    """[N, 28, 28] uint8 -> [N, 1, 32, 32] float in [0, 1], bilinear, align_corners=False."""
    x = torch.from_numpy(np.asarray(images_uint8, dtype=np.float32) / 255.0).unsqueeze(1)
    return F.interpolate(x, size=(32, 32), mode="bilinear", align_corners=False)


def load(data_dir, split):
    prefix = "train" if split == "train" else "t10k"
    images = read_idx(os.path.join(data_dir, f"{prefix}-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(data_dir, f"{prefix}-labels-idx1-ubyte.gz"))
    return images, torch.from_numpy(labels.astype(np.int64))


# --- training ---------------------------------------------------------------------------------
def contrastive_loss(img, txt, labels, scale):
    """Class-level CLIP loss: img [B, D], txt [10, D] (one caption per class), labels [B]."""
    logits = scale * F.normalize(img, dim=-1) @ F.normalize(txt, dim=-1).t()   # [B, 10]
    i2t = F.cross_entropy(logits, labels)
    col = torch.log_softmax(logits, dim=0)                                        # over images
    onehot = F.one_hot(labels, logits.shape[1]).to(logits.dtype)
    count = onehot.sum(0)
    present = count > 0
    t2i = -((col * onehot).sum(0)[present] / count[present]).mean()
    return (i2t + t2i) / 2


def train(model, x_train, y_train, vocab, epochs, log):
    rng = random.Random(SEED)
    gen = torch.Generator().manual_seed(SEED)
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    steps = epochs * (len(x_train) // BATCH)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.5 * (1 + math.cos(math.pi * min(s, steps) / steps)))
    step = 0
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(len(x_train), generator=gen)
        total, seen, start = 0.0, 0, time.time()
        for b in range(len(x_train) // BATCH):
            idx = order[b * BATCH:(b + 1) * BATCH]
            x, y = x_train[idx], y_train[idx]
            captions = [rng.choice(TEMPLATES).format(rng.choice(words))
                        for _ in range(CAPTION_SETS) for words in CLASS_WORDS]
            txt = model.encode_text(tokenize_all(captions, vocab)).reshape(CAPTION_SETS, len(CLASS_WORDS), -1)
            img = model.encode_image(x)
            scale = model.logit_scale()
            loss = sum(contrastive_loss(img, txt[s], y, scale) for s in range(CAPTION_SETS)) / CAPTION_SETS
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            total += loss.item() * len(y)
            seen += len(y)
        log(f"epoch {epoch + 1}/{epochs}: loss {total / seen:.4f}, scale {model.logit_scale().item():.2f}, "
            f"{time.time() - start:.0f} s")


@torch.no_grad()
def class_embeddings(model, vocab, templates):
    """ILM-VP get_text_ensemble_embedding: per class, mean of the L2-normalised template
    embeddings, renormalised ([10, D]); one template = its normalised embedding."""
    rows = []
    for name in CLASS_NAMES:
        e = F.normalize(model.encode_text(tokenize_all([t.format(name) for t in templates], vocab)), dim=-1)
        rows.append(F.normalize(e.mean(0), dim=0))
    return torch.stack(rows)


@torch.no_grad()
def zero_shot(model, x, y, text_emb):
    correct = 0
    for i in range(0, len(x), 1000):
        img = F.normalize(model.encode_image(x[i:i + 1000]), dim=-1)
        correct += (img @ text_emb.t()).argmax(1).eq(y[i:i + 1000]).sum().item()
    return correct / len(x)


# --- outputs ----------------------------------------------------------------------------------
def write_check_images(out, images, labels, split, per_class):
    """The first `per_class` images of each class, as 28x28 gray PNGs named by dataset index."""
    files = []
    for c, name in enumerate(CLASS_NAMES):
        folder = os.path.join(out, "check", split, name)
        os.makedirs(folder, exist_ok=True)
        for i in np.nonzero(labels.numpy() == c)[0][:per_class]:
            rel = f"check/{split}/{name}/{i:04d}.png"
            Image.fromarray(images[i], mode="L").save(os.path.join(out, rel))
            files.append((rel, c))
    return files


def read_png_normalised(out, rel, mean, std):
    """What the Java side does: decode, /255, resize 28->32 bilinear (align_corners=False), normalise."""
    pixels = np.asarray(Image.open(os.path.join(out, rel)).convert("L"), dtype=np.uint8)
    return (to32(pixels[None]) - mean) / std


def r(v):
    return [round(float(f), 7) for f in v]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist", help="folder with the 4 IDX .gz files")
    p.add_argument("--out", default="assets/models/fmnist-clip", help="output model folder")
    p.add_argument("--epochs", type=int, default=EPOCHS)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    random.seed(SEED)
    np.random.seed(SEED)
    os.makedirs(args.out, exist_ok=True)
    lines = []

    def log(s):
        print(s, flush=True)
        lines.append(s)

    train_u8, y_train = load(args.data, "train")
    test_u8, y_test = load(args.data, "test")
    x_train, x_test = to32(train_u8), to32(test_u8)
    mean, std = x_train.mean().item(), x_train.std().item()
    x_train, x_test = (x_train - mean) / std, (x_test - mean) / std
    log(f"torch {torch.__version__}, train {tuple(x_train.shape)}, mean {mean:.6f}, std {std:.6f}")

    vocab = build_vocab()
    with open(os.path.join(args.out, "tokenizer.json"), "w") as f:
        json.dump(tokenizer_json(vocab), f, indent=2)
    log(f"vocabulary: {len(vocab)} tokens")

    model = FashionClip(len(vocab))
    start = time.time()
    train(model, x_train, y_train, vocab, args.epochs, log)
    train_s = time.time() - start
    model.eval()

    default_emb = class_embeddings(model, vocab, [DEFAULT_TEMPLATE])
    acc_default = zero_shot(model, x_test, y_test, default_emb)
    acc_ensemble = zero_shot(model, x_test, y_test, class_embeddings(model, vocab, TEMPLATES))
    scale = model.logit_scale().item()
    log(f"training {train_s:.0f} s; zero-shot test: default template {acc_default:.4f}, "
        f"81-template ensemble {acc_ensemble:.4f}; logit scale {scale:.4f}")

    scripted = torch.jit.script(model.eval())
    path = os.path.join(args.out, "model.pt")
    scripted.save(path)
    loaded = torch.jit.load(path)
    loaded.eval()

    # check images and the expected values, computed from the saved TorchScript file
    test_files = write_check_images(args.out, test_u8, y_test, "test", CHECK_TEST_PER_CLASS)
    write_check_images(args.out, train_u8, y_train, "train", CHECK_TRAIN_PER_CLASS)
    with torch.no_grad():
        text_emb = F.normalize(loaded.encode_text(tokenize_all([DEFAULT_TEMPLATE.format(n) for n in CLASS_NAMES], vocab)), dim=-1)
        x_check = torch.cat([read_png_normalised(args.out, rel, mean, std) for rel, _ in test_files])
        y_check = torch.tensor([c for _, c in test_files])
        img_emb = F.normalize(loaded.encode_image(x_check), dim=-1)
        acc_check = (img_emb @ text_emb.t()).argmax(1).eq(y_check).float().mean().item()
        coat = next(i for i, (_, c) in enumerate(test_files) if c == CLASS_NAMES.index("coat"))
        coat_text = "This is a photo of a coat."
        coat_text_emb = F.normalize(loaded.encode_text(tokenize_all([coat_text], vocab)), dim=-1)[0]
    log(f"zero-shot check/test ({len(test_files)} PNGs, default template): {acc_check:.4f}")

    token_texts = [
        "This is a photo of a coat.",
        "A PHOTO OF AN ANKLE BOOT!",
        "a t-shirt/top, folded",
        "itap of my sneaker",
        "a photo of a zebra.",
        "This is a photo of a 7.",
        "seven",
        "a jpeg corrupted photo of a pullover...",
        "[PAD] a bag [UNK]",
        "",
        "a bad photo of a dress, a good photo of a coat, a drawing of the shirt, a sketch of a bag and a toy boot.",
    ]
    expected = {
        "classNames": CLASS_NAMES,
        "template": DEFAULT_TEMPLATE,
        "zeroShotAccuracyCheckTest": round(acc_check, 6),
        "tokenizerCheck": [{"text": t, "ids": tokenize(t, vocab)} for t in token_texts],
        "imageEmbeddingCheck": {"file": test_files[coat][0], "embedding": r(img_emb[coat])},
        "textEmbeddingCheck": {"text": coat_text, "embedding": r(coat_text_emb)},
    }
    with open(os.path.join(args.out, "check", "expected.json"), "w") as f:
        json.dump(expected, f, indent=2)

    sidecar = {
        "kind": "vision-language",
        "description": (
            "Tiny CLIP-style dual encoder trained contrastively on Fashion-MNIST (60000 train images, "
            "28x28 gray resized to 32x32) against template captions of the class ('This is a photo of "
            "a {}.' and the 80 CLIP ImageNet templates, filled with the class name or a synonym). "
            "Image encoder: 3 x [conv3x3 16/32/64 + GroupNorm + ReLU + maxpool2], FC 128, FC 64; "
            f"text encoder: {len(vocab)}-token WordLevel vocabulary of clothing words and template words "
            "(everything else is [UNK]), embedding + positions, one 4-head transformer block, masked "
            f"mean pool, FC 64. Zero-shot test accuracy {acc_default:.4f} with the default template "
            f"({acc_ensemble:.4f} with the 81-template ensemble). Reproduce: /usr/bin/python3 "
            "docs/python/train_fmnist_clip.py --data /usr/share/datasets/fashion-mnist "
            f"--out assets/models/fmnist-clip (torch {torch.__version__})."),
        "inputShape": [1, 32, 32],
        "mean": [round(mean, 8)],
        "std": [round(std, 8)],
        "imageMethod": "encode_image",
        "textMethod": "encode_text",
        "textInputs": ["input_ids"],
        "tokenizer": "tokenizer.json",
        "contextLength": CONTEXT_LENGTH,
        "padId": PAD_ID,
        "embeddingSize": EMBED,
        "logitScale": round(scale, 6),
        "testAccuracy": round(acc_default, 6),
    }
    with open(os.path.join(args.out, "model.pt.json"), "w") as f:
        json.dump(sidecar, f, indent=2)
    with open(os.path.join(args.out, "train.log"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
