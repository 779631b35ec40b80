"""External links in the dataset, and a polite check that they still answer (used weekly by
.github/workflows/links.yml; never part of the tests, which run offline)."""
from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from .dataset import Dataset, walk_fields

USER_AGENT = "DeliverMyMail-link-check/1 (+https://github.com)"


def external_links(dataset: Dataset) -> dict[str, list[str]]:
    """Every https address in the data, with the entries and fields that use it."""
    links: dict[str, list[str]] = {}
    for slug, entry in dataset.providers.items():
        for path, value in walk_fields(entry):
            if isinstance(value, str) and value.startswith("https://") and path and (
                    path[-1] in ("url", "website") or (len(path) >= 2 and path[-2] == "url")):
                links.setdefault(value, []).append(f"{slug}: {'.'.join(map(str, path))}")
    return links


def check(url: str, timeout: float = 20) -> str | None:
    """None when the address answers with a success or a redirect; otherwise what went wrong."""
    for method in ("HEAD", "GET"):     # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as error:
            problem = f"HTTP {error.code}"
            if error.code not in (403, 405, 501):
                return problem
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            problem = str(getattr(error, "reason", error))
    return problem


def check_all(links: dict[str, list[str]], workers: int = 8) -> dict[str, str]:
    with ThreadPoolExecutor(workers) as pool:
        results = dict(zip(links, pool.map(check, links)))
    return {url: problem for url, problem in results.items() if problem}
