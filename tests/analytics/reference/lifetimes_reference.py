"""Reference values from lifetimes 0.11.3 for the MBG/NBD, Pareto/NBD and
calibration/holdout tests (tests/analytics/lifetimes_models_test.cpp,
mbgnbd_test.cpp, holdout_test.cpp). Each section prints the constants the test
pastes, under a heading naming the section; the tests cite the section by that
heading. The two models' fits and per-customer figures are kept as rows of
tests/analytics/data/lifetimes_cdnow_models.csv.

Regenerate from the repository root (Debian's python3-numpy python3-scipy
python3-pandas python3-dill):
  PYTHONPATH=../shared/peers/lifetimes:../shared/peers/autograd /usr/bin/python3 \
    tests/analytics/reference/lifetimes_reference.py ../shared/data/cdnow

Fits: lifetimes' own fit() with penalizer 0 and its default start. MBG/NBD
with its default tol=1e-7 (BFGS; tighter tolerances end in lifetimes'
ConvergenceError from scipy's precision-loss status; a Nelder-Mead polish to
1e-12 moves no parameter by more than 1e-6 relative). Pareto/NBD with
Nelder-Mead, initial_params=[1,1,1,1] (lifetimes' default start is random
around 1) and tol=1e-12, maxiter=20000, so the optimum is settled rather than
stopped at the default tol=1e-4. Log-likelihoods are the sums over customers
in the data's own time unit (weeks), as Patron reports them: lifetimes'
_negative_log_likelihood evaluated at the unscaled parameters.
"""
import sys

import numpy as np
import pandas as pd
from lifetimes import ModifiedBetaGeoFitter, ParetoNBDFitter
from lifetimes.utils import calibration_and_holdout_data

data_dir = sys.argv[1]
summary = pd.read_csv(f"{data_dir}/cdnow_customers_summary.csv")
x, t_x, T = summary["frequency"].values, summary["recency"].values, summary["T"].values
ones = np.ones(len(summary))
CUSTOMERS = [0, 1, 3, 8, 17, 105, 1000]  # rows; 3 and 1000 are one-time buyers (x = 0)
HORIZON = 39.0


def show(name, values):
    print(f"  {name} = {{" + ", ".join(f"{v:.12g}" for v in values) + "}")


def per_customer(model):
    p_alive = np.atleast_1d(model.conditional_probability_alive(x[CUSTOMERS], t_x[CUSTOMERS], T[CUSTOMERS]))
    expected = model.conditional_expected_number_of_purchases_up_to_time(
        HORIZON, x[CUSTOMERS], t_x[CUSTOMERS], T[CUSTOMERS])
    print("  customers (row, x, t_x, T):",
          [(i, int(x[i]), float(t_x[i]), float(T[i])) for i in CUSTOMERS])
    show("p_alive", p_alive)
    show("expected_39", np.asarray(expected))


print("== MBG/NBD on cdnow_customers_summary.csv ==")
mbg = ModifiedBetaGeoFitter(penalizer_coef=0.0).fit(x, t_x, T)
params = mbg.params_[["r", "alpha", "a", "b"]].values
ll = -ModifiedBetaGeoFitter._negative_log_likelihood(np.log(params), x, t_x, T, ones, 0.0) * len(x)
show("params r, alpha, a, b", params)
show("log_likelihood", [ll])
per_customer(mbg)
# A one-time buyer (x = 0) under these parameters, ages 1..52 weeks.
show("one-time buyer p_alive at T = 1, 13, 26, 52",
     mbg.conditional_probability_alive(np.zeros(4), np.zeros(4), np.array([1.0, 13, 26, 52])))

print("== Pareto/NBD on cdnow_customers_summary.csv ==")
pnbd = ParetoNBDFitter(penalizer_coef=0.0).fit(x, t_x, T, initial_params=[1.0, 1.0, 1.0, 1.0],
                                               tol=1e-12, maxiter=20000)
params = pnbd.params_[["r", "alpha", "s", "beta"]].values
ll = -ParetoNBDFitter._negative_log_likelihood(params, x, t_x, T, ones, 0.0)
show("params r, alpha, s, beta", params)
show("log_likelihood", [ll])
per_customer(pnbd)

print("== calibration_and_holdout_data on CDNOW_master.txt, 1997-09-30 / 1998-06-30, days / 7 ==")
master = pd.read_csv(f"{data_dir}/CDNOW_master.txt", sep=r"\s+", header=0,
                     names=["customer_id", "date", "cds", "dollars"], dtype={"customer_id": str, "date": str})
master["date"] = pd.to_datetime(master["date"], format="%Y%m%d")
split = calibration_and_holdout_data(master, "customer_id", "date", calibration_period_end="1997-09-30",
                                     observation_period_end="1998-06-30", freq="D", freq_multiplier=7)
print("  customers", len(split), "frequency_cal sum", split["frequency_cal"].sum(),
      "frequency_holdout sum", split["frequency_holdout"].sum(),
      "duration_holdout", split["duration_holdout"].iloc[0],
      "recency_cal sum", f'{split["recency_cal"].sum():.12g}', "T_cal sum", f'{split["T_cal"].sum():.12g}',
      "customers with holdout purchases", int((split["frequency_holdout"] > 0).sum()))
for cid in ["00001", "00004", "00100", "00137", "01000", "12345", "23569"]:
    row = split.loc[cid]
    print(f"  {{\"{cid}\", {int(row.frequency_cal)}, {row.recency_cal:.12g}, {row.T_cal:.12g}, "
          f"{int(row.frequency_holdout)}}},")

print("== models fitted on that calibration, predicted holdout purchases ==")
xc, rc, Tc = split["frequency_cal"].values, split["recency_cal"].values, split["T_cal"].values
duration = split["duration_holdout"].iloc[0]
mbg_cal = ModifiedBetaGeoFitter(penalizer_coef=0.0).fit(xc, rc, Tc)
show("mbgnbd params", mbg_cal.params_[["r", "alpha", "a", "b"]].values)
frame = split.copy()
frame["model_predictions"] = mbg_cal.conditional_expected_number_of_purchases_up_to_time(duration, xc, rc, Tc)
# What plot_calibration_purchases_vs_holdout_purchases(mbg_cal, split) draws (kind="frequency_cal", n=7):
chart = frame.groupby("frequency_cal")[["frequency_holdout", "model_predictions"]].mean().iloc[:7]
for f, row in chart.iterrows():
    print(f"  {{{int(f)}, {row.frequency_holdout:.12g}, {row.model_predictions:.12g}}},")
