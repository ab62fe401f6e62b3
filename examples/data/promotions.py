#!/usr/bin/env python3
"""Writes examples/data/promotions.csv: made-up daily sales with a known promotion effect and holidays.

Six SKUs, 2024-01-01 .. 2024-12-17 observed, each with its own level and a weekly pattern. Promotions
run in whole Monday-to-Sunday weeks (a random calendar, about one week in four, also planned for the
14 days after the data); in a promotion week demand is 1.5 times as high, and on a US federal
holiday 0.3 times. Units are Poisson around that mean. The 14 rows per SKU from 2024-12-18 to
2024-12-31 leave `units` empty: they carry the promotion plan the forecast needs (covariates:).
`category` is a per-SKU attribute (static:). Deterministic (seeded); run from the repository root:

    python3 examples/data/promotions.py
"""
import csv
import datetime
import math
import random

PROMO_EFFECT = 1.5
HOLIDAY_EFFECT = 0.3
WEEKDAY = [0.9, 0.85, 0.9, 1.0, 1.2, 1.4, 0.75]  # Monday .. Sunday
# US federal holidays of 2024 (the calendar holidays: "US" reads from Jollyday)
HOLIDAYS = {datetime.date(2024, m, d) for m, d in [(1, 1), (1, 15), (2, 19), (5, 27), (6, 19), (7, 4), (9, 2),
                                                   (10, 14), (11, 11), (11, 28), (12, 25)]}
SKUS = [("P-100", "snacks", 40), ("P-200", "snacks", 25), ("P-300", "drinks", 70),
        ("P-400", "drinks", 15), ("P-500", "household", 30), ("P-600", "household", 55)]
FIRST = datetime.date(2024, 1, 1)
LAST_OBSERVED = datetime.date(2024, 12, 17)
LAST_PLANNED = datetime.date(2024, 12, 31)


def poisson(rng, mean):
    count, remaining = 0, mean
    while remaining > 0:  # Knuth's method in chunks, so exp(-mean) never underflows
        m = min(remaining, 30.0)
        remaining -= m
        limit, p = math.exp(-m), rng.random()
        while p > limit:
            count += 1
            p *= rng.random()
    return count


def main():
    rng = random.Random(13)
    rows = []
    for sku, category, level in SKUS:
        promo = 0
        day = FIRST
        while day <= LAST_PLANNED:
            if day == FIRST or day.weekday() == 0:
                promo = 1 if rng.random() < 0.25 else 0
            units = ""
            if day <= LAST_OBSERVED:
                mean = level * WEEKDAY[day.weekday()] * (PROMO_EFFECT if promo else 1) \
                    * (HOLIDAY_EFFECT if day in HOLIDAYS else 1)
                units = poisson(rng, mean)
            rows.append([day.isoformat(), sku, units, promo, category])
            day += datetime.timedelta(days=1)
    with open("examples/data/promotions.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["date", "sku", "units", "promo", "category"])
        out.writerows(rows)


if __name__ == "__main__":
    main()
