"""The header reader (/headers/) in Chromium, in both languages, on real headers from public test
suites (tests/fixtures/headers/README.md), hostile ones, oversized ones and garbage; and the check of
the header rules in data/headers/."""
from __future__ import annotations

import base64
import datetime as dt

import pytest
import yaml
from sitetools import FIXTURES, ROOT, Watch

from delivermymail.dataset import check_header_rules, load_dataset
from delivermymail.languages import site_languages
from delivermymail.strings import load_strings

SAMPLES = FIXTURES / "headers"
LANGUAGES = site_languages()
STRINGS = load_strings(LANGUAGES).by_language
DATASET = load_dataset()
RULES = DATASET.header_rules
LANGUAGE_PATHS = {"en": "", "ar": "ar/"}


def meaning(file: str, where: list, value: str, language: str) -> str:
    """The meaning the data gives a value (where: the path to a values list in data/headers/<file>.yml),
    matched as the schema says: the value, a range "5..6", a prefix "1*", or "*"."""
    node = RULES[file]
    for key in where:
        node = node[key]
    for entry in node:
        match = entry["match"]
        low, dots, high = match.partition("..")
        if (match == "*" or match.lower() == value.lower()
                or (match.endswith("*") and value.lower().startswith(match[:-1].lower()))
                or (dots and value.lstrip("-").isdigit() and int(low) <= int(value) <= int(high))):
            return entry["meaning"][language]
    raise AssertionError(f"no meaning for {value} in {file} {where}")


def explain(page, server: str, language: str, text: str):
    """Paste into the reader as a person does and wait for the explanation. (A paste is one input
    event; Playwright's fill types a megabyte too slowly, so large text is set and announced the same way.)"""
    page.goto(server + LANGUAGE_PATHS[language] + "headers/")
    if len(text) < 100_000:
        page.fill("#dmm-headers-input", text)
    else:
        page.locator("#dmm-headers-input").evaluate("(box, text) => { box.value = text; box.dispatchEvent(new Event('input')); }", text)
    output = page.locator("#dmm-headers-output")
    output.locator(".dmm-headers-section, .dmm-garbage, .dmm-refused").first.wait_for()
    return output


def findings(output) -> list[str]:
    return [" ".join(text.split()) for text in output.locator(".dmm-findings li").all_inner_texts()]


# --- Real headers, explained ---------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
def test_gmail_message_with_dmarc_failing(page, site_server, language):
    output = explain(page, site_server, language, (SAMPLES / "gmail-dmarc-fail.eml").read_text(encoding="utf-8"))
    dmarc = RULES["authentication"]["methods"]["dmarc"]
    # The finding: DMARC failed, in the page's language, with what it means; the forwarders' copies do not count.
    assert findings(output) == [f"{dmarc['label'][language]}: fail {meaning('authentication', ['methods', 'dmarc', 'values'], 'fail', language)}"]
    check = output.locator(".dmm-auth[data-dmm-header='authentication-results'] [data-dmm-method='dmarc']")
    assert check.locator(".dmm-policy").inner_text().endswith(meaning("authentication", ["tables", "dmarc_policy"], "reject", language))
    assert "p=reject" in check.locator(".dmm-policy").inner_text()
    assert check.locator(".dmm-fix").count() == 1, "a failure says what the sender should fix"
    # DKIM passed, but for other domains than the visible sender's: that is why DMARC failed.
    top = output.locator(".dmm-auth[data-dmm-header='authentication-results']")
    assert top.locator(".dmm-not-aligned").count() == 2 and top.locator(".dmm-aligned").count() == 0
    # Received by Gmail: its guide is the next step.
    gmail = DATASET.providers["gmail"]["name"][language]
    assert gmail in output.locator(".dmm-headers-section").first.inner_text()
    links = output.locator("a").evaluate_all("links => links.map(link => link.href)")
    assert site_server + LANGUAGE_PATHS[language] + "providers/gmail/" in links
    # The route, oldest first, with the step where the message entered Google's systems.
    assert output.locator(".dmm-hop--external").count() == 1
    assert output.locator(".dmm-hop").count() == 5


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
def test_microsoft_365_message_with_scl_5(page, site_server, language):
    output = explain(page, site_server, language, (SAMPLES / "m365-scl5.txt").read_text(encoding="utf-8"))
    report = output.locator(".dmm-filter[data-dmm-header='x-forefront-antispam-report']")
    scl = report.locator(".dmm-meaning[data-dmm-value='5']").first
    assert scl.get_attribute("data-dmm-verdict") == "bad"
    assert scl.locator("p").first.inner_text() == meaning("microsoft", ["tables", "scl"], "5", language)
    assert report.locator(".dmm-meaning[data-dmm-value='SPM']").count() >= 1, "SFV:SPM and CAT:SPM are explained"
    # Every authentication check passed: authentication is not why it went to Junk.
    methods = output.locator(".dmm-auth[data-dmm-header='authentication-results'] .dmm-check")
    assert set(methods.evaluate_all("items => items.map(item => item.dataset.dmmResult)")) == {"pass"}
    assert output.locator("[data-dmm-method='compauth']").count() == 1
    reason = output.locator("[data-dmm-method='compauth'] .dmm-reason")
    assert reason.inner_text().endswith(meaning("microsoft", ["methods", "compauth", "reason"], "100", language))
    assert any("SCL" in finding for finding in findings(output))
    assert not any("dmarc" in finding.lower() for finding in findings(output))
    links = output.locator("a").evaluate_all("links => links.map(link => link.href)")
    assert site_server + LANGUAGE_PATHS[language] + "providers/microsoft-365/" in links
    # Encryption recorded on the way (TLS 1.2 and 1.3).
    assert output.locator(".dmm-hop[data-dmm-tls='true']").count() >= 3


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
def test_spamassassin_scored_message(page, site_server, language):
    output = explain(page, site_server, language, (SAMPLES / "spamassassin-yes.txt").read_text(encoding="utf-8"))
    status = output.locator(".dmm-filter[data-dmm-header='x-spam-status']")
    score = status.locator(".dmm-score")
    assert score.get_attribute("data-dmm-spam") == "true"
    expected = STRINGS[language]["headers_score"].format(score="5.2", required="5.0", verdict=STRINGS[language]["headers_is_spam"])
    assert " ".join(score.inner_text().split()).endswith(expected)
    # The rules that fired, read from a value folded over three lines.
    rules = status.locator(".dmm-rules li").all_inner_texts()
    assert "FORGED_MUA_OUTLOOK" in rules and "BAYES_00" in rules and len(rules) >= 4
    flag = output.locator(".dmm-filter[data-dmm-header='x-spam-flag'] .dmm-meaning")
    assert flag.get_attribute("data-dmm-verdict") == "bad"
    assert output.locator(".dmm-filter[data-dmm-header='x-spam-level'] .dmm-meaning").get_attribute("data-dmm-value") == "5"


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
def test_folded_and_encoded_headers_are_read(page, site_server, language):
    output = explain(page, site_server, language, (SAMPLES / "encoded-arabic-from.txt").read_text(encoding="utf-8")
                     + "Subject: =?ISO-8859-1?Q?Caf=E9_?= =?UTF-8?B?2YXYsdit2KjZi9in?=\r\n")
    summary = output.locator(".dmm-headers-section").first.inner_text()
    assert "هل تتكلم اللغة الإنجليزية /العربية؟ <do.you.speak@arabic.com>" in summary
    assert "Café مرحبًا" in summary, "encoded words side by side are joined; Latin-1 and UTF-8 both decode"


@pytest.mark.browser
def test_headers_copied_with_an_indent_and_a_body_are_read(page, site_server):
    text = "\n\n" + "\n".join("    " + line for line in (SAMPLES / "m365-scl5.txt").read_text(encoding="utf-8").splitlines())
    output = explain(page, site_server, "en", text + "\n\nThe body: Authentication-Results: x; dmarc=fail\n")
    assert output.locator(".dmm-filter[data-dmm-header='x-forefront-antispam-report']").count() == 1
    assert not any("dmarc" in finding.lower() for finding in findings(output)), "the body is not read as headers"


@pytest.mark.browser
def test_a_saved_message_opens_from_a_file(page, site_server):
    page.goto(site_server + "ar/headers/")
    page.set_input_files("#dmm-headers-file", str(SAMPLES / "gmail-dmarc-fail.eml"))
    page.locator("#dmm-headers-output .dmm-findings").wait_for()
    assert "fail" in findings(page.locator("#dmm-headers-output"))[0]


# --- Privacy, hostile input, limits -----------------------------------------------------------

@pytest.mark.browser
def test_nothing_pasted_leaves_the_page_or_is_kept(page, site_server):
    page.goto(site_server + "headers/")
    page.locator("#dmm-headers-input").wait_for()
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for sample in ("gmail-dmarc-fail.eml", "m365-scl5.txt", "spamassassin-yes.txt"):
        page.fill("#dmm-headers-input", (SAMPLES / sample).read_text(encoding="utf-8"))
        page.locator("#dmm-headers-output .dmm-headers-section").first.wait_for()
    page.set_input_files("#dmm-headers-file", str(SAMPLES / "gmail-dmarc-fail.eml"))
    page.wait_for_timeout(500)
    assert requests == []
    # The theme keeps its own settings in localStorage; nothing of the message may be among them.
    stored = page.evaluate("""async () => [JSON.stringify(Object.assign({}, localStorage)), JSON.stringify(Object.assign({}, sessionStorage)),
        document.cookie, (await indexedDB.databases()).length, (await caches.keys()).length]""")
    assert not any(word in stored[0] + stored[1] for word in ("zone.ee", "goodchoicelending", "FORGED_MUA", "Authentication"))
    assert stored[2:] == ["", 0, 0]


HOSTILE = "\r\n".join([
    "From: =?utf-8?B?" + base64.b64encode(b'<img src=x onerror="window.__pwned=1">').decode() + "?= <x@example.com>",
    "Subject: <script>window.__pwned=1</script>",
    "Authentication-Results: mx.google.com; dmarc=fail (p=<b>REJECT</b>) header.from=javascript:window.__pwned=1",
    "X-Spam-Status: Yes, score=9.9 required=5.0 tests=<svg/onload=window.__pwned=1>,SECOND_RULE",
    "Received: from <img src=x onerror=window.__pwned=1> by mx.example.com; Mon, 2 Nov 2020 01:57:24 -0800",
    "X-Forefront-Antispam-Report: SCL:<script>window.__pwned=1</script>;SFV:javascript:window.__pwned=1;",
    "X-Hostile-Verdict: bad",
])


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
def test_hostile_headers_and_hostile_rules_stay_text(page, hostile_server, language):
    watch = Watch(page, hostile_server)
    output = explain(page, hostile_server, language, HOSTILE)
    text = output.inner_text()
    for shown in ('<img src=x onerror="window.__pwned=1"> <x@example.com>', "<script>window.__pwned=1</script>",
                  "<svg/onload=window.__pwned=1>"):
        assert shown in text
    assert "<img" in output.locator(".dmm-hop p").first.inner_text(), "a hostile host name in Received is shown as text"
    # The hostile rules file (tests/fixtures/hostile/headers/) explains its header, as text.
    hostile = output.locator(".dmm-filter[data-dmm-header='x-hostile-verdict']")
    assert hostile.locator(".dmm-meaning p").first.inner_text() == RULES_HOSTILE["headers"][0]["values"][0]["meaning"][language]
    assert output.locator("img, script, svg:not(.dmm-qr), iframe, b, a[href^='javascript']").count() == 0
    assert page.evaluate("window.__pwned") is None
    watch.assert_quiet(navigations_allowed=1)


DATASET_HOSTILE_NAME = yaml.safe_load((FIXTURES / "hostile" / "hostile-mail.yml").read_text(encoding="utf-8"))["name"]["en"]
RULES_HOSTILE = yaml.safe_load((FIXTURES / "hostile" / "headers" / "hostile-filter.yml").read_text(encoding="utf-8"))


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
def test_too_much_is_refused_and_garbage_is_named(page, site_server, language):
    strings = STRINGS[language]
    output = explain(page, site_server, language, "x" * 1_000_001)
    assert output.locator(".dmm-refused").count() == 1
    assert strings["headers_too_long"].split("{size}")[0].strip() in output.inner_text()
    page.fill("#dmm-headers-input", "Dear shop, where is my order?\nThanks!")
    output.locator(".dmm-garbage").wait_for()
    assert output.inner_text().strip() == strings["headers_garbage"]


@pytest.mark.browser
def test_a_message_of_almost_a_megabyte_is_read(page, site_server):
    headers = (SAMPLES / "gmail-dmarc-fail.eml").read_text(encoding="utf-8").split("\n\n")[0]
    message = headers + "\n\n" + ("A long body line.\n" * 60_000)[: 990_000 - len(headers)]
    output = explain(page, site_server, "en", message)
    assert "fail" in findings(output)[0]


# --- Where it is linked from ------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_guide_links_to_the_reader(site, language):
    from sitetools import parse
    for slug, entry in DATASET.providers.items():
        links = parse(site / language.url_prefix / "providers" / slug / "index.html").links
        assert "../../headers/" in links, slug
        # A guide with the provider's own steps to show the headers gives those instead of the general way.
        assert ("../../headers/#get-headers" in links) != bool(entry.get("view_headers")), slug
    for page in ("senders", "kit"):
        assert any(link.rstrip("/").endswith("headers") for link in parse(site / language.url_prefix / page / "index.html").links), page


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_a_provider_s_own_steps_to_show_headers_are_shown_as_text(hostile_site, language):
    html = (hostile_site / language.url_prefix / "providers" / "hostile-mail" / "index.html").read_text(encoding="utf-8")
    steps = html.split('<ol class="dmm-view-headers">', 1)[1].split("</ol>", 1)[0]
    assert "&lt;img src=x onerror=alert(&#34;headers&#34;)&gt;" in steps or "&lt;script&gt;alert(&#34;headers-ar&#34;)&lt;/script&gt;" in steps
    assert "<img" not in steps and "<script" not in steps
    assert "#get-headers" not in html.split('id="senders"', 1)[1].split("<h2", 1)[0], "own steps replace the general pointer"


@pytest.mark.browser
def test_the_reader_page_lists_the_guides_with_their_own_steps(page, hostile_server):
    page.goto(hostile_server + "headers/")
    links = page.locator(".dmm-view-headers-guides a")
    links.first.wait_for()
    assert links.evaluate_all("links => links.map(link => link.getAttribute('href'))") == [hostile_server + "providers/hostile-mail/#senders"]
    assert links.first.inner_text() == DATASET_HOSTILE_NAME


# --- The rules as data ------------------------------------------------------------------------

def _check(tmp_path, files: dict[str, dict]):
    folder = tmp_path / "headers"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return check_header_rules(folder, LANGUAGES, DATASET.kinds, DATASET.providers, dt.date(2026, 11, 27))


def _authentication() -> dict:
    return yaml.safe_load((ROOT / "data" / "headers" / "authentication.yml").read_text(encoding="utf-8"))


def test_the_real_rules_are_clean(tmp_path):
    files = {file.name: yaml.safe_load(file.read_text(encoding="utf-8")) for file in sorted((ROOT / "data" / "headers").glob("*.yml"))}
    rules, problems, _ = _check(tmp_path, files)
    assert problems == [] and set(rules) == {name[:-4] for name in files}


@pytest.mark.parametrize("change, where, message", [
    (lambda data: data["headers"][0].update(table="nosuch", format="value"), "headers.0.table", "names no table"),
    (lambda data: data["tables"]["dmarc_policy"][0].update(match="9..2"), "tables.dmarc_policy.0.match", "lower number to the higher"),
    (lambda data: data["methods"]["spf"]["values"][0]["meaning"].pop("ar"), "methods.spf.values.0.meaning", "ar"),
    (lambda data: data.update(filter="other-name"), "filter", "must equal the file name"),
    (lambda data: data["headers"][2].update(format="guess"), "headers.2.format", "guess"),
    (lambda data: data["headers"].append({"name": "X-Bad", "format": "value", "about": dict(data["about"])}), "headers.3", "needs values"),
    (lambda data: data["sources"][0].update(url="javascript:alert(1)"), "sources.0.url", "https"),
    (lambda data: data["headers"][0]["about"].update(en="Hidden\u202echaracter"), "headers.0.about.en", "invisible"),
])
def test_broken_rules_name_the_file_field_and_problem(tmp_path, change, where, message):
    data = _authentication()
    change(data)
    rules, problems, _ = _check(tmp_path, {"authentication.yml": data})
    assert rules == {}
    assert any(problem.file.endswith("authentication.yml") and problem.path == where and message in problem.message
               for problem in problems), [str(problem) for problem in problems]


def test_a_header_is_explained_once(tmp_path):
    first, second = _authentication(), _authentication()
    second["filter"] = "copy"
    _, problems, _ = _check(tmp_path, {"authentication.yml": first, "copy.yml": second})
    assert any("already explained in authentication.yml" in problem.message for problem in problems)


def test_the_header_rules_reach_the_browser_only_on_the_reader_page(site):
    data = (site / "assets" / "generated" / "dmm-headers.js").read_text(encoding="utf-8")
    assert "X-Forefront-Antispam-Report" in data and "headers_garbage" in data
    assert "headers_garbage" not in (site / "assets" / "generated" / "dmm-data.js").read_text(encoding="utf-8")
