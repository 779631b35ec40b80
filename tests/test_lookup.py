"""`lookup`: exact whole-domain matches only; typos get a suggestion, never a mapping."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from sitetools import FIXTURES

from delivermymail.dataset import load_dataset
from delivermymail.lookup import domain_of, edit_distance, lookup, provider_names

DATASET = load_dataset()
OWNERS = DATASET.domain_owner


REFERENCE = yaml.safe_load((FIXTURES / "lookup-reference.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", REFERENCE, ids=[case["address"] for case in REFERENCE])
def test_real_addresses_lead_to_their_provider(case):
    assert lookup(case["address"], OWNERS)["provider"] == case["provider"], case["source"]


@pytest.mark.parametrize("raw, provider", [
    ("Someone@GMAIL.com", "gmail"),
    ("   someone@gmail.com \t", "gmail"),
    ("first.last+receipts@gmail.com", "gmail"),
    ("gmail.com", "gmail"),
    ("@hotmail.co.uk", "outlook"),
    ("someone@outlook.com", "outlook"),
    ("someone@icloud.com", "icloud"),
    ("someone@yahoo.co.uk", "yahoo"),
    ("someone@ymail.com", "yahoo"),
    ("someone@proton.me" if "proton.me" in OWNERS else "someone@protonmail.com", "proton"),
    ("someone@gmail.com.", "gmail"),
    ("weird\"quoted@local\"@yahoo.com", "yahoo"),
    ("someone@mail.gmail.com", None),          # a subdomain is not the provider
    ("someone@gmail.com.evil.example", None),  # a lookalike that ends elsewhere
    ("someone@notgmail.com", None),
    ("someone@gmail.co", None),
    ("", None),
    ("@", None),
    ("not an address", None),
    ("someone@" + "a" * 400 + ".com", None),
    ("مستخدم@مثال.مصر", None),
])
def test_lookup_rules(raw, provider):
    assert lookup(raw, OWNERS)["provider"] == provider


@pytest.mark.parametrize("raw, suggestion", [
    ("someone@gmial.com", "gmail.com"),
    ("someone@gmail.co", "gmail.com"),
    ("someone@hotmial.com", "hotmail.com"),
    ("someone@yahooo.com", "yahoo.com"),
    ("someone@example.com", None),
    ("someone@mail.gmail.com", None),
    ("someone@gmail.com", None),
    # A missing top-level domain: the .com domain of that name, else the shortest.
    ("someone@gmail", "gmail.com"),
    ("someone@Hotmail.", "hotmail.com"),
    ("someone@web", "web.de"),
    ("someone@nosuchprovider", None),
])
def test_typo_suggestions(raw, suggestion):
    result = lookup(raw, OWNERS)
    assert result["suggestion"] == suggestion
    if suggestion:
        assert result["provider"] is None, "a suggestion is never a mapping"


def test_domain_of_normalises():
    assert domain_of("  A@B.Example. ") == "b.example"
    assert domain_of("no-at-sign") is None
    assert domain_of("x@-bad-.com") is None


@pytest.mark.parametrize("raw, domain", [
    ("x@bücher.de", "xn--bcher-kva.de"),
    ("x@BÜCHER.DE", "xn--bcher-kva.de"),
    ("x@faß.de", "xn--fa-hia.de"),            # non-transitional, as browsers: ß is kept, not "ss"
    ("مستخدم@مثال.مصر", "xn--mgbh0fb.xn--wgbh1c"),
    ("x@ｇｍａｉｌ.com", "gmail.com"),          # full-width letters are the same name (UTS 46 mapping)
    ("x@bü/cher.de", None),
    ("x@bücher.de:25", None),
    ("x@-bücher.de", None),
])
def test_international_domains_become_ascii(raw, domain):
    assert domain_of(raw) == domain


def test_edit_distance_counts_a_swap_once():
    assert edit_distance("gmial.com", "gmail.com") == 1
    assert edit_distance("abc", "abc") == 0
    assert edit_distance("a", "abcdef") == 3  # capped at limit + 1


@pytest.mark.parametrize("raw, expected", [
    ("Someone+tag@Gmail.com ", {"address": "Someone+tag@Gmail.com", "domain": "gmail.com",
                                "provider": "gmail", "suggestion": None}),
    ("me@gmial.com", {"address": "me@gmial.com", "domain": "gmial.com", "provider": None,
                      "suggestion": "gmail.com"}),
    ("???", {"address": "???", "domain": None, "provider": None, "suggestion": None}),
])
def test_cli_json(raw, expected):
    output = subprocess.run([sys.executable, "-m", "delivermymail", "lookup", raw, "--json"],
                            capture_output=True, text=True, check=True).stdout
    assert json.loads(output) == expected


NAMES = provider_names(DATASET.providers, OWNERS)


@pytest.mark.parametrize("raw, provider", [
    ("Gmail", "gmail"), ("gmail", "gmail"), ("hotmail", "outlook"), ("Outlook.com", "outlook"), ("Yahoo! JAPAN", "yahoo-japan"),
    ("Ali <ali@outlook.com>", "outlook"), ("  Shop <news@gmail.com>  ", "gmail"), ("not an address", None), ("<>", None),
    ("yahoo", "yahoo"), ("\u202egmail", None), ("mail", None),
    # Arabic script: other names from the data, with marks, and with either spelling of alef.
    ("جيميل", "gmail"), ("جِيمِيل", "gmail"), ("هوتميل", "outlook"), ("اوتلوك", "outlook"), ("أوتلوك", "outlook"),
    ("ياهو", "yahoo"), ("بريد", None),
])
def test_names_and_named_addresses(raw, provider):
    assert lookup(raw, OWNERS, NAMES)["provider"] == provider


def test_a_name_never_overrides_an_address():
    assert lookup("gmail@outlook.com", OWNERS, NAMES)["provider"] == "outlook"
    assert lookup("someone@gmial.com", OWNERS, NAMES)["provider"] is None
