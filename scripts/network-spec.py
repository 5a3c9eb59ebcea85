#!/usr/bin/env python3
"""Writes a local network of N agency validators: its chain spec, every node's keys and
every node's command line. Used by scripts/network.sh (nodes on loopback) and by
docker/compose.yaml (one container per node), so that both run the same network.

  network-spec.py DIR N [--layout loopback|compose] [--archive]
                  [--p2p-base P] [--rpc-base R] [--prometheus-base M] [--load-accounts L]
                  [--code RUNTIME.wasm]

The chain follows the production-like `beijing` preset's rules (no sudo key, hourly
sessions, only listed nodes may connect; everything goes through the council). Beijing's
four founding agencies keep their development admin accounts (Alice to Dave, officers Eve
and Ferdie), so that the scenario and polkadot.js can act for them on this test network.
Validator i belongs to founding agency (i - 1) mod 4 and has its own generated account,
Aura and GRANDPA keys (inserted into its node's keystore) and network key (listed at
genesis). `--archive` adds a non-validating archive node, also listed, for inspection.
`--load-accounts L` endows govchain-loadgen's first L load accounts at genesis (and makes
32 of them market-regulator officers, the others controllers of companies and operators of
certification bodies: `govchain-loadgen prepare`) for scripts/bench.sh --validators; the loadgen
binary is $GOVCHAIN_LOADGEN, or the one beside $GOVCHAIN_NODE. `--code` starts the chain on
another runtime than the node's own (a release's wasm, e.g. tests/e2e/fixtures/, to rehearse
its upgrade); that runtime builds the genesis state, so it must accept the node's genesis
config.

What is written under DIR (created if missing):
  network.json            the layout: each node's name, agency, account, PeerId and ports
  spec-plain.json, spec.json   the chain spec (plain, and raw: what the nodes start with)
  <node>/args             the node's arguments, one per line, paths relative to DIR
  <node>/secrets/*.json   its keys' secrets (owner-only); <node>/node-key its network key
  <node>/chains/.../keystore   its session keys, inserted

Re-running with the same N and layout leaves an existing network as it is; anything else
is refused (remove DIR first). The node binary is $GOVCHAIN_NODE.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from govchain_keys import (ENDOWMENT, base58_decode, fail, generate, generate_node_key, private_file,
                           run, template_spec, write_raw)

CHAIN_ID = "govchain_agency_network"
# The validators pallet allows at least 3 validators, and 4 per agency (4 founding agencies).
MIN_VALIDATORS, MAX_VALIDATORS = 3, 16
# Inside a container every node has its own address; the ports are the node's defaults.
CONTAINER_PORTS = {"p2p": 30333, "rpc": 9944, "prometheus": 9615}
# A runtime file starts with the wasm magic, or with Substrate's zstd-compression marker.
RUNTIME_MAGICS = (b"\0asm", bytes.fromhex("52bc537646db8e05"))


def runtime_code(path):
    """The runtime wasm at `path` as the chain spec's hex `code`, and its SHA-256."""
    try:
        code = path.read_bytes()
    except OSError as error:
        fail(f"--code {path}: {error.strerror}")
    if not code.startswith(RUNTIME_MAGICS):
        fail(f"--code {path}: not a runtime wasm (neither wasm nor compressed wasm)")
    return "0x" + code.hex(), hashlib.sha256(code).hexdigest()


def node_layout(names, layout, bases):
    """Ports and the address other nodes dial, for each node name."""
    nodes = {}
    for index, name in enumerate(names, start=1):
        if layout == "loopback":
            ports = {kind: bases[kind] + index for kind in CONTAINER_PORTS}
            dial = f"/ip4/127.0.0.1/tcp/{ports['p2p']}"
        else:
            ports = dict(CONTAINER_PORTS)
            dial = f"/dns/{name}/tcp/{ports['p2p']}"
        nodes[name] = {"ports": ports, "dial": dial}
    return nodes


def node_args(name, node, peers, layout, validator):
    """The node's command line, relative to the network directory."""
    ports = node["ports"]
    listen = "127.0.0.1" if layout == "loopback" else "0.0.0.0"
    args = [
        "--chain", "spec.json",
        "--base-path", name,
        "--name", name,
        "--node-key-file", f"{name}/node-key",
        "--listen-addr", f"/ip4/{listen}/tcp/{ports['p2p']}",
        "--rpc-port", str(ports["rpc"]),
        "--prometheus-port", str(ports["prometheus"]),
        "--no-mdns",
        "--no-telemetry",
    ]
    if validator:
        args.append("--validator")
    else:
        args += ["--state-pruning", "archive", "--blocks-pruning", "archive"]
    if layout == "compose":
        args.append("--prometheus-external")
        if not validator:
            # The inspection node serves safe RPC methods to the host; validators' RPC stays
            # inside their containers.
            args += ["--rpc-external", "--rpc-methods", "safe", "--rpc-cors", "all"]
    for peer in peers:
        args += ["--bootnodes", f"{peer['dial']}/p2p/{peer['peerId']}"]
    return args


def loadgen(command, *args):
    """Runs a govchain-loadgen command; fails with its message."""
    tool = os.environ.get("GOVCHAIN_LOADGEN") or str(Path(os.environ["GOVCHAIN_NODE"]).parent / "govchain-loadgen")
    result = subprocess.run([tool, command, *args], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"govchain-loadgen {command}: {result.stderr.strip()}")


def write(directory, count, layout, archive, bases, load_accounts=0, code=None):
    network_file = directory / "network.json"
    code, code_sha256 = runtime_code(code) if code else (None, None)
    if network_file.exists():
        existing = json.loads(network_file.read_text())
        wanted = {"validators": count, "layout": layout, "archive": archive, "loadAccounts": load_accounts,
                  "genesisCodeSha256": code_sha256}
        defaults = {"loadAccounts": 0}
        if {key: existing.get(key, defaults.get(key)) for key in wanted} != wanted:
            runtime = existing.get("genesisCodeSha256") or "the node's own"
            fail(f"{directory} holds another network ({existing['validators']} validators, "
                 f"{existing['layout']} layout, genesis runtime {runtime}); remove it first")
        print(f"network in {directory} exists; kept")
        return
    if not MIN_VALIDATORS <= count <= MAX_VALIDATORS:
        fail(f"{count} validators: a network has {MIN_VALIDATORS} to {MAX_VALIDATORS}")
    directory.mkdir(parents=True, exist_ok=True)
    # No network.json: an earlier run stopped half way (network.json is written last). Its
    # files are thrown away; nothing ever ran on them.
    for leftover in directory.glob("validator-*"):
        shutil.rmtree(leftover)
    shutil.rmtree(directory / "archive", ignore_errors=True)

    spec, genesis = template_spec("beijing-template")
    agencies = [entry[0] for entry in genesis["agencies"]["agencies"]]
    validators = [f"validator-{index}" for index in range(1, count + 1)]
    names = validators + (["archive"] if archive else [])
    nodes = node_layout(names, layout, bases)

    for index, name in enumerate(names):
        secrets = directory / name / "secrets"
        secrets.mkdir(parents=True, mode=0o700)
        node = nodes[name]
        node["peerId"] = generate_node_key(directory / name / "node-key")
        if name in validators:
            keys = {"account": generate("sr25519"), "aura": generate("sr25519"), "grandpa": generate("ed25519")}
            for key_name, key in keys.items():
                private_file(secrets / f"{key_name}.json", json.dumps(key, indent=2) + "\n")
            node["agency"] = agencies[index % len(agencies)]
            node["account"] = keys["account"]["ss58Address"]
            node["keys"] = keys

    owner = nodes[validators[0]]["account"]
    genesis["validators"]["validators"] = [[nodes[name]["agency"], nodes[name]["account"]] for name in validators]
    genesis["session"]["keys"] = [
        [nodes[name]["account"], nodes[name]["account"],
         {"aura": nodes[name]["keys"]["aura"]["ss58PublicKey"],
          "grandpa": nodes[name]["keys"]["grandpa"]["ss58PublicKey"]}]
        for name in validators
    ]
    genesis["nodeAuthorization"]["nodes"] = [
        [base58_decode(nodes[name]["peerId"]), nodes[name].get("account", owner)] for name in names
    ]
    genesis["balances"]["balances"] += [[nodes[name]["account"], ENDOWMENT] for name in validators]
    spec["name"] = f"govchain agency network ({count} validators)"
    spec["id"] = CHAIN_ID
    spec["chainType"] = "Local"
    spec["bootNodes"] = []
    if code:
        spec["genesis"]["runtimeGenesis"]["code"] = code
    plain = directory / "spec-plain.json"
    plain.write_text(json.dumps(spec, indent=2) + "\n")
    if load_accounts:
        loadgen("spec", "--chain-spec", str(plain), "--accounts", str(load_accounts), "--officers", "32",
                "--out", str(plain))
    write_raw(plain, directory / "spec.json")
    if load_accounts:
        # The companies, scheme and bodies the domain workloads act on.
        loadgen("prepare", "--chain-spec", str(directory / "spec.json"), "--out", str(directory / "spec.json"))

    for name in names:
        node = nodes[name]
        peers = [nodes[other] for other in names if other != name]
        args = node_args(name, node, peers, layout, name in validators)
        (directory / name / "args").write_text("\n".join(args) + "\n")
        if name in validators:
            for key, key_type, scheme in (("aura", "aura", "sr25519"), ("grandpa", "gran", "ed25519")):
                run("key", "insert", "--chain", str(directory / "spec.json"), "--base-path", str(directory / name),
                    "--scheme", scheme, "--key-type", key_type, "--suri", node["keys"][key]["secretSeed"])

    summary = {
        "validators": count,
        "layout": layout,
        "archive": archive,
        "loadAccounts": load_accounts,
        "genesisCodeSha256": code_sha256,
        "chain": CHAIN_ID,
        "nodes": [
            {"name": name, "agency": nodes[name].get("agency"), "account": nodes[name].get("account"),
             "peerId": nodes[name]["peerId"], **nodes[name]["ports"]}
            for name in names
        ],
    }
    network_file.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"network of {count} validators written to {directory}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("validators", type=int)
    parser.add_argument("--layout", choices=["loopback", "compose"], default="loopback")
    parser.add_argument("--archive", action="store_true")
    parser.add_argument("--p2p-base", type=int, default=30350)
    parser.add_argument("--rpc-base", type=int, default=9950)
    parser.add_argument("--prometheus-base", type=int, default=9650)
    parser.add_argument("--load-accounts", type=int, default=0)
    parser.add_argument("--code", type=Path, help="runtime wasm to start the chain on (default: the node's)")
    options = parser.parse_args()
    if options.load_accounts < 0:
        fail("--load-accounts cannot be negative")
    bases = {"p2p": options.p2p_base, "rpc": options.rpc_base, "prometheus": options.prometheus_base}
    for kind, base in bases.items():
        if not 1024 <= base <= 65535 - MAX_VALIDATORS - 1:
            fail(f"--{kind}-base {base} is not a usable port range")
    write(options.directory.resolve(), options.validators, options.layout, options.archive, bases,
          options.load_accounts, options.code)


if __name__ == "__main__":
    main()
