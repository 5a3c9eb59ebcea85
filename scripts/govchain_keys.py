"""Keys and chain specs through the govchain-node binary, shared by the scripts that write a
network's chain spec (key-ceremony.py for a real network, network-spec.py for a local one).

The node binary is $GOVCHAIN_NODE (scripts/env.sh sets it; the container image sets it too).
"""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

# Every account and validator gets this much of the fee token, as the template's accounts do.
ENDOWMENT = 1_000_000 * 10**12


def fail(message):
    sys.exit(f"{Path(sys.argv[0]).stem}: {message}")


def node():
    binary = os.environ.get("GOVCHAIN_NODE")
    if not binary or not Path(binary).is_file():
        fail("set GOVCHAIN_NODE to the govchain-node binary (source scripts/env.sh)")
    return binary


def run(*args):
    result = subprocess.run([node(), *args], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"govchain-node {' '.join(args[:2])} failed: {result.stderr.strip()[-500:]}")
    return result.stdout


def private_file(path, content):
    path.write_text(content)
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def generate(scheme):
    """A fresh key pair of `scheme`: the node's `key generate` JSON (secretSeed, ss58Address…)."""
    return json.loads(run("key", "generate", "--scheme", scheme, "--output-type", "json"))


def generate_node_key(path):
    """Writes a fresh network key to `path` (owner-only) and returns its PeerId."""
    run("key", "generate-node-key", "--file", str(path))
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    return run("key", "inspect-node-key", "--file", str(path)).strip()


def base58_decode(text):
    """A PeerId's bytes, as pallet-node-authorization stores them."""
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    number = 0
    for character in text:
        if character not in alphabet:
            fail(f"'{text}' is not a base58 peer id")
        number = number * 58 + alphabet.index(character)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return list(b"\0" * (len(text) - len(text.lstrip("1"))) + body)


def template_spec(name):
    """The plain chain spec of a built-in chain, as a dict, and its genesis patch."""
    spec = json.loads(run("build-spec", "--chain", name))
    return spec, spec["genesis"]["runtimeGenesis"]["patch"]


def write_raw(plain_path, raw_path):
    """Writes the raw form of the plain spec at `plain_path` (what every node starts with)."""
    raw_path.write_text(run("build-spec", "--chain", str(plain_path), "--raw"))
