"""Which provider hosts an address. The browser finder uses a table generated from the same
dataset and the same rules (browser.browser_data hands them to the browser tools), so both answer alike."""
from __future__ import annotations

import re

import idna

from .names import HOST_LABEL, is_hostname
from .textrules import ARABIC_FOLDS, hidden_characters, trim, without_marks

MAX_INPUT = 320          # longer than any real address (64 + 1 + 255)
MAX_TYPO_DISTANCE = 2
SHORT_DOMAIN = 8         # domains shorter than this allow one typo only


# "Ali <ali@outlook.com>", as mail programs write an address with its name.
_NAMED_ADDRESS = re.compile(r"[^<>]*<([^<>]*)>")
# What is left of a provider's name for matching: Latin letters and digits, lowercase, and Arabic
# letters without marks, with the spellings of one letter folded into one (textrules.ARABIC_FOLDS).
_NOT_NAME = re.compile(r"[^0-9a-z\u0621-\u064a]")
_FOLD = str.maketrans(ARABIC_FOLDS)


def name_key(text: str) -> str:
    return _NOT_NAME.sub("", without_marks(text.lower()).translate(_FOLD))


def unwrap(text: str) -> str:
    """The address inside <...> when the input is a named address; otherwise the input."""
    found = _NAMED_ADDRESS.fullmatch(text)
    return trim(found.group(1)) if found else text


def provider_names(providers: dict[str, dict], domain_owner: dict[str, str]) -> dict[str, str]:
    """Name keys a reader may type instead of an address ("Gmail", "hotmail"), each to its provider:
    the first label of a domain when only one provider has it, then slugs, names and other names
    (aliases) in every language, which win over labels."""
    owners_by_label: dict[str, set[str]] = {}
    for domain, slug in domain_owner.items():
        owners_by_label.setdefault(name_key(domain.split(".")[0]), set()).add(slug)
    names = {label: next(iter(slugs)) for label, slugs in owners_by_label.items() if len(slugs) == 1 and len(label) >= 3}
    for slug, entry in sorted(providers.items()):
        others = [alias for aliases in entry.get("aliases", {}).values() for alias in aliases]
        for key in (name_key(slug), *(name_key(text) for text in [*entry["name"].values(), *others])):
            if len(key) >= 3:
                names[key] = slug
    return names


# ASCII that may stand in a domain name; anything else ASCII ("/", ":", "%", "_") is refused
# before an internationalised name is converted, as the browser's URL parser would read it otherwise.
NOT_DOMAIN_ASCII = re.compile(r"[\x00-\x2c\x2f\x3a-\x60\x7b-\x7f]")
# Hyphens an internationalised label may not have (first, last, or third and fourth), checked by
# idna but not by the browser's URL parser: refused on both sides alike.
BAD_HYPHENS = re.compile(r"^-|-$|^..--")


def ascii_domain(domain: str) -> str | None:
    """An internationalised domain (bücher.de, مثال.مصر) in the ASCII form mail systems use
    (xn--…), converted as browsers convert it (UTS 46, non-transitional); None when it cannot be."""
    if domain.isascii():
        return domain
    if NOT_DOMAIN_ASCII.search(domain) or any(BAD_HYPHENS.search(label) for label in domain.split(".")):
        return None
    try:
        return idna.encode(domain, uts46=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return None


def domain_of(raw: str) -> str | None:
    """The domain of an address or bare domain: trimmed (textrules.TRIMMED), lowercased, after the
    last @, no final dot, in its ASCII form. None when what is left is not a valid domain name, or
    when the address holds an invisible character anywhere (they can make one address look like another)."""
    text = trim(raw or "").lower()
    if not text or len(text) > MAX_INPUT or hidden_characters(text):
        return None
    domain = ascii_domain(text.rsplit("@", 1)[-1].rstrip("."))
    return domain if domain and is_hostname(domain) else None


def complete_domain(raw: str, domain_owner: dict[str, str]) -> str | None:
    """For an address without its top-level domain ("x@gmail"), a known domain that starts with that
    name, as a suggestion: the .com one, else the shortest (hotmail.com before hotmail.co.uk); None otherwise."""
    text = trim(raw or "").lower()
    if "@" not in text or hidden_characters(text):
        return None
    label = text.rsplit("@", 1)[-1].rstrip(".")
    if not HOST_LABEL.fullmatch(label):
        return None
    candidates = sorted((not domain.endswith(".com"), len(domain), domain) for domain in domain_owner if domain.split(".")[0] == label)
    return candidates[0][2] if candidates else None


def edit_distance(a: str, b: str, limit: int = MAX_TYPO_DISTANCE) -> int:
    """Optimal string alignment distance (a swap of two neighbours counts once), capped at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def suggest(domain: str, known: dict[str, str]) -> str | None:
    """The known domain a typo most likely meant, or None. Never a mapping: the reader decides.
    Short domains allow one edit only, so that unrelated short domains are not suggested."""
    best = None
    for candidate in sorted(known):
        limit = 1 if len(candidate) < SHORT_DOMAIN else MAX_TYPO_DISTANCE
        distance = edit_distance(domain, candidate, limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best else None


def lookup(raw: str, domain_owner: dict[str, str], names: dict[str, str] | None = None) -> dict:
    """{"address", "domain", "provider", "suggestion"}: the provider of an exact domain match, or,
    for input that is no address at all, of a provider's name ("Gmail", "hotmail"); the suggestion
    is a known domain for a likely typo (gmial.com) or a missing top-level domain (x@gmail)."""
    address = unwrap(trim(raw or ""))
    domain = domain_of(address)
    provider = domain_owner.get(domain) if domain else None
    suggestion = suggest(domain, domain_owner) if domain and not provider else None
    if not domain:
        suggestion = complete_domain(address, domain_owner)
    if not domain and names and "@" not in address and len(address) <= 64 and not hidden_characters(address):
        provider = names.get(name_key(address))
    return {"address": address, "domain": domain, "provider": provider, "suggestion": suggestion}
