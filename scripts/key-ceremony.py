#!/usr/bin/env python3
"""The key ceremony of the `beijing` network: every founding agency's own keys, and the
chain spec that names them. No private key ever enters the repository or the chain spec.

  key-ceremony.py agency USCC DIR
      On the agency's own (preferably offline) machine: generates its admin account,
      validator account, Aura (sr25519) and GRANDPA (ed25519) session keys and node network
      key. Secrets go to DIR/secrets (mode 0700, files 0600); DIR/public.json holds only
      public keys, and is what the agency hands to the founders.

  key-ceremony.py assemble SPEC_DIR PUBLIC_JSON...
      By the founders: takes the `beijing-template` chain spec (Beijing's agencies with
      placeholder development keys), puts every agency's public keys in place, refuses to
      write a spec that still holds a development key, and writes SPEC_DIR/beijing-plain.json
      and SPEC_DIR/beijing.json (raw, the file every node starts with).

  key-ceremony.py rehearse DIR
      Both steps for all four founding agencies in one place, for testing the procedure.

The node binary is $GOVCHAIN_NODE (scripts/env.sh sets it). Directories inside the
repository are refused. docs/operators.md walks through the ceremony.
"""

import json
import sys
from pathlib import Path

from govchain_keys import (ENDOWMENT, base58_decode, fail, generate, generate_node_key, private_file,
                           run, template_spec, write_raw)

REPOSITORY = Path(__file__).resolve().parent.parent
DEV_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie", "One", "Two"]


def outside_repository(directory):
    path = Path(directory).resolve()
    if path == REPOSITORY or REPOSITORY in path.parents:
        fail(f"{path} is inside the repository; keys and specs are kept outside it")
    return path


def agency(uscc, directory):
    """Generates one agency's keys into `directory`; returns its public part."""
    if len(uscc) != 18:
        fail(f"'{uscc}' is not an 18-character Unified Social Credit Code")
    out = outside_repository(directory)
    secrets = out / "secrets"
    if secrets.exists():
        fail(f"{secrets} exists: a ceremony never overwrites keys")
    secrets.mkdir(parents=True, mode=0o700)
    keys = {
        "admin": generate("sr25519"),
        "validator": generate("sr25519"),
        "aura": generate("sr25519"),
        "grandpa": generate("ed25519"),
    }
    for name, key in keys.items():
        private_file(secrets / f"{name}.json", json.dumps(key, indent=2) + "\n")
    peer_id = generate_node_key(secrets / "node-key")
    public = {
        "agency": uscc,
        "admin": keys["admin"]["ss58Address"],
        "validator": keys["validator"]["ss58Address"],
        "aura": keys["aura"]["ss58PublicKey"],
        "grandpa": keys["grandpa"]["ss58PublicKey"],
        "peerId": peer_id,
    }
    (out / "public.json").write_text(json.dumps(public, indent=2) + "\n")
    print(f"{uscc}: public keys in {out / 'public.json'}, secrets in {secrets}")
    return public


def development_keys():
    """Every public form of the well-known development keys, and the local chain's peer ids."""
    forms = set()
    for name in DEV_NAMES:
        for scheme in ("sr25519", "ed25519"):
            key = json.loads(run("key", "inspect", f"//{name}", "--scheme", scheme, "--output-type", "json"))
            forms.update({key["ss58Address"], key["publicKey"], key["accountId"]})
    return forms


def assemble(spec_dir, public_files):
    out = outside_repository(spec_dir)
    out.mkdir(parents=True, exist_ok=True)
    publics = [json.loads(Path(path).read_text()) for path in public_files]
    by_agency = {public["agency"]: public for public in publics}
    if len(by_agency) != len(publics):
        fail("two public key files name the same agency")

    spec, genesis = template_spec("beijing-template")
    agencies = genesis["agencies"]["agencies"]
    codes = [entry[0] for entry in agencies]
    missing = sorted(set(codes) - set(by_agency))
    unknown = sorted(set(by_agency) - set(codes))
    if missing or unknown:
        fail(f"public keys missing for {missing}, or for agencies not in the template: {unknown}")

    # Agencies: the new admin; officers are added later on chain by each admin.
    for entry in agencies:
        entry[2] = by_agency[entry[0]]["admin"]
        entry[4] = []
    # The template's validating agencies validate, with their own keys and nodes.
    validating = [code for code, _ in genesis["validators"]["validators"]]
    genesis["validators"]["validators"] = [[code, by_agency[code]["validator"]] for code in validating]
    genesis["session"]["keys"] = [
        [by_agency[code]["validator"], by_agency[code]["validator"],
         {"aura": by_agency[code]["aura"], "grandpa": by_agency[code]["grandpa"]}]
        for code in validating
    ]
    genesis["nodeAuthorization"]["nodes"] = [
        [base58_decode(by_agency[code]["peerId"]), by_agency[code]["validator"]] for code in validating
    ]
    genesis["balances"]["balances"] = [
        [public[role], ENDOWMENT] for public in publics for role in ("admin", "validator")
    ]

    # The runtime code itself holds the development keys (its presets); the genesis must not.
    genesis_text = json.dumps(genesis)
    leftovers = sorted(form for form in development_keys() if form in genesis_text)
    if leftovers:
        fail(f"the spec still holds development keys: {leftovers}")
    plain = out / "beijing-plain.json"
    plain.write_text(json.dumps(spec, indent=2) + "\n")
    write_raw(plain, out / "beijing.json")
    print(f"chain spec: {out / 'beijing.json'} ({len(validating)} validators, {len(publics)} agencies)")


def rehearse(directory):
    out = outside_repository(directory)
    _, template = template_spec("beijing-template")
    codes = [entry[0] for entry in template["agencies"]["agencies"]]
    for code in codes:
        agency(code, out / code)
    assemble(out / "spec", [out / code / "public.json" for code in codes])


def main(argv):
    if len(argv) == 3 and argv[0] == "agency":
        agency(argv[1], argv[2])
    elif len(argv) >= 3 and argv[0] == "assemble":
        assemble(argv[1], argv[2:])
    elif len(argv) == 2 and argv[0] == "rehearse":
        rehearse(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
