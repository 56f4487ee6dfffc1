#!/usr/bin/env python3
"""Generates the benchmark inputs the peers and Patron read, deterministically.

summary N [--spend]: N customers simulated from a BG/NBD process with CDNOW's parameters
  (r=0.243, alpha=4.41, a=0.793, b=2.43), first purchases spread over 12 weeks,
  observed for 39 weeks; times are continuous (no day rounding), so every
  customer has a history of their own. Columns: ID,frequency,recency,T and,
  with --spend, monetary_value.
baskets N ITEMS: N baskets of 1-20 items drawn from ITEMS items with Zipf-like
  popularity, one basket per line, items comma separated (as groceries.csv).

Usage: generate_inputs.py summary N OUT.csv [--spend] | baskets N ITEMS OUT.csv
"""
import sys

import numpy as np

SEED = 42


def summary(customers, path, with_spend):
    rng = np.random.default_rng(SEED)
    r, alpha, a, b = 0.243, 4.41, 0.793, 2.43
    lam = rng.gamma(r, 1.0 / alpha, customers)
    p = rng.beta(a, b, customers)
    first = rng.uniform(0.0, 12.0, customers)
    T = 39.0 + 12.0 - first
    frequency = np.zeros(customers, dtype=np.int64)
    recency = np.zeros(customers)
    now = np.zeros(customers)
    alive = np.ones(customers, dtype=bool)
    # Each round draws every live customer's next purchase; at most 400 rounds.
    for _ in range(400):
        if not alive.any():
            break
        gap = rng.exponential(1.0, customers) / np.maximum(lam, 1e-12)
        nxt = now + gap
        buys = alive & (nxt <= T)
        frequency[buys] += 1
        recency[buys] = nxt[buys]
        now = np.where(buys, nxt, now)
        dies = buys & (rng.uniform(size=customers) < p)
        alive &= buys & ~dies
    spend = np.round(rng.gamma(6.25, 15.0 / 3.74 * 3.0, customers) / 3.0 + 5.0, 2)
    with open(path, "w") as out:
        out.write("ID,frequency,recency,T" + (",monetary_value\n" if with_spend else "\n"))
        for i in range(customers):
            money = (f",{spend[i]:.2f}" if frequency[i] > 0 else ",0") if with_spend else ""
            out.write(f"c{i},{frequency[i]},{recency[i]:.6f},{T[i]:.6f}{money}\n")


def baskets(count, items, path):
    rng = np.random.default_rng(SEED)
    weights = 1.0 / np.arange(1, items + 1) ** 0.7
    weights /= weights.sum()
    sizes = rng.integers(1, 21, count)
    with open(path, "w") as out:
        for size in sizes:
            chosen = np.unique(rng.choice(items, size=size, p=weights))
            out.write(",".join(f"item{k}" for k in chosen) + "\n")


if __name__ == "__main__":
    if len(sys.argv) in (4, 5) and sys.argv[1] == "summary":
        summary(int(sys.argv[2]), sys.argv[3], sys.argv[4:] == ["--spend"])
    elif len(sys.argv) == 5 and sys.argv[1] == "baskets":
        baskets(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
