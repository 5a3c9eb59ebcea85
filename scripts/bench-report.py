#!/usr/bin/env python3
"""Summary table and charts from govchain-loadgen's JSON results.

    bench-report.py summary DIR   a Markdown table of every run under DIR (recursively)
    bench-report.py charts DIR    PNG charts next to the results: throughput over time and
                                  latency distribution, one line per run, and for soaks
                                  the node's memory over time

Charts need matplotlib; without it this script installs it once into a virtual
environment (~/.cache/govchain/bench-venv) from PyPI and runs itself there.
"""
import json
import os
import subprocess
import sys
from pathlib import Path


def runs(directory):
    """Every loadgen result under `directory`, in a stable order."""
    found = []
    for path in sorted(Path(directory).rglob("*.json")):
        try:
            data = json.loads(path.read_text())
        except (OSError, json.JSONDecodeError):
            continue
        if isinstance(data, dict) and "window" in data and "ceiling" in data:
            found.append((path, data))
    return found


def number(value, digits=0):
    return "–" if value is None else f"{value:.{digits}f}"


def trend(resources, key="rss_trend_mib_per_minute"):
    """A memory trend, when the run was long enough to have one."""
    slope = resources.get(key)
    return "" if slope is None else f" ({slope:+.1f}/min)"


def memory(resources):
    """Resident memory, and its anonymous part where the run recorded it."""
    text = f"{number(resources['rss_max_mib'])}{trend(resources)}"
    if resources.get("anon_max_mib") is not None:
        text += f"; anon. {number(resources['anon_max_mib'])}{trend(resources, 'anon_trend_mib_per_minute')}"
    return text


def summary(directory):
    results = runs(directory)
    if not results:
        sys.exit(f"bench-report: no loadgen results under {directory}")
    print("| configuration | workload | tx/s (steady) | ceiling tx/s (bound) | reached | fill | "
          "inclusion p50 / p99 s | finality p50 / p99 s | node CPU | RSS MiB (max, trend) | refused / failed / dropped / retries |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for _, run in results:
        window, ceiling, latency = run["window"], run["ceiling"], run["latency_ms"]
        counts, resources = run["counts"], run["resources"]
        inclusion, finality = latency.get("inclusion") or {}, latency.get("finality") or {}
        seconds = lambda stats, key: None if stats.get(key) is None else stats[key] / 1000
        steady = " (stalled)" if counts.get("stalled") else "" if window["steady"] else " (short)"
        print(
            f"| {run['label']} | {run['workload']} | {number(window['tps'], 1)}{steady} | "
            f"{number(ceiling['tps'], 1)} ({ceiling['bound']}) | {number(ceiling['reached_percent'])} % | "
            f"{number(ceiling['mean_fill_percent'])} % | "
            f"{number(seconds(inclusion, 'p50'), 1)} / {number(seconds(inclusion, 'p99'), 1)} | "
            f"{number(seconds(finality, 'p50'), 1)} / {number(seconds(finality, 'p99'), 1)} | "
            f"{number(resources['cpu_percent_of_one_core'])} % | {memory(resources)} | "
            f"{sum(counts['rejected'].values())} / {sum(counts['failed'].values())} / {counts['dropped']} / "
            f"{counts.get('retries', 0)} |"
        )


def ensure_matplotlib():
    try:
        import matplotlib  # noqa: F401
        return
    except ImportError:
        pass
    venv = Path.home() / ".cache/govchain/bench-venv"
    python = venv / "bin/python3"
    if os.environ.get("GOVCHAIN_BENCH_VENV") == "1":
        sys.exit("bench-report: matplotlib is missing even in the virtual environment")
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    probe = subprocess.run([str(python), "-c", "import matplotlib"], capture_output=True)
    if probe.returncode != 0:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "matplotlib"], check=True)
    os.environ["GOVCHAIN_BENCH_VENV"] = "1"
    os.execv(str(python), [str(python), *sys.argv])


def finish(figure, axes, path, xlabel, ylabel, title):
    """Labels a one-panel chart and writes it as a PNG."""
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.set_title(title)
    axes.grid(alpha=0.3)
    axes.legend(fontsize="small")
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def charts(directory):
    ensure_matplotlib()
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = runs(directory)
    if not results:
        sys.exit(f"bench-report: no loadgen results under {directory}")
    name = lambda run: f"{run['label']} · {run['workload']}"

    figure, axes = plt.subplots(figsize=(10, 5))
    for _, run in results:
        blocks = sorted((b for b in run["blocks"] if b["finalized_at_s"] is not None), key=lambda b: b["number"])
        times, rates = [], []
        for previous, block in zip(blocks, blocks[1:]):
            interval = (block["timestamp_ms"] - previous["timestamp_ms"]) / 1000
            if interval > 0:
                times.append(block["seen_at_s"])
                rates.append(block["ours"] / interval)
        axes.step(times, rates, where="post", label=name(run))
    finish(figure, axes, Path(directory) / "throughput.png", "seconds since the run started",
           "transactions included per second (per block)", "Throughput over time")

    figure, axes = plt.subplots(1, 2, figsize=(12, 5), sharey=True)
    for index, kind in enumerate(["inclusion_all", "finality_all"]):
        for _, run in results:
            values = sorted(v / 1000 for v in run["latency_ms"][kind])
            if values:
                axes[index].plot(values, [100 * (i + 1) / len(values) for i in range(len(values))], label=name(run))
        axes[index].set_xlabel("seconds from submission")
        axes[index].set_title("to inclusion" if kind == "inclusion_all" else "to finality")
        axes[index].grid(alpha=0.3)
    axes[0].set_ylabel("% of transactions")
    axes[1].legend(fontsize="small")
    figure.suptitle("Latency distribution")
    figure.tight_layout()
    figure.savefig(Path(directory) / "latency.png", dpi=110)
    written = ["throughput.png", "latency.png"]

    # Memory only for runs long enough to show a trend (a soak), each on its own clock.
    soaks = [run for _, run in results if run["resources"].get("rss_trend_mib_per_minute") is not None]
    if soaks:
        figure, axes = plt.subplots(figsize=(10, 5))
        for run in soaks:
            samples = run["resources"]["samples"]
            minutes = [sample["at_s"] / 60 for sample in samples]
            line, = axes.plot(minutes, [sample["rss_kib"] / 1024 for sample in samples], label=f"{name(run)}: RSS")
            if all("anon_kib" in sample for sample in samples):
                axes.plot(minutes, [sample["anon_kib"] / 1024 for sample in samples], linestyle="--",
                          color=line.get_color(), label=f"{name(run)}: anonymous")
        axes.axhline(1024, color="grey", linewidth=0.8)
        finish(figure, axes, Path(directory) / "memory.png", "minutes since the run started",
               "node memory, MiB", "Node memory under sustained load (the line: 1 GiB)")
        written.append("memory.png")
    print("charts: " + ", ".join(f"{directory}/{file}" for file in written), file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("summary", "charts"):
        sys.exit(__doc__)
    if not Path(sys.argv[2]).is_dir():
        sys.exit(f"bench-report: {sys.argv[2]} is not a directory")
    {"summary": summary, "charts": charts}[sys.argv[1]](sys.argv[2])
