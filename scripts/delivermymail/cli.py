"""Deliver My Mail maintainer command line (`dmm`, or `python -m delivermymail`). Each command's
docstring is its --help. Run it from the project's folder (or below it): it finds the project
there (paths.py)."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import paths
from .dataset import check_dataset, load_dataset
from .languages import site_languages
from .lookup import lookup, provider_names
from .strings import missing_translations


def cmd_check(args) -> int:
    """Validate every provider file and every translation; print all problems; exit 1 if any.

    Warnings (entries not verified for 12 months) are printed but do not fail the check."""
    dataset, problems = check_dataset(Path(args.providers))
    translation_gaps = missing_translations(site_languages())
    for warning in dataset.warnings:
        print(f"warning: {warning}")
    for problem in problems:
        print(f"error: {problem}")
    for gap in translation_gaps:
        print(f"error: {gap}")
    total = len(problems) + len(translation_gaps)
    if total:
        print(f"{total} problem(s) found.", file=sys.stderr)
        return 1
    print(f"OK: {len(dataset.providers)} providers, {len(dataset.domain_owner)} domains, "
          f"languages {', '.join(language.code for language in dataset.languages)}.")
    return 0


def _mkdocs(*arguments: str) -> int:
    # NO_MKDOCS_2_WARNING silences Material's notice about MkDocs 2; we pin mkdocs<2.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call([sys.executable, "-m", "mkdocs", *arguments, "-f", str(paths.MKDOCS_YML)],
                           cwd=paths.ROOT, env=env)


def cmd_build(args) -> int:
    """Generate the pages from data/ and build the site with `mkdocs build --strict` into site/
    (or --site-dir). Fails on any data problem or MkDocs warning.

    The build goes into a new folder beside the target, which replaces the target only when the
    build succeeded: after a failure or an interrupt, site/ is still the last good build."""
    target = Path(args.site_dir).resolve() if args.site_dir else paths.ROOT / "site"
    target.parent.mkdir(parents=True, exist_ok=True)
    for leftover in target.parent.glob(f".{target.name}.building-*"):
        shutil.rmtree(leftover, ignore_errors=True)     # from an interrupted build
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    staging.chmod(0o755)    # mkdtemp's 0700 would become the published folder's mode
    try:
        status = _mkdocs("build", "--strict", "--site-dir", str(staging))
        if status == 0:
            _replace_folder(target, staging)
        else:
            print(f"The build failed; {_display(target)} was left as it was.", file=sys.stderr)
        return status
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _replace_folder(target: Path, new: Path) -> None:
    """Put `new` in the place of `target` with two renames, so that no reader of `target` ever
    sees a half-written site."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def cmd_serve(args) -> int:
    """Live preview at http://127.0.0.1:8000/ ; edits to docs/ and data/ reload the page."""
    return _mkdocs("serve", "--dev-addr", args.dev_addr)


def cmd_lookup(args) -> int:
    """Which provider hosts ADDRESS (an e-mail address or a bare domain). Exact domain match only;
    a likely typo of a known domain gets a suggestion, never a mapping."""
    dataset = load_dataset()
    result = lookup(args.address, dataset.domain_owner, provider_names(dataset.providers, dataset.domain_owner))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    if result["provider"]:
        entry = dataset.providers[result["provider"]]
        default = dataset.languages[0].code
        print(f"{result['domain'] or result['address']}: {entry['name'][default]} ({result['provider']}) -> /providers/{result['provider']}/")
    elif result["domain"] is None:
        hint = f" Did you mean {result['suggestion']}?" if result["suggestion"] else ""
        print(f"Not an e-mail address or domain.{hint}")
        return 1
    else:
        hint = f" Did you mean {result['suggestion']}?" if result["suggestion"] else ""
        print(f"{result['domain']}: no provider in the dataset.{hint}")
    return 0


def cmd_bench(args) -> int:
    """Build synthetic datasets of --sizes providers (default 100, 500, 2000) in a temporary folder
    and print generation time, build time, pages, site size, guide size and search payload; the
    plain build (every page in the navigation) runs too, up to --plain-up-to providers. With
    --weight SITE: what a phone downloads on a first visit to a guide of the built site SITE and
    on a second guide, in Chromium, against the targets (delivermymail/weight.py), and how long the
    header reader takes to explain a megabyte."""
    if args.weight:
        from . import weight

        weight.report(weight.measure(Path(args.weight)))
        weight.report_reader(weight.header_reader_timing(Path(args.weight), paths.ROOT / "tests" / "fixtures" / "headers" / "gmail-dmarc-fail.eml"))
        return 0
    from .bench import run

    run([int(size) for size in args.sizes.split(",")], args.plain_up_to, args.reload_at)
    return 0


def cmd_links(args) -> int:
    """Check every external link in the data (needs the network; run weekly by a workflow, not by
    the tests). Prints the broken ones with the entries that use them; --report also writes them
    as Markdown to a file (the workflow's job summary). Exits 0: providers move pages, and the
    report is a to-do list, not a failure."""
    from .links import check_all, external_links

    links = external_links(load_dataset())
    broken = check_all(links)
    lines = [f"{len(links)} external links checked, {len(broken)} not answering."]
    lines += [f"- {url}: {problem} ({'; '.join(links[url])})" for url, problem in sorted(broken.items())]
    print("\n".join(lines))
    if args.report:
        with open(args.report, "a", encoding="utf-8") as report:
            report.write("## External links\n\n" + "\n".join(lines) + "\n")
    return 0


def cmd_crosscheck(args) -> int:
    """Compare the dataset's domains with a local checkout of Thunderbird's ISP database
    (https://github.com/thunderbird/autoconfig): domains it groups with ours that we lack, domains
    we list that it gives to another provider, and how many of ours it does not know. Reads only
    the path given; fetches nothing. Exits 0: the report is a to-do list, not a failure."""
    from .crosscheck import crosscheck, left_out_on_purpose, read_ispdb, report

    dataset = load_dataset()
    findings = crosscheck(dataset, read_ispdb(Path(args.ispdb)), left_out_on_purpose(paths.DATA / "crosscheck.yml"))
    lines = report(findings, dataset)
    print("\n".join(lines))
    if args.report:
        with open(args.report, "a", encoding="utf-8") as out:
            out.write("## Thunderbird ISP database cross-check\n\n" + "\n".join(lines) + "\n")
    return 0


FIELDS_START, FIELDS_END = "<!-- fields:start (generated by: dmm fields --write) -->", "<!-- fields:end -->"
CONTRIBUTING = paths.ROOT / "CONTRIBUTING.md"


def field_table() -> str:
    """The contributor guide's field table, made from the schema's descriptions."""
    schema = json.loads(paths.SCHEMA.read_text(encoding="utf-8"))
    rows = ["| Field | Required | What it holds |", "|---|---|---|"]
    for name, spec in schema["properties"].items():
        required = "yes" if name in schema["required"] else ""
        description = spec.get("description", "").replace("|", "\\|")
        rows.append(f"| `{name}` | {required} | {description} |")
    return "\n".join(rows)


def cmd_fields(args) -> int:
    """Print the provider field table made from the schema; --write puts it into CONTRIBUTING.md,
    --verify fails when CONTRIBUTING.md is out of date."""
    table = field_table()
    if not (args.write or args.verify):
        print(table)
        return 0
    text = CONTRIBUTING.read_text(encoding="utf-8")
    start, end = text.index(FIELDS_START) + len(FIELDS_START), text.index(FIELDS_END)
    current = f"{text[:start]}\n{table}\n{text[end:]}"
    if args.write:
        CONTRIBUTING.write_text(current, encoding="utf-8")
    elif args.verify and current != text:
        print("CONTRIBUTING.md's field table is out of date: run dmm fields --write")
        return 1
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="dmm", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, function in (("check", cmd_check), ("build", cmd_build), ("serve", cmd_serve),
                           ("lookup", cmd_lookup), ("fields", cmd_fields),
                           ("bench", cmd_bench), ("links", cmd_links), ("crosscheck", cmd_crosscheck)):
        command = commands.add_parser(name, help=function.__doc__.splitlines()[0], description=function.__doc__)
        command.set_defaults(run=function)
        if name == "check":
            command.add_argument("--providers", default=str(paths.PROVIDERS),
                                 help="folder of provider files to check (default: data/providers)")
        if name == "build":
            command.add_argument("--site-dir", help="where to write the site (default: site/)")
        if name == "serve":
            command.add_argument("--dev-addr", default="127.0.0.1:8000")
        if name == "links":
            command.add_argument("--report", help="append a Markdown report to this file")
        if name == "crosscheck":
            command.add_argument("--ispdb", required=True, help="a local checkout of thunderbird/autoconfig (or its ispdb/ folder)")
            command.add_argument("--report", help="append a Markdown report to this file")
        if name == "bench":
            command.add_argument("--sizes", default="100,500,2000")
            command.add_argument("--plain-up-to", type=int, default=500,
                                 help="largest size also built the plain way (it grows with the square)")
            command.add_argument("--reload-at", type=int, default=500,
                                 help="measure the `mkdocs serve` rebuild after one edit at this size (0: skip)")
            command.add_argument("--weight", metavar="SITE", help="measure page weight on this built site instead")
        if name == "fields":
            mode = command.add_mutually_exclusive_group()
            mode.add_argument("--write", action="store_true")
            mode.add_argument("--verify", action="store_true")
        if name == "lookup":
            command.add_argument("address")
            command.add_argument("--json", action="store_true", help='print {"address", "domain", "provider", "suggestion"}')
    args = parser.parse_args(argv)
    return args.run(args)

