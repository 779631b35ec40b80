"""External links in the dataset, and a polite check that they still answer (used weekly by
.github/workflows/links.yml; never part of the tests, which run offline).

The check runs on a machine with a network, on URLs that anyone may propose: it requests only
URLs that pass the dataset's URL rule (urls.py), only hosts whose every address is public, and it
follows a redirect only to such a host. A redirect or a DNS answer that points inside the network
(127.0.0.1, 10.x, 169.254.169.254, ...) is reported, never requested.
"""
from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from .dataset import Dataset, is_url_field, walk_fields
from .urls import url_problem

USER_AGENT = "DeliverMyMail-link-check/1 (+https://github.com)"


class RefusedAddress(Exception):
    """A URL the check will not request."""


def external_links(dataset: Dataset) -> dict[str, list[str]]:
    """Every link in the data (providers and escalation files), with the entries and fields that use it."""
    links: dict[str, list[str]] = {}
    documents = [*dataset.providers.items(), *((f"escalation/{code}", data) for code, data in dataset.escalation.items())]
    for name, document in documents:
        for path, value in walk_fields(document):
            if isinstance(value, str) and is_url_field(path):
                links.setdefault(value, []).append(f"{name}: {'.'.join(map(str, path))}")
    return links


def ensure_public(url: str) -> None:
    """Raise RefusedAddress unless `url` passes the URL rule and its host resolves only to public
    (globally routable) addresses."""
    # http passes here because the dataset's rules allow it only for sources (pages read over plain http).
    problem = url_problem(url, plain_http_allowed=True)
    if problem:
        raise RefusedAddress(f"not requested: {problem}")
    host = urlsplit(url).hostname
    try:
        answers = socket.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)
    except OSError as error:
        raise RefusedAddress(f"host not found ({error})") from None
    for *_, address in answers:
        ip = ipaddress.ip_address(address[0].split("%")[0])
        if not ip.is_global:
            raise RefusedAddress(f"not requested: {host} resolves to the non-public address {ip}")


class _PublicRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to a URL that ensure_public accepts."""

    def redirect_request(self, request, response, code, message, headers, new_url):
        ensure_public(new_url)
        return super().redirect_request(request, response, code, message, headers, new_url)


_opener = urllib.request.build_opener(_PublicRedirects)


def check(url: str, timeout: float = 20, opener=_opener) -> str | None:
    """None when the address answers with a success or a redirect; otherwise what went wrong."""
    try:
        ensure_public(url)
    except RefusedAddress as refused:
        return str(refused)
    problem = None
    for method in ("HEAD", "GET"):     # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with opener.open(request, timeout=timeout):
                return None
        except RefusedAddress as refused:
            return f"redirect {refused}"
        except urllib.error.HTTPError as error:
            problem = f"HTTP {error.code}"
            if error.code not in (403, 405, 501):
                return problem
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, RefusedAddress):
                return f"redirect {reason}"
            problem = str(reason)
    return problem


def check_all(links: dict[str, list[str]], workers: int = 8) -> dict[str, str]:
    with ThreadPoolExecutor(workers) as pool:
        results = dict(zip(links, pool.map(check, links), strict=False))
    return {url: problem for url, problem in results.items() if problem}
