#!/usr/bin/env python3
"""Makes a 224-px ImageNet-shaped ResNet-18 TorchScript test model (random weights, seeded) and
its sidecar FILE.pt.json, for `bench --source FILE.pt` and reference_loop.py.

    python3 make_resnet18.py [OUT.pt]        (default /tmp/resnet18-224.pt)
"""

import argparse
import json

import torch
import torchvision

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", default="/tmp/resnet18-224.pt")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    try:
        model = torchvision.models.resnet18(weights=None)
    except TypeError:  # torchvision < 0.13
        model = torchvision.models.resnet18(pretrained=False)
    model.eval()
    example = torch.zeros(1, 3, 224, 224)
    with torch.no_grad():
        traced = torch.jit.trace(model, example)
    traced.save(args.out)
    card = {
        "inputShape": [3, 224, 224],
        "classNames": [f"class{i}" for i in range(1000)],
        "mean": IMAGENET_MEAN,
        "std": IMAGENET_STD,
        "description": f"ResNet-18 (torchvision {torchvision.__version__}), random weights (seed {args.seed}),"
                       " traced in eval mode: a speed test model, not a classifier",
    }
    with open(args.out + ".json", "w") as f:
        json.dump(card, f, indent=1)
    n = sum(p.numel() for p in model.parameters())
    print(f"wrote {args.out} ({n} parameters) and {args.out}.json")


if __name__ == "__main__":
    main()
