#!/usr/bin/env python3
"""Makes a small 32-px CIFAR-style ResNet TorchScript test model (3x32x32 input, 10 classes,
BasicBlocks with BatchNorm; random weights, seeded) and its sidecar FILE.pt.json.

Architecture (He et al. 2016, CIFAR variant): conv3x3 16 + BN + ReLU, three stages of N
BasicBlocks (16, 32, 64 channels; stride 2 at the start of stages 2 and 3, 1x1 conv + BN
shortcut there), global average pool, FC 10. Depth 6N + 2: 8 (N=1), 14, 20 (N=3, default).

    python3 make_resnet32.py [OUT.pt] [--depth 20]     (default /tmp/resnet32.pt)
"""

import argparse
import json

import torch
import torch.nn as nn
import torch.nn.functional as F

CIFAR_MEAN = [0.4914, 0.4822, 0.4465]
CIFAR_STD = [0.2470, 0.2435, 0.2616]


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + self.shortcut(x))


class CifarResNet(nn.Module):
    def __init__(self, blocks_per_stage, classes=10):
        super().__init__()
        self.conv = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn = nn.BatchNorm2d(16)
        layers, cin = [], 16
        for i, cout in enumerate((16, 32, 64)):
            for j in range(blocks_per_stage):
                layers.append(BasicBlock(cin, cout, 2 if (i > 0 and j == 0) else 1))
                cin = cout
        self.layers = nn.Sequential(*layers)
        self.fc = nn.Linear(64, classes)

    def forward(self, x):
        x = F.relu(self.bn(self.conv(x)))
        x = self.layers(x)
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.fc(x)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", default="/tmp/resnet32.pt")
    ap.add_argument("--depth", type=int, default=20, choices=[8, 14, 20, 32, 44, 56])
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    model = CifarResNet((args.depth - 2) // 6)
    with torch.no_grad():  # non-trivial BatchNorm statistics, as a trained model has
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.uniform_(-0.1, 0.1)
                m.running_var.uniform_(0.5, 1.5)
    model.eval()
    example = torch.zeros(1, 3, 32, 32)
    with torch.no_grad():
        traced = torch.jit.trace(model, example)
    traced.save(args.out)
    card = {
        "inputShape": [3, 32, 32],
        "classNames": [f"class{i}" for i in range(10)],
        "mean": CIFAR_MEAN,
        "std": CIFAR_STD,
        "description": f"CIFAR-style ResNet-{args.depth}, random weights (seed {args.seed}), traced in eval mode:"
                       " a speed test model, not a classifier",
    }
    with open(args.out + ".json", "w") as f:
        json.dump(card, f, indent=1)
    n = sum(p.numel() for p in model.parameters())
    print(f"wrote {args.out} (ResNet-{args.depth}, {n} parameters) and {args.out}.json")


if __name__ == "__main__":
    main()
