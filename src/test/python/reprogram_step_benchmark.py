#!/usr/bin/python3
"""Reference: the same white-box reprogramming step as the Java trainer, in Python PyTorch.

Frozen FashionCnn (same architecture as FashionCnn.java, BN in eval mode, random weights:
speed does not depend on their values), padding program x + tanh(W) * M on a 1x32x32 canvas
with a 10x10 window, fixed one-to-one mapping (logits @ Omega), cross-entropy, Adam on W.
Batches are gathered from a float array by shuffled indices, as the Java trainer does.

Usage: /usr/bin/python3 src/test/python/reprogram_step_benchmark.py [--batch 64] [--steps 300]
(Debian python3-torch). Prints img/s.
"""
import argparse
import time

import numpy as np
import torch
import torch.nn as nn

p = argparse.ArgumentParser()
p.add_argument("--batch", type=int, default=64)
p.add_argument("--steps", type=int, default=300)
p.add_argument("--threads", type=int, default=2)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)


def stage(cin, cout):
    return [nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2, 2)]


net = nn.Sequential(*stage(1, 16), *stage(16, 32), *stage(32, 64), nn.Flatten(),
                    nn.Linear(64 * 4 * 4, 128), nn.ReLU(), nn.Linear(128, 10)).eval()
for q in net.parameters():
    q.requires_grad_(False)

mask = torch.ones(1, 1, 32, 32)
mask[:, :, 11:21, 11:21] = 0
W = torch.zeros(1, 1, 32, 32, requires_grad=True)
omega = torch.eye(10)
opt = torch.optim.Adam([W], lr=0.05)
data = np.random.rand(1293, 1, 32, 32).astype(np.float32)
labels = np.random.randint(0, 10, 1293)
mean, std = 0.273, 0.348


def step(idx):
    x = torch.from_numpy(data[idx])
    y = torch.from_numpy(labels[idx])
    xp = x + torch.tanh(W) * mask
    logits = net((xp - mean) / std) @ omega
    loss = nn.functional.cross_entropy(logits, y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


rng = np.random.default_rng(0)
for _ in range(20):
    step(rng.integers(0, 1293, a.batch))
t0 = time.perf_counter()
for _ in range(a.steps):
    step(rng.integers(0, 1293, a.batch))
dt = time.perf_counter() - t0
print(f"python pytorch {torch.__version__}: {a.steps * a.batch / dt:.0f} img/s (batch {a.batch}, {a.threads} threads)")
