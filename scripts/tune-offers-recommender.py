#!/usr/bin/env python3
"""Tunes the offers recommender's weights honestly (docs/offers.md).

Only purchases before each evaluation split are used: the Online Retail sample
cut before 2010-12-08 and validated at 2010-12-06, the gen-data history cut
before 2024-10-01 and validated at 2024-07-01. Every grid point runs
`patron offers evaluate --weights ...` on both validation sets; the best summed
hit rate@10 wins, summed recall breaking ties. Prints the 15 best.

usage: scripts/tune-offers-recommender.py [PATRON] (default build/release/src/app/patron)
"""
import csv
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

PATRON = sys.argv[1] if len(sys.argv) > 1 else 'build/release/src/app/patron'
ONLINE_RETAIL = Path(__file__).resolve().parents[1] / '../shared/data/online-retail/online-retail-2010-12-sample.csv'
GRID = itertools.product([0.25, 0.5, 1], [0, 0.25, 0.5], [0, 0.1], [0.15, 0.5], [2, 5, 20], [2, 5, 20])


def online_retail_before_dec_8(out: Path):
    with open(ONLINE_RETAIL, newline='') as source, open(out, 'w', newline='') as target:
        rows, writer = csv.reader(source), csv.writer(target)
        writer.writerow(next(rows))
        for row in rows:
            month_day_year = row[4].split(' ')[0].split('/')
            if len(month_day_year) != 3 or int(month_day_year[1]) < 8:
                writer.writerow(row)


def gen_data_before_october(directory: Path):
    history, products = directory / 'gen.csv', directory / 'gen-products.csv'
    subprocess.run([PATRON, 'gen-data', '--customers', '2000', '--transactions', '20000', '--seed', '7', '--out',
                    str(history), '--products-out', str(products)], check=True, capture_output=True)
    before = directory / 'gen-before.csv'
    with open(history) as source, open(before, 'w') as target:
        for number, line in enumerate(source):
            if number == 0 or line.split(',')[1] < '2024-10-01':
                target.write(line)
    return before, products


def engine_figures(args, weights):
    result = subprocess.run([PATRON, 'offers', 'evaluate', *args, '--k', '10', '--json', '--weights', weights],
                            check=True, capture_output=True, text=True)
    figures = json.loads(result.stdout)
    return figures['hit_rate']['engine'], figures['recall']['engine']


def main():
    with tempfile.TemporaryDirectory() as temporary:
        directory = Path(temporary)
        online_retail = directory / 'online-retail-before-1208.csv'
        online_retail_before_dec_8(online_retail)
        gen_before, gen_products = gen_data_before_october(directory)
        sets = [['--history', str(online_retail), '--format', 'online-retail', '--split', '2010-12-06'],
                ['--history', str(gen_before), '--products', str(gen_products), '--split', '2024-07-01']]
        scored = []
        for point in GRID:
            weights = ','.join(str(value) for value in point)
            figures = [engine_figures(args, weights) for args in sets]
            scored.append((sum(f[0] for f in figures), sum(f[1] for f in figures), weights, figures))
        scored.sort(reverse=True)
        for row in scored[:15]:
            print(row)


if __name__ == '__main__':
    main()
