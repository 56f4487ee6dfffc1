"""Per-customer reference values from lifetimes (an independent implementation)
for tests/analytics/btyd_test.cpp: P(alive), expected purchases in 39 weeks,
Gamma-Gamma expected average spend and a 9-month CLV (30-day steps, 1 % a
month) for every CDNOW customer, with lifetimes' own fitted parameters.

Regenerate (Debian's python3-numpy python3-scipy python3-pandas python3-dill):
  PYTHONPATH=../shared/peers/lifetimes:../shared/peers/autograd /usr/bin/python3 \
    tests/analytics/data/lifetimes_cdnow_reference.py \
    ../shared/data/cdnow/cdnow_customers_summary_with_transactions.csv > tests/analytics/data/cdnow_lifetimes_customers.csv
"""
import sys

import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter

data = pd.read_csv(sys.argv[1])
bgf = BetaGeoFitter(penalizer_coef=0.0)
bgf.fit(data["x"], data["t_x"], data["T"], tol=1e-12)
repeat = data[data["x"] > 0]
ggf = GammaGammaFitter(penalizer_coef=0.0)
ggf.fit(repeat["x"], repeat["zbar"], tol=1e-12)

def values(series):
    return list(getattr(series, "values", series))


p_alive = values(bgf.conditional_probability_alive(data["x"], data["t_x"], data["T"]))
expected = values(bgf.conditional_expected_number_of_purchases_up_to_time(39, data["x"], data["t_x"], data["T"]))
spend = values(ggf.conditional_expected_average_profit(data["x"], data["zbar"]))
clv = values(ggf.customer_lifetime_value(bgf, data["x"], data["t_x"], data["T"], data["zbar"], time=9,
                                         discount_rate=0.01, freq="W"))

r, alpha, a, b = (bgf.params_[k] for k in ("r", "alpha", "a", "b"))
p, q, v = (ggf.params_[k] for k in ("p", "q", "v"))
print(f"# lifetimes {__import__('lifetimes').__version__} on {sys.argv[1].split('/')[-1]}; "
      f"bgnbd r={r:.12g} alpha={alpha:.12g} a={a:.12g} b={b:.12g}; gamma_gamma p={p:.12g} q={q:.12g} v={v:.12g}")
print("# id,x,t_x,T,zbar,p_alive,expected_purchases_39,expected_spend,clv_9_months")
for i in range(len(data)):
    row = data.iloc[i]
    print(f"{int(row['ID'])},{int(row['x'])},{row['t_x']:.2f},{row['T']:.2f},{row['zbar']:.2f},"
          f"{p_alive[i]:.12g},{expected[i]:.12g},{spend[i]:.12g},{clv[i]:.12g}")
