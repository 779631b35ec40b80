"""What counts as a safe link in the dataset. The schema only checks that a URL starts with
https:// (or http:// for a page read as a source); these rules refuse the URLs that deceive a reader
or reach a private host. The weekly link check (links.py) uses the same rule before it requests anything.

A source (the page a fact was read on) may be a plain-http page, since some providers' old pages
answer only that way: it is recorded and shown as text, never linked (is_plain_http)."""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from .names import is_hostname


def url_problem(value: str, plain_http_allowed: bool = False) -> str | None:
    """Why `value` is not a safe https link for readers, or None when it is. With
    `plain_http_allowed` (a source's address), an http:// address passes the same rules."""
    if not value.isascii():
        return "must be ASCII only: write the host in its xn-- form and other letters percent-encoded"
    if any(ord(character) < 0x21 or ord(character) == 0x7F for character in value):
        return "must not contain spaces or control characters"
    if "\\" in value:
        return "must not contain a backslash (browsers read it as /, other programs do not)"
    parts = urlsplit(value)
    schemes = ("https", "http") if plain_http_allowed else ("https",)
    if parts.scheme not in schemes:
        return "must be an https:// or http:// address" if plain_http_allowed else "must be an https:// address"
    if "@" in parts.netloc:
        return ("must not contain a user name or password before the host: "
                "'https://bank.example@evil.example/' goes to evil.example")
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:
        return "has a port that is not a number"
    if port not in (None, 443 if parts.scheme == "https" else 80):
        return f"must use the standard {parts.scheme} port, not {port}"
    if host.startswith("[") or _is_ip(host):
        return "must name a host, not an IP address"
    if host == "localhost" or host.endswith(".localhost"):
        return "must not point at localhost"
    if not is_hostname(host):
        return f"has '{host[:80]}' as its host, which is not a valid lowercase domain name"
    return None


def is_plain_http(url: str) -> bool:
    """A source read over plain http: shown as text, not linked (a reader's browser would fetch it
    unencrypted, and anyone on the way could change it)."""
    return url.startswith("http://")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False


def public_site_url(site_url: str) -> str | None:
    """The site's published address, ending in "/", or None when the build has none: no address, or
    one only this machine can open (localhost, an IP address). Links handed to customers (the kit's
    link builder, the flyer) are made only from a public address, never from a preview's."""
    parts = urlsplit(site_url or "")
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host or host == "localhost" or host.endswith(".localhost") or _is_ip(host):
        return None
    return site_url.rstrip("/") + "/"
