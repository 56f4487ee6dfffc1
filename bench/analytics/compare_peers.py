#!/usr/bin/env python3
"""Patron's analyses as whole commands against the Python peers' compute, in one run.

For each job the peer (lifetimes, mlxtend or pandas from ../shared/peers) runs
in this process on data it has already read, timed around its compute alone;
Patron runs as the command a user types (`patron analyze ...`, start-up, file
reading and the full per-customer output written to /dev/null included).
Each side runs ROUNDS times alternately (A B A B); the table shows medians and
the ratio peer / Patron, so above 1 means Patron is faster.

Usage: compare_peers.py PATRON_BIN WORK_DIR [ROUNDS] [JOB ...]
Jobs: cdnow, btyd200k, btyd1m, groceries, baskets50k, rfm (default: all).
"""
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SHARED = os.path.abspath(os.path.join(ROOT, "..", "shared"))
DATA = os.path.join(SHARED, "data")
sys.path[:0] = [os.path.join(SHARED, "peers", p) for p in ("lifetimes", "autograd", "mlxtend")]

import warnings  # noqa: E402

warnings.filterwarnings("ignore")
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def patron_command(patron, args):
    def run():
        with open(os.devnull, "wb") as sink:
            subprocess.run([patron, *args], stdout=sink, stderr=subprocess.DEVNULL, check=True)
    return run


def ensure(path, *generate_args):
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_inputs.py"), *generate_args, path], check=True)
    return path


# ---------------------------------------------------------------- peers

def btyd_peer(summary_csv, spend, predict):
    from lifetimes import BetaGeoFitter, GammaGammaFitter
    df = pd.read_csv(summary_csv)
    df = df.rename(columns={"x": "frequency", "t_x": "recency", "zbar": "monetary_value"})

    def compute():
        bg = BetaGeoFitter()
        bg.fit(df["frequency"], df["recency"], df["T"])
        if predict:
            bg.conditional_probability_alive(df["frequency"], df["recency"], df["T"])
            bg.conditional_expected_number_of_purchases_up_to_time(39, df["frequency"], df["recency"], df["T"])
        if spend:
            repeat = df[df["frequency"] > 0]
            GammaGammaFitter().fit(repeat["frequency"], repeat["monetary_value"])
    return compute


def rules_peer(baskets_path, min_support, min_confidence):
    from mlxtend.frequent_patterns import association_rules, fpgrowth
    from mlxtend.preprocessing import TransactionEncoder
    with open(baskets_path) as f:
        baskets = [[item for item in line.strip().split(",") if item] for line in f]
    encoder = TransactionEncoder()
    onehot = pd.DataFrame(encoder.fit(baskets).transform(baskets), columns=encoder.columns_)

    def compute():
        itemsets = fpgrowth(onehot, min_support=min_support, use_colnames=True)
        association_rules(itemsets, metric="confidence", min_threshold=min_confidence)
    return compute


def rfm_peer():
    df = pd.read_csv(os.path.join(DATA, "cdnow", "CDNOW_master.txt"), sep=r"\s+", header=0,
                     names=["customer_id", "date", "cds", "dollars"], dtype={"customer_id": str, "date": str})
    df["date"] = pd.to_datetime(df["date"], format="%Y%m%d")

    def compute():
        as_of = df["date"].max() + pd.Timedelta(days=1)
        rfm = df.groupby("customer_id").agg(last=("date", "max"), frequency=("date", "nunique"),
                                            monetary=("dollars", "sum"))
        rfm["recency"] = (as_of - rfm["last"]).dt.days
        rfm["r"] = pd.qcut(rfm["recency"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1])
        rfm["f"] = pd.qcut(rfm["frequency"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
        rfm["m"] = pd.qcut(rfm["monetary"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
    return compute


# ---------------------------------------------------------------- jobs

def jobs(patron, work):
    cdnow = os.path.join(DATA, "cdnow", "cdnow_customers_summary_with_transactions.csv")
    groceries = os.path.join(DATA, "groceries", "groceries.csv")
    master = os.path.join(DATA, "cdnow", "CDNOW_master.txt")
    return {
        "cdnow": ("BG/NBD + Gamma-Gamma, CDNOW summary", "lifetimes",
                  lambda: btyd_peer(cdnow, spend=True, predict=False),
                  ["analyze", "clv", "--summary", cdnow, "--csv"]),
        "btyd200k": ("BG/NBD fit + P(alive) + expected purchases, 200k customers", "lifetimes",
                     lambda: btyd_peer(ensure(os.path.join(work, "summary-200k.csv"), "summary", "200000"),
                                       spend=False, predict=True),
                     ["analyze", "btyd", "--summary", os.path.join(work, "summary-200k.csv"), "--csv"]),
        "btyd1m": ("same, 1,000,000 customers", "lifetimes",
                   lambda: btyd_peer(ensure(os.path.join(work, "summary-1m.csv"), "summary", "1000000"),
                                     spend=False, predict=True),
                   ["analyze", "btyd", "--summary", os.path.join(work, "summary-1m.csv"), "--csv"]),
        "groceries": ("FP-Growth rules, Groceries 0.001 / 0.8", "mlxtend",
                      lambda: rules_peer(groceries, 0.001, 0.8),
                      ["analyze", "rules", "--baskets", groceries, "--min-support", "0.001",
                       "--min-confidence", "0.8", "--csv"]),
        "baskets50k": ("FP-Growth rules, 50,000 random baskets over 500 items, 0.005 / 0.5", "mlxtend",
                       lambda: rules_peer(ensure(os.path.join(work, "baskets-50k.csv"), "baskets", "50000", "500"),
                                          0.005, 0.5),
                       ["analyze", "rules", "--baskets", os.path.join(work, "baskets-50k.csv"), "--min-support",
                        "0.005", "--min-confidence", "0.5", "--csv"]),
        "rfm": ("RFM over CDNOW_master.txt", "pandas", rfm_peer,
                ["analyze", "rfm", "--transactions", master, "--format", "cdnow", "--csv"]),
    }


def startup(patron, work, runs=200):
    """Mean wall time of a whole `patron analyze` run on a one-purchase file, and of patron-full's --help."""
    tiny = os.path.join(work, "one-purchase.txt")
    with open(tiny, "w") as out:
        out.write(" 00001 19970101  1   11.77\n")
    lean = patron_command(patron, ["analyze", "rfm", "--transactions", tiny, "--format", "cdnow", "--csv"])
    full = patron_command(os.path.join(os.path.dirname(patron), "patron-full"), ["--help"])
    baseline = patron_command("/bin/true", [])  # what this harness's own spawning costs
    figures = []
    for command in (lean, full, baseline):
        command()
        start = time.perf_counter()
        for _ in range(runs):
            command()
        figures.append((time.perf_counter() - start) / runs)
    return figures


def fmt(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    patron, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    os.makedirs(work, exist_ok=True)
    table = jobs(patron, work)
    chosen = sys.argv[4:] or list(table)
    print("| job | Patron, whole command | peer, compute only | ratio |")
    print("|---|---:|---:|---:|")
    for name in chosen:
        title, peer_name, make_peer, args = table[name]
        peer = make_peer()
        command = patron_command(patron, args)
        command()  # warm the page cache and check it runs
        patron_times, peer_times = [], []
        for _ in range(rounds):
            patron_times.append(timed(command))
            peer_times.append(timed(peer))
        p, q = statistics.median(patron_times), statistics.median(peer_times)
        print(f"| {title} | {fmt(p)} | {peer_name} {fmt(q)} | {q / p:.1f}x |", flush=True)
    lean, full, baseline = startup(patron, work)
    print(f"\nStart-up, mean of 200 whole runs: `patron analyze rfm` on a one-purchase file {lean * 1000:.2f} ms; "
          f"`patron-full --help` (the server's libraries loaded) {full * 1000:.2f} ms; "
          f"`/bin/true` through the same harness {baseline * 1000:.2f} ms.")


if __name__ == "__main__":
    main()
