#!/usr/bin/env python3
"""Export a pretrained vision-language model (open_clip, Hugging Face CLIP or SigLIP) for the workbench.

Writes the layout the workbench reads for a vision-language source (the same as
assets/models/fmnist-clip, made by train_fmnist_clip.py):

    OUT/model.pt        TorchScript (torch.jit.trace_module) with the methods
                        encode_image(pixel_values [B, 3, H, W], normalised) -> [B, D] and
                        encode_text(input_ids [B, L] int64[, attention_mask [B, L] int64]) -> [B, D];
                        forward = encode_image. Features are not L2-normalised.
    OUT/model.pt.json   sidecar: kind, description, inputShape [3, H, W], mean, std, imageMethod,
                        textMethod, textInputs, tokenizer, contextLength, padId, embeddingSize,
                        logitScale (= exp(logit_scale)), testAccuracy (null: not measured here)
    OUT/tokenizer.json  Hugging Face `tokenizers` file, read by DJL's HuggingFaceTokenizer

Usage (needs network once, to download the weights; run it on your own machine):

    pip install torch open_clip_torch transformers tokenizers sentencepiece
    python3 docs/python/export_vlm.py --open-clip ViT-B-32 --pretrained laion2b_s34b_b79k --out models/vit-b-32-laion
    python3 docs/python/export_vlm.py --hf openai/clip-vit-base-patch32 --out models/clip-b32
    python3 docs/python/export_vlm.py --hf google/siglip-base-patch16-224 --out models/siglip-b16

Then open OUT/model.pt in the workbench as a vision-language source model.

How it follows DJL's CLIP example (deepjavalibrary/djl, examples: ClipModel): the Hugging Face
model is loaded with torchscript=True and traced with torch.jit.trace_module over
get_image_features / get_text_features; DJL calls a traced method by name. Here a small wrapper
module (HfWrapper, OpenClipWrapper) gives both models the same two method names and returns
plain tensors, never ModelOutput objects.

Tokenizers
- Hugging Face models: the model's own fast tokenizer (backend_tokenizer.save). SigLIP (v1) has
  only a slow SentencePiece tokenizer in transformers 4.4x; the script then takes the hub's
  tokenizer.json if the repository has one, else converts the SentencePiece model itself
  (Unigram + SigLIP's text canonicalisation: punctuation removed, whitespace collapsed, '</s>'
  appended) and CHECKS the result against the slow tokenizer on probe texts; it stops with an
  error if they differ (--allow-tokenizer-mismatch writes it anyway).
- open_clip models with OpenAI's BPE (ViT-B-32 and the other CLIP-architecture models): the
  matching Hugging Face CLIP tokenizer, openai/clip-vit-base-patch32 (same BPE vocabulary and
  merges, <|startoftext|> 49406 ... <|endoftext|> 49407); padId is open_clip's pad, 0. The text
  tower pools at the first <|endoftext|> (argmax of the ids) under a causal mask, so what follows
  it does not change the result. open_clip cleans text with ftfy + html unescape; the HF fast
  tokenizer does not, which matters only for unusual text. open_clip models whose config names a
  Hugging Face tokenizer (hf_tokenizer_name, e.g. the SigLIP ones in open_clip) use that one.
- Every export is checked: the written tokenizer.json (through the `tokenizers` library) must give
  the ids the model's own tokenizer gives on probe texts.

textInputs is ["input_ids", "attention_mask"] when the model's tokenizer returns an attention
mask (HF CLIP), else ["input_ids"] (SigLIP, which is trained with padding to 64 and no mask;
open_clip). contextLength: 77 for CLIP, 64 for SigLIP (read from the model).
mean / std / image size come from the model's image processor (open_clip: model.visual). The
workbench resizes bilinearly; CLIP's processors resize the short side bicubically and centre-crop,
so the workbench's inputs differ slightly from the model's own pipeline for non-square images.
SigLIP's logits also add a learned logit_bias; it does not change which class is largest, and the
sidecar stores only logitScale.

STATUS: written for open_clip 2.x and transformers 4.4x (where get_image_features /
get_text_features return tensors) with PyTorch 2.x; NOT run against the real libraries in this
repository's CI or on its machines (they have no network, no open_clip and no transformers).
What was checked here, with Debian's torch 1.13: it compiles (python3 -m py_compile); the argument
errors and the missing-package error; and main()'s own path (wrapping, trace_module, the reload
check at batch 3, the tokenizer check, the sidecar) for both --hf and --open-clip against small
stand-in modules named transformers / open_clip / tokenizers (throw-away, not committed), so the
real libraries' calls (from_pretrained, processors, tokenizer conversion) are untested.
TorchScript is being deprecated in PyTorch in favour of torch.export; DJL 0.36 (the workbench's
engine, libtorch 2.7.1) loads TorchScript only, so export with a PyTorch 2.x whose TorchScript
files that libtorch can load (the fmnist-clip model saved by torch 1.13 loads there). The versions
the export ran with are printed and written into the sidecar's description.
"""
import argparse
import json
import os
import sys

PROBES = [
    "This is a photo of a coat.",
    "a photo of a dog",
    "A PHOTO OF AN ANKLE BOOT!",
    "itap of my t-shirt/top, folded...",
    "graffiti of the number 7",
]
OPENAI_BPE_TOKENIZER = "openai/clip-vit-base-patch32"


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="Export an open_clip / Hugging Face CLIP or SigLIP model to "
                                            "TorchScript + tokenizer.json + model.pt.json for the workbench.")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--open-clip", metavar="ARCH", help="open_clip architecture, e.g. ViT-B-32")
    src.add_argument("--hf", metavar="REPO", help="Hugging Face model id, e.g. openai/clip-vit-base-patch32 "
                                                  "or google/siglip-base-patch16-224")
    p.add_argument("--pretrained", help="open_clip pretrained tag, e.g. laion2b_s34b_b79k (with --open-clip)")
    p.add_argument("--out", required=True, help="output folder (created)")
    p.add_argument("--allow-tokenizer-mismatch", action="store_true",
                   help="write tokenizer.json even if it tokenizes the probe texts differently from the model's tokenizer")
    args = p.parse_args(argv)
    if args.open_clip and not args.pretrained:
        p.error("--open-clip needs --pretrained TAG (open_clip.list_pretrained() lists them), "
                "e.g. --open-clip ViT-B-32 --pretrained laion2b_s34b_b79k")
    if args.hf and args.pretrained:
        p.error("--pretrained is for --open-clip; with --hf the model id names the weights")
    return args


def build_wrappers():
    """Defined lazily so that --help and argument errors need no torch."""
    import torch
    import torch.nn as nn

    def as_tensor(out, what):
        if isinstance(out, torch.Tensor):
            return out
        fail(f"{what} returned {type(out).__name__}, not a tensor: this script is written for "
             "transformers 4.4x; install one (pip install 'transformers<4.50') or adapt HfWrapper")

    class HfWrapper(nn.Module):
        def __init__(self, model, with_mask):
            super().__init__()
            self.model = model
            self.with_mask = with_mask

        def encode_image(self, pixel_values):
            return as_tensor(self.model.get_image_features(pixel_values=pixel_values), "get_image_features")

        def encode_text(self, input_ids, attention_mask=None):
            if self.with_mask:
                out = self.model.get_text_features(input_ids=input_ids, attention_mask=attention_mask)
            else:
                out = self.model.get_text_features(input_ids=input_ids)
            return as_tensor(out, "get_text_features")

        def forward(self, pixel_values):
            return self.encode_image(pixel_values)

    class OpenClipWrapper(nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def encode_image(self, pixel_values):
            return self.model.encode_image(pixel_values)

        def encode_text(self, input_ids):
            return self.model.encode_text(input_ids)

        def forward(self, pixel_values):
            return self.encode_image(pixel_values)

    return HfWrapper, OpenClipWrapper


def convert_sentencepiece(slow):
    """SigLIP's slow SentencePiece tokenizer as a `tokenizers` Tokenizer (Unigram, via transformers'
    SpmConverter) plus its text canonicalisation and '</s>'; check_tokenizer verifies the result."""
    from tokenizers import Regex, normalizers, processors
    from transformers.convert_slow_tokenizer import SpmConverter
    import string

    tok = SpmConverter(slow).converted()
    steps = [normalizers.Replace(Regex("[" + "".join("\\" + c for c in string.punctuation) + "]"), "")]
    if getattr(slow, "do_lower_case", False):
        steps.append(normalizers.Lowercase())
    steps += [normalizers.Replace(Regex(r"\s+"), " "), normalizers.Strip()]
    if tok.normalizer is not None:
        steps.append(tok.normalizer)
    tok.normalizer = normalizers.Sequence(steps)
    eos = slow.eos_token
    tok.post_processor = processors.TemplateProcessing(single=f"$A {eos}", pair=f"$A {eos} $B {eos}",
                                                       special_tokens=[(eos, slow.eos_token_id)])
    return tok


def write_hf_tokenizer(repo, tokenizer, path):
    from tokenizers import Tokenizer
    if getattr(tokenizer, "is_fast", False):
        tokenizer.backend_tokenizer.save(path)
        return "the model's fast tokenizer"
    try:
        from huggingface_hub import hf_hub_download
        Tokenizer.from_file(hf_hub_download(repo, "tokenizer.json")).save(path)
        return "the hub's tokenizer.json"
    except Exception:  # no tokenizer.json in the repository: convert the SentencePiece model
        convert_sentencepiece(tokenizer).save(path)
        return "converted from the slow SentencePiece tokenizer"


def check_tokenizer(path, reference, pad_id, length, allow):
    """reference(text) -> the model's own ids, padded or not; the written tokenizer.json must give
    the same ids, and whatever the reference has beyond them must be padding."""
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(path)
    bad = []
    for text in PROBES:
        got = tok.encode(text).ids[:length]
        want = list(reference(text))[:length]
        if want[:len(got)] != got or any(i != pad_id for i in want[len(got):]):
            bad.append(f"  {text!r}: tokenizer.json {got} vs model {want}")
    if bad:
        msg = "the written tokenizer.json differs from the model's tokenizer:\n" + "\n".join(bad)
        if not allow:
            fail(msg + "\n(--allow-tokenizer-mismatch writes it anyway)")
        print("warning: " + msg, file=sys.stderr)
    else:
        print(f"tokenizer.json matches the model's tokenizer on {len(PROBES)} probe texts")


def export_hf(args, HfWrapper):
    import torch
    from transformers import AutoModel, AutoProcessor, AutoTokenizer

    model = AutoModel.from_pretrained(args.hf, torchscript=True).eval()
    if not hasattr(model, "get_image_features") or not hasattr(model, "get_text_features"):
        fail(f"--hf {args.hf}: {type(model).__name__} has no get_image_features/get_text_features; "
             "give a CLIP or SigLIP model id")
    processor = AutoProcessor.from_pretrained(args.hf)
    tokenizer = AutoTokenizer.from_pretrained(args.hf)
    image_processor = processor.image_processor
    size = model.config.vision_config.image_size
    length = model.config.text_config.max_position_embeddings
    with_mask = "attention_mask" in tokenizer.model_input_names
    pad_id = tokenizer.pad_token_id
    tok_path = os.path.join(args.out, "tokenizer.json")
    tok_source = write_hf_tokenizer(args.hf, tokenizer, tok_path)
    check_tokenizer(tok_path, lambda t: tokenizer(t)["input_ids"], pad_id, length, args.allow_tokenizer_mismatch)

    wrapper = HfWrapper(model, with_mask).eval()
    enc = tokenizer(PROBES[:2], padding="max_length", max_length=length, truncation=True, return_tensors="pt")
    text_args = (enc["input_ids"], enc["attention_mask"]) if with_mask else (enc["input_ids"],)
    pixels = torch.randn(2, 3, size, size)
    return dict(wrapper=wrapper, pixels=pixels, text_args=text_args, size=size, length=length, pad_id=pad_id,
                mean=list(image_processor.image_mean), std=list(image_processor.image_std),
                inputs=["input_ids", "attention_mask"] if with_mask else ["input_ids"],
                scale=model.logit_scale.exp().item(), tok_source=tok_source,
                name=args.hf, family=type(model).__name__)


def export_open_clip(args, OpenClipWrapper):
    import open_clip
    import torch
    from transformers import AutoTokenizer

    model, _, _ = open_clip.create_model_and_transforms(args.open_clip, pretrained=args.pretrained)
    model.eval()
    oc_tokenizer = open_clip.get_tokenizer(args.open_clip)
    config = open_clip.get_model_config(args.open_clip) or {}
    hf_name = config.get("text_cfg", {}).get("hf_tokenizer_name") or OPENAI_BPE_TOKENIZER
    length = model.context_length
    size = model.visual.image_size
    size = size[0] if isinstance(size, (tuple, list)) else size
    mean = getattr(model.visual, "image_mean", None) or open_clip.OPENAI_DATASET_MEAN
    std = getattr(model.visual, "image_std", None) or open_clip.OPENAI_DATASET_STD
    tokenizer = AutoTokenizer.from_pretrained(hf_name)
    tok_path = os.path.join(args.out, "tokenizer.json")
    tok_source = write_hf_tokenizer(hf_name, tokenizer, tok_path)
    pad_id = 0 if hf_name == OPENAI_BPE_TOKENIZER else tokenizer.pad_token_id
    ids = oc_tokenizer(PROBES[:2])

    check_tokenizer(tok_path, lambda t: oc_tokenizer([t])[0].tolist(), pad_id, length, args.allow_tokenizer_mismatch)
    return dict(wrapper=OpenClipWrapper(model).eval(), pixels=torch.randn(2, 3, size, size), text_args=(ids,),
                size=size, length=length, pad_id=pad_id, mean=list(mean), std=list(std), inputs=["input_ids"],
                scale=model.logit_scale.exp().item(), tok_source=f"{hf_name} ({tok_source})",
                name=f"open_clip {args.open_clip} {args.pretrained}", family="open_clip")


def main(argv=None):
    args = parse_args(argv)
    needed = ["torch", "transformers", "tokenizers"] + (["open_clip"] if args.open_clip else [])
    if args.hf and "siglip" in args.hf.lower():
        needed.append("sentencepiece")
    missing = []
    for lib in needed:
        try:
            __import__(lib)
        except ImportError:
            missing.append(lib)
    if missing:
        pip = {"open_clip": "open_clip_torch"}
        fail("missing Python packages: " + ", ".join(missing) + "; install them with: pip install "
             + " ".join(pip.get(m, m) for m in missing))
    import torch
    HfWrapper, OpenClipWrapper = build_wrappers()
    os.makedirs(args.out, exist_ok=True)
    versions = {"torch": torch.__version__}
    for lib in ("transformers", "open_clip", "tokenizers"):
        try:
            versions[lib] = __import__(lib).__version__
        except ImportError:
            pass
    print("versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()))

    with torch.no_grad():
        e = export_hf(args, HfWrapper) if args.hf else export_open_clip(args, OpenClipWrapper)
        wrapper = e["wrapper"]
        eager_img = wrapper.encode_image(e["pixels"])
        eager_txt = wrapper.encode_text(*e["text_args"])
        traced = torch.jit.trace_module(wrapper, {"forward": (e["pixels"],), "encode_image": (e["pixels"],),
                                                  "encode_text": e["text_args"]})
        path = os.path.join(args.out, "model.pt")
        traced.save(path)
        loaded = torch.jit.load(path)
        # a different batch size than the trace's, to catch a batch size baked into the graph
        img3 = torch.cat([e["pixels"], e["pixels"][:1]])
        txt3 = tuple(torch.cat([t, t[:1]]) for t in e["text_args"])
        for name, got, want in (("encode_image", loaded.encode_image(img3)[:2], eager_img),
                                ("encode_text", loaded.encode_text(*txt3)[:2], eager_txt)):
            if not torch.allclose(got, want, atol=1e-4, rtol=1e-3):
                fail(f"the saved {name} differs from the eager model (max diff {(got - want).abs().max():.3g})")
    dim = eager_img.shape[-1]
    print(f"traced {e['name']}: image [B, 3, {e['size']}, {e['size']}] -> [B, {dim}], text [B, {e['length']}] -> "
          f"[B, {eager_txt.shape[-1]}]; reloaded and checked at batch 3")

    sidecar = {
        "kind": "vision-language",
        "description": (f"{e['name']} ({e['family']}), exported by docs/python/export_vlm.py with "
                        + ", ".join(f"{k} {v}" for k, v in versions.items())
                        + f"; tokenizer: {e['tok_source']}. Features are not L2-normalised."),
        "inputShape": [3, e["size"], e["size"]],
        "mean": [float(v) for v in e["mean"]],
        "std": [float(v) for v in e["std"]],
        "imageMethod": "encode_image",
        "textMethod": "encode_text",
        "textInputs": e["inputs"],
        "tokenizer": "tokenizer.json",
        "contextLength": int(e["length"]),
        "padId": int(e["pad_id"]),
        "embeddingSize": int(dim),
        "logitScale": float(e["scale"]),
        "testAccuracy": None,
    }
    with open(os.path.join(args.out, "model.pt.json"), "w") as f:
        json.dump(sidecar, f, indent=2)
    print(f"wrote {args.out}/model.pt, model.pt.json, tokenizer.json")


if __name__ == "__main__":
    main()
