"""`dmm bench`: how build time and size grow with the number of providers.

Synthesises N providers with realistic field sizes (the Gmail entry's texts, renamed), builds them
in a temporary copy of the project, and prints figures. For comparison it also builds the same
pages "the plain way": every provider page listed in the navigation, as MkDocs does by default.
"""
from __future__ import annotations

import gzip
import os
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

from . import paths
from .dataset import load_dataset
from .generate import generate_site
from .languages import TolerantLoader, site_languages
from .project import copy_project, mkdocs_build

BENCH_SITE_URL = "https://bench.example/"


def synthesise(folder: Path, count: int) -> None:
    """Write `count` provider files modelled on data/providers/gmail.yml, each with its own
    name, slug and domains, so pages have the size of a real, complete guide."""
    template = yaml.safe_load((paths.PROVIDERS / "gmail.yml").read_text(encoding="utf-8"))
    for number in range(count):
        slug = f"bench-provider-{number:04d}"
        entry = {**template, "slug": slug,
                 "name": {code: f"{text} {number}" for code, text in template["name"].items()},
                 "domains": [f"mail{number}.bench.example", f"post{number}.bench.example"]}
        (folder / f"{slug}.yml").write_text(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _size(folder: Path) -> int:
    return sum(file.stat().st_size for file in folder.rglob("*") if file.is_file())


def _list_every_page_in_nav(project: Path, slugs: list[str]) -> str:
    """The plain way: every provider page in the navigation, nothing left out of it. Written as a
    configuration that inherits the project's (MkDocs' INHERIT) and replaces only `nav` and
    `not_in_nav`; returns its file name."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TolerantLoader)
    nav = config["nav"]
    guides = [f"providers/{slug}.md" for slug in slugs]

    def with_guides(items):
        result = []
        for item in items:
            if isinstance(item, dict):
                item = {title: with_guides(value) if isinstance(value, list) else value for title, value in item.items()}
            result.append(item)
            if item == "providers/index.md":
                result += guides
        return result

    plain = {"INHERIT": "mkdocs.yml", "not_in_nav": "", "nav": with_guides(nav)}
    (project / "mkdocs-plain.yml").write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return "mkdocs-plain.yml"


def measure(count: int, workdir: Path, plain: bool = False) -> dict:
    # Gmail stays in: hand-written pages link to its guide and its API file.
    project = copy_project(workdir / f"project-{count}-{'plain' if plain else 'ours'}", [paths.PROVIDERS / "gmail.yml"])
    synthesise(project / "data" / "providers", count)
    config_file = "mkdocs.yml"
    if plain:
        config_file = _list_every_page_in_nav(project, [f"bench-provider-{n:04d}" for n in range(count)])
    site = workdir / f"site-{count}-{'plain' if plain else 'ours'}"

    started = time.perf_counter()
    dataset = load_dataset(project / "data" / "providers", site_languages(project / "mkdocs.yml"))
    generate_site(docs_dir=project / "docs", providers_dir=project / "data" / "providers", dataset=dataset,
                  site_url=BENCH_SITE_URL)
    generation = time.perf_counter() - started

    started = time.perf_counter()
    result = mkdocs_build(project, site, BENCH_SITE_URL, config_file=config_file)
    total = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"build of {count} providers failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")

    guides = [file.stat().st_size for file in site.rglob("providers/bench-provider-*/index.html")]
    searches = [file for file in site.rglob("search_index.json")]
    figures = {
        "providers": count,
        "generation_s": generation,
        # The hook regenerates inside the build too; the rest of the build is MkDocs itself.
        "mkdocs_s": max(total - generation, 0.0),
        "total_s": total,
        "pages": sum(1 for _ in site.rglob("*.html")),
        "site_mb": _size(site) / 1e6,
        "guide_median_kb": statistics.median(guides) / 1e3,
        "guide_largest_kb": max(guides) / 1e3,
        "search_kb": {str(file.relative_to(site).parent.parent) or ".":
                      round(len(gzip.compress(file.read_bytes(), 9)) / 1e3, 1) for file in searches},
    }
    shutil.rmtree(project)
    shutil.rmtree(site)
    return figures


def measure_reload(count: int, workdir: Path) -> float:
    """Seconds from saving an edit to one provider file until `mkdocs serve` has rebuilt the site."""
    project = copy_project(workdir / f"project-{count}-serve", [paths.PROVIDERS / "gmail.yml"])
    synthesise(project / "data" / "providers", count)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                               "-f", str(project / "mkdocs.yml")], cwd=project, env=environment,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()

    def wait_for(text: str, limit: float) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                if text in lines.get(timeout=1):
                    return
            except queue.Empty:
                continue
        raise RuntimeError(f"mkdocs serve did not print {text!r} within {limit} s")

    try:
        wait_for("Serving on", 600)
        edited = project / "data" / "providers" / "bench-provider-0001.yml"
        started = time.monotonic()
        edited.write_text(edited.read_text(encoding="utf-8").replace("Gmail", "Gmail (edited)", 1), encoding="utf-8")
        wait_for("Reloading browsers", 600)
        return time.monotonic() - started
    finally:
        server.terminate()
        server.wait(30)
        shutil.rmtree(project)


def run(counts: list[int], plain_up_to: int, reload_at: int | None = None) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="dmm-bench-") as folder:
        workdir = Path(folder)
        for count in counts:
            ours = measure(count, workdir)
            print(_row("ours", ours), flush=True)
            if count <= plain_up_to:
                plain = measure(count, workdir, plain=True)
                print(_row("plain", plain), f"| plain/ours time {plain['total_s'] / ours['total_s']:.1f}x,"
                      f" size {plain['site_mb'] / ours['site_mb']:.1f}x", flush=True)
            rows.append(ours)
        if reload_at:
            print(f"mkdocs serve, N={reload_at}: rebuilt {measure_reload(reload_at, workdir):.1f} s after an edit"
                  " to one provider file", flush=True)
    by_count = {row["providers"]: row for row in rows}
    if 500 in by_count and 2000 in by_count:
        print(f"time 500 -> 2000 providers: {by_count[2000]['total_s'] / by_count[500]['total_s']:.2f}x "
              f"(linear would be 4x)")
    return rows


def _row(kind: str, f: dict) -> str:
    search = ", ".join(f"{where}: {size} KB" for where, size in sorted(f["search_kb"].items()))
    return (f"{kind:5} N={f['providers']:5} | generation {f['generation_s']:5.1f} s | mkdocs {f['mkdocs_s']:5.1f} s"
            f" | total {f['total_s']:5.1f} s | {f['pages']:5} pages | site {f['site_mb']:7.1f} MB"
            f" | guide median {f['guide_median_kb']:.1f} KB, largest {f['guide_largest_kb']:.1f} KB"
            f" | search (gzip) {search}")
