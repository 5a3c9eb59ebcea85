#!/usr/bin/env python3
"""How block import cost grows with the number of companies in state (on demand).

    scripts/state-growth.py [--blocks 150] [--per-block 769] [--window 20] [--out DIR]

Builds a benchmark chain whose load accounts are all market-regulator officers, has
`govchain-loadgen blocks` put PER-BLOCK company registrations in every block (769, what a
block held by weight in runtime spec 105, so that runs compare across weight changes),
splits the blocks into the first WINDOW, the middle and the last WINDOW, and times
`govchain-node import-blocks` of the first window on an empty chain and of the last window
once the middle is imported. Each import's start-up (opening the database) is timed with an
empty import on the same database and taken off. Prints a table and writes
DIR/state-growth.json. The default (about 104,000 companies; every tenth block is a session
change and takes none) takes about 3 minutes; `--blocks 1450`, about a million companies,
takes 19 minutes, 11 GiB of memory while the blocks are built and 8.3 GiB of disk.
Binaries: $GOVCHAIN_NODE and $GOVCHAIN_LOADGEN, or the workspace's release build.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = Path(os.environ.get("CARGO_TARGET_DIR", Path.home() / ".cache/govchain/target")) / "release"
NODE = os.environ.get("GOVCHAIN_NODE", str(TARGET / "govchain-node"))
LOADGEN = os.environ.get("GOVCHAIN_LOADGEN", str(TARGET / "govchain-loadgen"))


def compact(data, i):
    """A SCALE compact integer at `i`: (value, next index)."""
    mode = data[i] & 3
    if mode == 0:
        return data[i] >> 2, i + 1
    if mode == 1:
        return int.from_bytes(data[i:i + 2], "little") >> 2, i + 2
    if mode == 2:
        return int.from_bytes(data[i:i + 4], "little") >> 2, i + 4
    length = (data[i] >> 2) + 4
    return int.from_bytes(data[i + 1:i + 1 + length], "little"), i + 1 + length


def blocks_of(data):
    """The (start, end, transactions) of every block of an `import-blocks --binary` file."""
    count, i = int.from_bytes(data[:8], "little"), 8
    found = []
    for _ in range(count):
        start = i
        i += 32  # parent hash
        _, i = compact(data, i)  # number
        i += 64  # state and extrinsics roots
        items, i = compact(data, i)
        for _ in range(items):
            tag = data[i]
            i += 1
            if tag in (4, 5, 6):  # consensus, seal, pre-runtime: engine id and bytes
                i += 4
            if tag in (0, 4, 5, 6):
                length, i = compact(data, i)
                i += length
            elif tag != 8:
                sys.exit(f"state-growth: unknown digest item {tag}")
        extrinsics, i = compact(data, i)
        for _ in range(extrinsics):
            length, i = compact(data, i)
            i += length
        if data[i] != 0:
            sys.exit("state-growth: a block carries justifications, which this script does not read")
        i += 1
        found.append((start, i, extrinsics - 1))  # the timestamp inherent is not a transaction
    return found


def write_part(data, blocks, first, last, path):
    """Blocks `first`..`last` (1-based) as an import file of their own."""
    path.write_bytes((last - first + 1).to_bytes(8, "little") + data[blocks[first - 1][0]:blocks[last - 1][1]])


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, **kwargs).stdout


def timed_import(spec, base, blocks_file, empty):
    """Seconds to import `blocks_file`, less the start-up an empty import takes."""
    def once(path):
        began = time.monotonic()
        run(NODE, "import-blocks", "--chain", str(spec), "--base-path", str(base), "--binary", str(path))
        return time.monotonic() - began
    once(empty)  # creates the database on the first import: not start-up to take off
    startup = once(empty)
    return once(blocks_file) - startup, startup


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=150, help="blocks to build (default 150)")
    parser.add_argument("--per-block", type=int, default=769, help="registrations a block (default 769)")
    parser.add_argument("--window", type=int, default=20, help="blocks timed at each end (default 20)")
    parser.add_argument("--out", type=Path, default=None, help="where to keep the JSON (default: a temporary directory)")
    args = parser.parse_args()
    if args.window < 1 or args.blocks < 3 * args.window:
        parser.error("--blocks must be at least three times --window, and --window at least 1")
    if args.per_block < 1:
        parser.error("--per-block must be at least 1")
    for binary in (NODE, LOADGEN):
        if not os.access(binary, os.X_OK):
            sys.exit(f"state-growth: no binary at {binary}: build the workspace or set GOVCHAIN_NODE/GOVCHAIN_LOADGEN")

    work = Path(tempfile.mkdtemp(prefix="govchain-state-growth-"))
    out = args.out or work
    out.mkdir(parents=True, exist_ok=True)
    try:
        (work / "plain.json").write_bytes(run(NODE, "build-spec", "--chain", "dev"))
        # The regulator's admin and its one officer leave room for 62 more.
        run(LOADGEN, "spec", "--chain-spec", str(work / "plain.json"), "--accounts", "62", "--officers", "62",
            "--out", str(work / "bench.json"))
        (work / "raw.json").write_bytes(run(NODE, "build-spec", "--chain", str(work / "bench.json"), "--raw"))
        began = time.monotonic()
        run(LOADGEN, "blocks", "--chain-spec", str(work / "raw.json"), "--blocks", str(args.blocks),
            "--transactions", str(args.per_block), "--out", str(work / "blocks.bin"))
        built = time.monotonic() - began
        data = (work / "blocks.bin").read_bytes()
        blocks = blocks_of(data)
        window, total = args.window, len(blocks)
        parts = {"first": (1, window), "middle": (window + 1, total - window), "last": (total - window + 1, total)}
        for name, (first, last) in parts.items():
            write_part(data, blocks, first, last, work / f"{name}.bin")
        (work / "empty.bin").write_bytes(bytes(8))

        def companies_before(block):
            return sum(b[2] for b in blocks[:block - 1])

        def transactions(first, last):
            return sum(b[2] for b in blocks[first - 1:last])

        base = work / "db"
        first_seconds, first_startup = timed_import(work / "raw.json", base, work / "first.bin", work / "empty.bin")
        run(NODE, "import-blocks", "--chain", str(work / "raw.json"), "--base-path", str(base), "--binary",
            str(work / "middle.bin"))
        last_seconds, last_startup = timed_import(work / "raw.json", base, work / "last.bin", work / "empty.bin")
        rows = []
        for name, seconds, startup in (("first", first_seconds, first_startup), ("last", last_seconds, last_startup)):
            first, last = parts[name]
            count = transactions(first, last)
            rows.append({
                "window": f"blocks {first}-{last}",
                "companies_before": companies_before(first),
                "registrations": count,
                "seconds": round(seconds, 2),
                "ms_per_block": round(1000 * seconds / (last - first + 1), 1),
                "ms_per_registration": round(1000 * seconds / count, 3) if count else None,
                "database_open_seconds": round(startup, 2),
            })
        report = {
            "blocks": total,
            "registrations": sum(b[2] for b in blocks),
            "most_per_block": max(b[2] for b in blocks),
            "empty_blocks": sum(1 for b in blocks if b[2] == 0),
            "build_seconds": round(built, 1),
            "database_bytes": sum(f.stat().st_size for f in base.rglob("*") if f.is_file()),
            "windows": rows,
        }
        (out / "state-growth.json").write_text(json.dumps(report, indent=2))
        print(f"{report['registrations']} registrations in {total} blocks (at most {report['most_per_block']} a block; "
              f"{report['empty_blocks']} session-change blocks took none), built in {report['build_seconds']} s")
        print("| window | companies before | registrations | import s | ms/block | ms/registration | database open s |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for row in rows:
            print(f"| {row['window']} | {row['companies_before']} | {row['registrations']} | {row['seconds']} | "
                  f"{row['ms_per_block']} | {row['ms_per_registration']} | {row['database_open_seconds']} |")
        print(f"database: {report['database_bytes'] / 2**20:.0f} MiB; JSON in {out / 'state-growth.json'}")
    finally:
        # Only the JSON is kept: the blocks and the database are hundreds of MiB.
        shutil.rmtree(work / "db", ignore_errors=True)
        for leftover in work.glob("*.bin"):
            leftover.unlink()
        if args.out:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
