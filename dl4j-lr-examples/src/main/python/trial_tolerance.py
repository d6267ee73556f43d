#!/usr/bin/env python3
"""Replays the finder's trials under other winner rules, from the suggestion-trials.csv files that
SuggestionRegretBenchmark writes (one row per candidate, seed and checkpoint: its held-out loss, whether it
diverged, and its accuracy after the full budget).

For each tolerance t the winner of a seed's trials is the lowest rate whose final held-out loss is at most
best * (1 + t); a cell's regret is the grid's best accuracy minus the mean over its seeds of the winners'
full-budget accuracies, in points. Prints each cell's regret per tolerance, then the mean, the worst and the
cells within one point. A cell that appears in several files is taken from the last one given.

    python3 trial_tolerance.py run1/suggestion-trials.csv run2/suggestion-trials.csv ...
"""
import collections
import csv
import sys

TOLERANCES = [0, 0.02, 0.05, 0.1, 0.2]


def cells(paths):
    out = collections.OrderedDict()
    for path in paths:
        by_seed = collections.OrderedDict()
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                by_seed.setdefault(row["problem"], collections.OrderedDict()).setdefault(row["seed"], []).append(row)
        out.update(by_seed)
    return out


def final_rows(rows):
    """The last checkpoint of every candidate, by ascending rate."""
    last = {}
    for r in rows:
        lr = float(r["candidate_lr"])
        if lr not in last or int(r["checkpoint"]) > int(last[lr]["checkpoint"]):
            last[lr] = r
    return [last[lr] for lr in sorted(last)]


def winner(candidates, tolerance):
    finite = [r for r in candidates if r["diverged"] == "false" and r["heldout_loss"] not in ("NaN", "Infinity")]
    if not finite:
        return None
    best = min(float(r["heldout_loss"]) for r in finite)
    return next(r for r in finite if float(r["heldout_loss"]) <= best + tolerance * abs(best))


def main(paths):
    regrets = collections.defaultdict(list)
    for problem, seeds in cells(paths).items():
        line = [problem]
        for t in TOLERANCES:
            scores = []
            best_grid = None
            for rows in seeds.values():
                candidates = final_rows(rows)
                best_grid = float(candidates[0]["best_grid_score"])
                w = winner(candidates, t)
                score = float(w["full_budget_score"]) if w else 0.0
                scores.append(0.0 if score != score else score)
            regret = 100 * (best_grid - sum(scores) / len(scores))
            regrets[t].append(regret)
            line.append("%.2f" % regret)
        print(" ".join(line))
    for t in TOLERANCES:
        r = regrets[t]
        print("tolerance %.2f: mean %.2f, worst %.2f, within 1 point %d of %d"
              % (t, sum(r) / len(r), max(r), sum(x <= 1 for x in r), len(r)))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("Usage: trial_tolerance.py suggestion-trials.csv [more.csv ...]")
    main(sys.argv[1:])
