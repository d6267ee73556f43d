#!/usr/bin/env python3
"""Golden values for the schedule tests, from PyTorch's torch.optim.lr_scheduler stepping algorithms.

PyTorch itself cannot be installed here, so this script follows the reference algorithms as
PyTorch runs them: the *chainable* (recursive, stateful) get_lr of StepLR, MultiStepLR, LinearLR,
PolynomialLR and CosineAnnealingLR, the T_cur stepping of CosineAnnealingWarmRestarts, and the
get_lr of CyclicLR and OneCycleLR. The recursive forms take a different arithmetic path from the
closed forms in the Java classes, so agreement is evidence, not a tautology.

Each CSV row is `t,value`: the learning rate in force for step t, i.e. after t calls of
scheduler.step() following construction (PyTorch's initial step gives t = 0).
Regenerate with:  python3 pytorch_reference.py ../resources/golden
"""
import math
import os
import sys


class Chainable:
    """Mimics LRScheduler: construction performs the initial step with last_epoch = 0."""

    def __init__(self, base_lr):
        self.base_lr = base_lr
        self.lr = base_lr
        self.last_epoch = -1
        self.step()

    def step(self):
        self.last_epoch += 1
        self.lr = self.get_lr()

    def run(self, n):
        out = []
        for _ in range(n):
            out.append(self.lr)
            self.step()
        return out


class StepLR(Chainable):
    def __init__(self, base_lr, step_size, gamma):
        self.step_size, self.gamma = step_size, gamma
        super().__init__(base_lr)

    def get_lr(self):
        if self.last_epoch == 0 or self.last_epoch % self.step_size != 0:
            return self.lr
        return self.lr * self.gamma


class MultiStepLR(Chainable):
    def __init__(self, base_lr, milestones, gamma):
        self.milestones, self.gamma = list(milestones), gamma
        super().__init__(base_lr)

    def get_lr(self):
        if self.last_epoch not in self.milestones:
            return self.lr
        return self.lr * self.gamma ** self.milestones.count(self.last_epoch)


class LinearLR(Chainable):
    def __init__(self, base_lr, start_factor, end_factor, total_iters):
        self.start_factor, self.end_factor, self.total_iters = start_factor, end_factor, total_iters
        super().__init__(base_lr)

    def get_lr(self):
        if self.last_epoch == 0:
            return self.lr * self.start_factor
        if self.last_epoch > self.total_iters:
            return self.lr
        return self.lr * (1.0 + (self.end_factor - self.start_factor)
                          / (self.total_iters * self.start_factor
                             + (self.last_epoch - 1) * (self.end_factor - self.start_factor)))


class PolynomialLR(Chainable):
    def __init__(self, base_lr, total_iters, power):
        self.total_iters, self.power = total_iters, power
        super().__init__(base_lr)

    def get_lr(self):
        if self.last_epoch == 0 or self.last_epoch > self.total_iters:
            return self.lr
        decay = ((1.0 - self.last_epoch / self.total_iters)
                 / (1.0 - (self.last_epoch - 1) / self.total_iters)) ** self.power
        return self.lr * decay


class CosineAnnealingLR(Chainable):
    def __init__(self, base_lr, t_max, eta_min):
        self.t_max, self.eta_min = t_max, eta_min
        super().__init__(base_lr)

    def get_lr(self):
        if self.last_epoch == 0:
            return self.lr
        if (self.last_epoch - 1 - self.t_max) % (2 * self.t_max) == 0:
            return self.lr + (self.base_lr - self.eta_min) * (1 - math.cos(math.pi / self.t_max)) / 2
        return ((1 + math.cos(math.pi * self.last_epoch / self.t_max))
                / (1 + math.cos(math.pi * (self.last_epoch - 1) / self.t_max))
                * (self.lr - self.eta_min) + self.eta_min)


def cosine_warm_restarts(base_lr, t_0, t_mult, eta_min, n):
    t_i, t_cur, out = t_0, 0, []
    for _ in range(n):
        out.append(eta_min + (base_lr - eta_min) * (1 + math.cos(math.pi * t_cur / t_i)) / 2)
        t_cur += 1
        if t_cur >= t_i:
            t_cur = t_cur % t_i
            t_i = t_i * t_mult
    return out


def cyclic(base_lr, max_lr, up, down, mode, gamma, n):
    total = float(up + down)
    ratio = up / total
    out = []
    for t in range(n):
        cycle = math.floor(1 + t / total)
        x = 1.0 + t / total - cycle
        scale_factor = x / ratio if x <= ratio else (x - 1) / (ratio - 1)
        height = (max_lr - base_lr) * scale_factor
        if mode == "triangular":
            out.append(base_lr + height * 1.0)
        elif mode == "triangular2":
            out.append(base_lr + height * (1 / (2.0 ** (cycle - 1))))
        else:
            out.append(base_lr + height * gamma ** t)
    return out


def _anneal(kind, start, end, pct):
    if kind == "cos":
        return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)
    return (end - start) * pct + start


def one_cycle(max_lr, total, pct_start, div, final_div, kind, three_phase, base_m, max_m, n):
    initial = max_lr / div
    min_lr = initial / final_div
    if three_phase:
        phases = [(float(pct_start * total) - 1, initial, max_lr, max_m, base_m),
                  (float(2 * pct_start * total) - 2, max_lr, initial, base_m, max_m),
                  (total - 1, initial, min_lr, max_m, max_m)]
    else:
        phases = [(float(pct_start * total) - 1, initial, max_lr, max_m, base_m),
                  (total - 1, max_lr, min_lr, base_m, max_m)]
    lrs, moms = [], []
    for t in range(n):
        start_step = 0.0
        for i, (end_step, s_lr, e_lr, s_m, e_m) in enumerate(phases):
            if t <= end_step or i == len(phases) - 1:
                pct = (t - start_step) / (end_step - start_step)
                lrs.append(_anneal(kind, s_lr, e_lr, pct))
                moms.append(_anneal(kind, s_m, e_m, pct))
                break
            start_step = end_step
    return lrs, moms


def cases():
    yield "step_lr", StepLR(0.1, 30, 0.9).run(3000)
    yield "step_lr_7_half", StepLR(0.05, 7, 0.5).run(200)
    yield "multistep_400_700", MultiStepLR(0.1, [400, 700], 0.1).run(1000)
    yield "multistep_dense", MultiStepLR(0.2, [3, 5, 6, 100, 1500], 0.5).run(2000)
    yield "linear_warmup", LinearLR(0.1, 0.01, 1.0, 1000).run(1500)
    yield "linear_decay", LinearLR(0.1, 1.0, 0.05, 777).run(1200)
    yield "poly_2", PolynomialLR(0.1, 1000, 2.0).run(1500)
    yield "poly_half", PolynomialLR(0.3, 333, 0.5).run(500)
    yield "cosine", CosineAnnealingLR(0.1, 1000, 0.001).run(1001)
    yield "cosine_odd", CosineAnnealingLR(0.02, 37, 0.0).run(38)
    yield "sgdr_10_2", cosine_warm_restarts(0.1, 10, 2, 1e-4, 3000)
    yield "sgdr_50_1", cosine_warm_restarts(0.05, 50, 1, 0.0, 1000)
    yield "sgdr_7_3", cosine_warm_restarts(0.1, 7, 3, 0.001, 5000)
    yield "cyclic_triangular", cyclic(0.001, 0.006, 200, 300, "triangular", 1.0, 3000)
    yield "cyclic_triangular2", cyclic(0.001, 0.006, 100, 100, "triangular2", 1.0, 2000)
    yield "cyclic_exp_range", cyclic(0.001, 0.006, 150, 250, "exp_range", 0.999, 2000)
    lr, mom = one_cycle(0.1, 1000, 0.3, 25.0, 1e4, "cos", False, 0.85, 0.95, 1000)
    yield "onecycle_cos", lr
    yield "onecycle_cos_momentum", mom
    lr, mom = one_cycle(0.01, 2000, 0.25, 10.0, 100.0, "linear", True, 0.8, 0.9, 2000)
    yield "onecycle_linear_3phase", lr
    yield "onecycle_linear_3phase_momentum", mom
    lr, mom = one_cycle(0.5, 999, 0.3, 25.0, 1e4, "cos", True, 0.85, 0.95, 999)
    yield "onecycle_cos_3phase_999", lr
    yield "onecycle_cos_3phase_999_momentum", mom


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for name, values in cases():
        with open(os.path.join(out_dir, name + ".csv"), "w") as f:
            f.write("t,value\n")
            for t, v in enumerate(values):
                f.write("%d,%r\n" % (t, v))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "golden")
