"""`dmm crosscheck`: compare the dataset's domains with Mozilla Thunderbird's ISP database (ISPDB),
a public list of which address domains each mail provider serves. It reads a local checkout that
the maintainer provides and never fetches anything itself.

For each of our providers it reports: domains the ISPDB groups with ours that we lack, domains we
list that the ISPDB gives to another provider (unless one of the two entries is hosted by the
other, which explains it), and our domains the ISPDB does not know. Infrastructure hosts are
ignored by rule: the ISPDB marks MX host names with an XML comment containing "MX", and every
<domain> after such a comment in the same provider is an MX host, not an address domain.
"""
from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from .dataset import Dataset
from .names import is_hostname
from .yamlfile import read_plain_yaml


@dataclass
class IspdbProvider:
    file: str
    id: str
    domains: list[str]
    infrastructure: list[str] = field(default_factory=list)


@dataclass
class Findings:
    missing: dict[str, list[tuple[str, str]]] = field(default_factory=dict)     # slug -> (domain, ISPDB file)
    left_out: dict[str, list[tuple[str, str]]] = field(default_factory=dict)    # slug -> (domain, reason)
    conflicts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)   # slug -> (domain, ISPDB file)
    hosted: dict[str, list[tuple[str, str]]] = field(default_factory=dict)      # slug -> (domain, ISPDB file)
    unknown: dict[str, list[str]] = field(default_factory=dict)                 # slug -> domains


def read_ispdb(folder: Path) -> list[IspdbProvider]:
    """Every <emailProvider> of the ISPDB files in `folder` (a checkout's ispdb/ folder, or the
    checkout itself)."""
    folder = folder / "ispdb" if (folder / "ispdb").is_dir() else folder
    providers = []
    for file in sorted(folder.iterdir()):
        if not file.is_file() or file.name.startswith("."):
            continue
        parser = ElementTree.XMLParser(target=ElementTree.TreeBuilder(insert_comments=True))
        try:
            root = ElementTree.fromstring(file.read_bytes(), parser=parser)
        except ElementTree.ParseError:
            continue        # not every file in the folder need be a provider (README, tooling)
        for provider in root.iter("emailProvider"):
            domains, infrastructure, after_mx = [], [], False
            for child in provider:
                if child.tag is ElementTree.Comment and "MX" in (child.text or ""):
                    after_mx = True
                elif child.tag == "domain" and child.text:
                    domain = child.text.strip().lower()
                    if is_hostname(domain):
                        (infrastructure if after_mx else domains).append(domain)
            providers.append(IspdbProvider(file.name, provider.get("id", ""), domains, infrastructure))
    return providers


def _related(dataset: Dataset, one: str, other: str) -> bool:
    """Whether one entry's mail is run by the other (hosted_by), in either direction."""
    return (dataset.providers[one].get("hosted_by") == other
            or dataset.providers[other].get("hosted_by") == one)


def left_out_on_purpose(file: Path) -> dict[str, str]:
    """data/crosscheck.yml: domain -> why we leave it out."""
    if not file.exists():
        return {}
    data = read_plain_yaml(file) or {}
    left_out = data.get("left_out", {}) if isinstance(data, dict) else None
    if not isinstance(left_out, dict) or not all(isinstance(k, str) and isinstance(v, str) and v for k, v in left_out.items()):
        raise ValueError(f"{file.name}: left_out must map each domain to the reason it is left out")
    return left_out


def crosscheck(dataset: Dataset, ispdb: list[IspdbProvider], left_out: dict[str, str] | None = None) -> Findings:
    left_out = left_out or {}
    owner = dataset.domain_owner
    findings = Findings()
    known = set()
    for group in ispdb:
        known.update(group.domains)
        ours = [owner[domain] for domain in group.domains if domain in owner]
        if not ours:
            continue            # a provider we do not cover
        # The group is ours through the entry that owns most of its domains (its id breaks ties).
        main = max(sorted(set(ours)), key=lambda slug: (ours.count(slug), owner.get(group.id) == slug))
        for domain in group.domains:
            slug = owner.get(domain)
            if slug is None and domain in left_out:
                findings.left_out.setdefault(main, []).append((domain, left_out[domain]))
            elif slug is None:
                findings.missing.setdefault(main, []).append((domain, group.file))
            elif slug != main:
                target = findings.hosted if _related(dataset, slug, main) else findings.conflicts
                target.setdefault(slug, []).append((domain, group.file))
    for domain, slug in sorted(owner.items()):
        if domain not in known:
            findings.unknown.setdefault(slug, []).append(domain)
    return findings


def report(findings: Findings, dataset: Dataset) -> list[str]:
    """The findings as lines of Markdown, provider by provider."""
    lines = []
    slugs = sorted(set(findings.missing) | set(findings.conflicts) | set(findings.hosted) | set(findings.left_out))
    for slug in slugs:
        lines.append(f"## {slug}")
        for domain, file in findings.missing.get(slug, []):
            lines.append(f"- missing: `{domain}` (ISPDB {file} groups it with ours)")
        for domain, file in findings.conflicts.get(slug, []):
            lines.append(f"- conflict: `{domain}` is ours, but ISPDB {file} gives it to another provider")
        for domain, reason in findings.left_out.get(slug, []):
            lines.append(f"- left out on purpose: `{domain}`: {reason}")
        for domain, file in findings.hosted.get(slug, []):
            lines.append(f"- explained: `{domain}` is in ISPDB {file}, whose provider hosts or is hosted by this entry")
    missing = sum(len(items) for items in findings.missing.values())
    conflicts = sum(len(items) for items in findings.conflicts.values())
    lines.insert(0, f"{missing} missing, {conflicts} in conflict.\n")
    unknown = sum(len(domains) for domains in findings.unknown.values())
    lines.append(f"\n{unknown} of our {len(dataset.domain_owner)} domains are not in the ISPDB "
                 f"(normal for providers it does not list).")
    return lines
