#!/usr/bin/env python3
"""Deliver My Mail maintainer command line. Each command's docstring is its --help."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from delivermymail import paths  # noqa: E402
from delivermymail.dataset import check_dataset, load_dataset  # noqa: E402
from delivermymail.languages import site_languages  # noqa: E402
from delivermymail.lookup import lookup  # noqa: E402
from delivermymail.strings import missing_translations  # noqa: E402


def cmd_check(args) -> int:
    """Validate every provider file and every translation; print all problems; exit 1 if any.

    Warnings (entries not verified for 12 months) are printed but do not fail the check."""
    dataset, problems = check_dataset()
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
    (or --site-dir). Fails on any data problem or MkDocs warning."""
    extra = ["--site-dir", str(Path(args.site_dir).resolve())] if args.site_dir else []
    return _mkdocs("build", "--strict", *extra)


def cmd_serve(args) -> int:
    """Live preview at http://127.0.0.1:8000/ ; edits to docs/ and data/ reload the page."""
    return _mkdocs("serve", "--dev-addr", args.dev_addr)


def cmd_lookup(args) -> int:
    """Which provider hosts ADDRESS (an e-mail address or a bare domain). Exact domain match only;
    a likely typo of a known domain gets a suggestion, never a mapping."""
    dataset = load_dataset()
    result = lookup(args.address, dataset.domain_owner)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    if result["provider"]:
        entry = dataset.providers[result["provider"]]
        print(f"{result['domain']}: {entry['name']['en']} ({result['provider']}) -> /providers/{result['provider']}/")
    elif result["domain"] is None:
        print("Not an e-mail address or domain.")
        return 1
    else:
        hint = f" Did you mean {result['suggestion']}?" if result["suggestion"] else ""
        print(f"{result['domain']}: no provider in the dataset.{hint}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="dmm.py", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, function in (("check", cmd_check), ("build", cmd_build), ("serve", cmd_serve),
                           ("lookup", cmd_lookup)):
        command = commands.add_parser(name, help=function.__doc__.splitlines()[0], description=function.__doc__)
        command.set_defaults(run=function)
        if name == "build":
            command.add_argument("--site-dir", help="where to write the site (default: site/)")
        if name == "serve":
            command.add_argument("--dev-addr", default="127.0.0.1:8000")
        if name == "lookup":
            command.add_argument("address")
            command.add_argument("--json", action="store_true", help='print {"address", "domain", "provider", "suggestion"}')
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
