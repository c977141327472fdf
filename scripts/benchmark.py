"""Benchmark the synthetic data generator at national-year scale.

Generates into a temporary folder and prints, per step and in total, the elapsed seconds and the peak resident
memory (sampled every 20 ms), then the rows written per file. Exits 1 when the total exceeds the limit (120 s by
default): the national year must be generated within two minutes on a 2-core machine.

    .venv/bin/python scripts/benchmark.py                       # 290 municipalities, one year, national
    .venv/bin/python scripts/benchmark.py --scale 0.1 --years 2023 2024 --kommuner 50
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))

from kommunanalys.generator import generate  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_bytes() -> int:
    """Resident set size of this process now."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


class PeakSampler(threading.Thread):
    """Samples the resident memory in the background; `take()` returns the peak since the last call."""

    def __init__(self, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak = rss_bytes()
        self.overall = self.peak
        self.running = True

    def run(self) -> None:
        while self.running:
            now = rss_bytes()
            self.peak = max(self.peak, now)
            self.overall = max(self.overall, now)
            time.sleep(self.interval)

    def take(self) -> int:
        peak, self.peak = max(self.peak, rss_bytes()), rss_bytes()
        self.overall = max(self.overall, peak)
        return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", default="national", help="'demo', 'national' or a factor (default national)")
    parser.add_argument("--kommuner", type=int, default=290, help="number of municipalities (default 290)")
    parser.add_argument("--years", type=int, nargs="+", default=[2024], help="years (default 2024)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--limit", type=float, default=120.0, help="seconds allowed in total (default 120)")
    parser.add_argument("--keep", type=Path, help="write here instead of a temporary folder, and keep the files")
    args = parser.parse_args()

    sampler = PeakSampler()
    sampler.start()
    mib = 1024 * 1024
    print(f"{'step':<45} {'seconds':>8} {'peak MiB':>9}")
    t_start = last = time.perf_counter()

    def on_step(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        print(f"{name:<45} {now - last:8.2f} {sampler.take() / mib:9.0f}", flush=True)
        last = now

    with tempfile.TemporaryDirectory(prefix="kommunanalys-bench-") as tmp:
        out = args.keep or Path(tmp)
        stats = generate(out, args.kommuner, args.years, args.scale, args.seed, on_step=on_step)
        total = time.perf_counter() - t_start
    sampler.running = False
    print(f"{'total':<45} {total:8.2f} {sampler.overall / mib:9.0f}")
    print()
    for name, rows in sorted(stats.items()):
        print(f"{name:<45} {rows:>12,}")
    if total > args.limit:
        print(f"FAILED: {total:.1f} s is over the limit of {args.limit:.0f} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
