#!/usr/bin/env python3
"""Golden values for Prodigy and Schedule-Free from the authors' own PyTorch code.

Runs konstmish/prodigy (prodigyopt.Prodigy) and facebookresearch/schedule_free (AdamWScheduleFree,
SGDScheduleFree) on small networks with fixed initial weights and data, and writes the parameters
after chosen steps to ../resources/golden/updaters/<case>.json; UpdaterGoldenTest trains the same
networks in DL4J and compares.

    /usr/bin/python3 updater_reference.py <prodigy repo checkout> <schedule_free repo checkout>

Networks (DL4J layouts are given in the JSON: W is [nIn, nOut], DL4J's orientation):
  mlp:     4 -> 8 tanh -> 3 softmax, cross-entropy; one updater block
  blocks:  4 -> 6 tanh -> 6 tanh -> 5 tanh -> 3 softmax; the middle layer is not trained (or, in the
           "mixed" cases, trained by plain SGD at 0.05); in DL4J it has Sgd(0) (or Sgd(0.05)), which splits
           the other parameters into two updater blocks
Data: 48 examples, 4 features, 3 classes, minibatches of 8 in a fixed order, repeated.
"""
import json
import math
import os
import sys

import torch

sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
from prodigyopt import Prodigy  # noqa: E402
from schedulefree import AdamWScheduleFree, SGDScheduleFree  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "updaters")
STEPS = 60
CHECKPOINTS = [1, 2, 3, 10, 49, 50, 51, 60]
BATCH = 8


def data(dtype):
    g = torch.Generator().manual_seed(2024)
    x = torch.randn(48, 4, generator=g, dtype=torch.float64)
    y = torch.arange(48) % 3
    x[torch.arange(48), y] += 1.5          # class c shifted along axis c
    return x.to(dtype), y


def layers(sizes, dtype, seed):
    g = torch.Generator().manual_seed(seed)
    out = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        lin = torch.nn.Linear(n_in, n_out, dtype=torch.float64)
        with torch.no_grad():
            lin.weight.copy_(torch.randn(n_out, n_in, generator=g, dtype=torch.float64) * math.sqrt(1.0 / n_in))
            lin.bias.copy_(torch.randn(n_out, generator=g, dtype=torch.float64) * 0.1)
        out.append(lin.to(dtype))
    return out


def forward(lins, x):
    h = x
    for lin in lins[:-1]:
        h = torch.tanh(lin(h))
    return lins[-1](h)


def snapshot(lins):
    return [{"W": lin.weight.detach().t().double().tolist(), "b": lin.bias.detach().double().tolist()} for lin in lins]


def run(case, net, dtype, make_opt, schedule_free, middle_sgd_lr=0.0):
    sizes = {"mlp": [4, 8, 3], "blocks": [4, 6, 6, 5, 3]}[net]
    frozen = [1] if net == "blocks" else []
    lins = layers(sizes, dtype, 7)
    for i in frozen:
        for p in lins[i].parameters():
            p.requires_grad_(False)
    init = snapshot(lins)
    trainable = [p for i, lin in enumerate(lins) if i not in frozen for p in lin.parameters()]
    opt = make_opt(trainable)
    middle = None
    if middle_sgd_lr > 0:
        for i in frozen:
            for p in lins[i].parameters():
                p.requires_grad_(True)
        middle = torch.optim.SGD([p for i in frozen for p in lins[i].parameters()], lr=middle_sgd_lr)
    x, y = data(dtype)
    if schedule_free:
        opt.train()
    record = {"case": case, "network": net, "dtype": str(dtype).replace("torch.", ""), "frozen": frozen,
              "middle_sgd_lr": middle_sgd_lr, "steps": STEPS, "batch": BATCH, "features": x.double().tolist(), "labels": y.tolist(),
              "initial": init, "checkpoints": {}}
    for step in range(1, STEPS + 1):
        i = (step - 1) % (48 // BATCH)
        xb, yb = x[i * BATCH:(i + 1) * BATCH], y[i * BATCH:(i + 1) * BATCH]
        opt.zero_grad()
        if middle is not None:
            middle.zero_grad()
        loss = torch.nn.functional.cross_entropy(forward(lins, xb), yb)
        loss.backward()
        opt.step()
        if middle is not None:
            middle.step()
        if step in CHECKPOINTS:
            entry = {"params": snapshot(lins), "loss": loss.item()}
            if isinstance(opt, Prodigy):
                entry["d"] = opt.param_groups[0]["d"]
            if schedule_free:
                opt.eval()
                entry["x"] = snapshot(lins)
                opt.train()
            record["checkpoints"][str(step)] = entry
    with open(os.path.join(OUT, case + ".json"), "w") as f:
        json.dump(record, f)
    print(case, "final loss", record["checkpoints"][str(STEPS)]["loss"])


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = {
        "prodigy_default": (lambda p: Prodigy(p), False),
        "prodigy_decay_bias_safeguard": (lambda p: Prodigy(p, weight_decay=0.01, use_bias_correction=True,
                                                          safeguard_warmup=True), False),
        "prodigy_coupled_growth_beta3": (lambda p: Prodigy(p, lr=0.5, weight_decay=0.01, decouple=False,
                                                          growth_rate=1.02, beta3=0.99, d_coef=2.0), False),
        "prodigy_beta1_zero": (lambda p: Prodigy(p, betas=(0.0, 0.99), d0=1e-5), False),
        "sf_adamw_default": (lambda p: AdamWScheduleFree(p, foreach=False), True),
        "sf_adamw_warmup_decay_r": (lambda p: AdamWScheduleFree(p, lr=0.01, warmup_steps=10, weight_decay=0.01, r=0.5,
                                                                weight_lr_power=1.0, betas=(0.95, 0.99), foreach=False),
                                    True),
        "sf_sgd": (lambda p: SGDScheduleFree(p, lr=0.5, momentum=0.9, warmup_steps=5, weight_decay=0.001,
                                             foreach=False), True),
    }
    for name, (make, sf) in cases.items():
        run(name + "_mlp_float64", "mlp", torch.float64, make, sf)
    for name in ["prodigy_default", "prodigy_decay_bias_safeguard", "sf_adamw_default", "sf_sgd"]:
        make, sf = cases[name]
        run(name + "_blocks_float64", "blocks", torch.float64, make, sf)
    for name in ["prodigy_default", "sf_adamw_default"]:
        make, sf = cases[name]
        run(name + "_mixed_sgd_blocks_float64", "blocks", torch.float64, make, sf, middle_sgd_lr=0.05)
    for name in ["prodigy_default", "sf_adamw_default"]:
        make, sf = cases[name]
        run(name + "_mlp_float32", "mlp", torch.float32, make, sf)
        run(name + "_blocks_float32", "blocks", torch.float32, make, sf)


if __name__ == "__main__":
    main()
