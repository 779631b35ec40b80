// The header reader (/headers/): explains a message's headers in the page's language, from the
// meanings in data/headers/ (assets/generated/dmm-headers.js). Everything happens in this page:
// nothing pasted or opened is sent anywhere or stored, and every value is shown as text only.
import READER from "../../generated/dmm-headers.js";
import {DATA, element, fill, fillNodes, guideUrl, lang, prefixOf, providerName, siteRoot} from "./page.js";

const T = READER.strings[lang] || READER.strings[DATA.languages[0].code];

// --- Reading a message as a mail system does ----------------------------------------------------

// A header line: a name of printable characters other than ":" and space, then ":" (RFC 5322 2.2).
const HEADER_LINE = /^([!-9;-~]+):[ \t]?(.*)$/;

// The header block of pasted text: line ends made one, an indent that a mail program added to every
// line removed, the body after the first empty line dropped, folded lines joined (RFC 5322 2.2.3).
export function readHeaders(text) {
  let lines = String(text).replace(/\r\n?/g, "\n").split("\n");
  while (lines.length && !lines[0].trim()) lines.shift();
  const indent = lines.length ? /^[ \t]*/.exec(lines[0])[0] : "";
  if (indent) lines = lines.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
  const end = lines.findIndex((line) => !line.trim());
  const block = end < 0 ? lines : lines.slice(0, end);
  const headers = [];
  for (const line of block) {
    if (/^[ \t]/.test(line) && headers.length) {
      headers[headers.length - 1].value += " " + line.trim();
      continue;
    }
    const match = HEADER_LINE.exec(line);
    if (match) headers.push({name: match[1], value: match[2].trim()});
  }
  return headers;
}

// Encoded words (RFC 2047): =?charset?B?…?= and =?charset?Q?…?=, with the space between two of
// them dropped. A charset the browser does not know leaves the word as it was.
const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

function wordBytes(encoding, text) {
  if (encoding.toUpperCase() === "B") {
    const binary = atob(text.replace(/[^A-Za-z0-9+/=]/g, ""));
    return Uint8Array.from(binary, (character) => character.charCodeAt(0));
  }
  const bytes = [];
  const source = text.replace(/_/g, " ");
  for (let index = 0; index < source.length; index += 1) {
    const hex = source.slice(index + 1, index + 3);
    if (source[index] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(source.charCodeAt(index) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

export function decodeWords(value) {
  return String(value).replace(/(=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)\s+(?==\?)/g, "$1").replace(ENCODED_WORD, (word, charset, encoding, text) => {
    try {
      return new TextDecoder(charset.split("*")[0].toLowerCase()).decode(wordBytes(encoding, text));
    } catch (error) {
      return word;
    }
  });
}

// Split on a separator outside quotes and parentheses (comments may hold ";").
function splitOutside(text, separator) {
  const parts = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === "\\") {
      current += character + (text[index + 1] || "");
      index += 1;
      continue;
    }
    if (character === "\"") quoted = !quoted;
    else if (!quoted && character === "(") depth += 1;
    else if (!quoted && character === ")" && depth) depth -= 1;
    if (character === separator && !quoted && !depth) {
      parts.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts;
}

function comments(text) {
  const found = [];
  let depth = 0;
  let current = "";
  for (const character of text) {
    if (character === "(") {
      if (depth) current += character;
      depth += 1;
    } else if (character === ")" && depth) {
      depth -= 1;
      if (depth) current += character; else { found.push(current.trim()); current = ""; }
    } else if (depth) {
      current += character;
    }
  }
  return found;
}

function withoutComments(text) {
  let depth = 0;
  let out = "";
  for (const character of text) {
    if (character === "(") depth += 1;
    else if (character === ")" && depth) depth -= 1;
    else if (!depth) out += character;
  }
  return out;
}

// Authentication-Results (RFC 8601) and ARC-Authentication-Results (RFC 8617, "i=N;" first).
// Microsoft writes no authserv-id: its value starts with the first result.
export function readAuthResults(value, arc) {
  let parts = splitOutside(value, ";").map((part) => part.trim()).filter(Boolean);
  let instance = null;
  if (arc && /^i\s*=\s*\d+$/.test(parts[0] || "")) instance = parts.shift().replace(/\D/g, "");
  let authserv = null;
  if (parts.length && !/^[a-z0-9-]+(\/\d+)?\s*=/i.test(parts[0])) authserv = withoutComments(parts.shift()).trim().split(/\s+/)[0] || null;
  const results = [];
  for (const part of parts) {
    const match = /^([a-z0-9-]+)(?:\/\d+)?\s*=\s*([a-z0-9-]+)/i.exec(part);
    if (!match) continue;
    const rest = part.slice(match[0].length);
    const properties = {};
    const plain = withoutComments(rest);
    for (const property of plain.matchAll(/([a-z0-9-]+(?:\.[a-z0-9-]+)?)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s;]+)/gi)) {
      properties[property[1].toLowerCase()] = property[2].replace(/^"|"$/g, "");
    }
    results.push({method: match[1].toLowerCase(), result: match[2].toLowerCase(), properties, comments: comments(rest)});
  }
  return {authserv, instance, results};
}

// Received-SPF (RFC 7208 9.1): the result, a comment, then key=value pairs.
export function readReceivedSpf(value) {
  const match = /^\s*([a-z]+)/i.exec(value);
  const properties = {};
  for (const property of withoutComments(value).matchAll(/([a-z-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s;]+)/gi)) {
    properties[property[1].toLowerCase()] = property[2].replace(/^"|"$/g, "");
  }
  return {result: match ? match[1].toLowerCase() : "", properties};
}

// "Yes, score=5.2 required=5.0 tests=A,B autolearn=no …" (SpamAssassin; older versions write hits=).
export function readSpamStatus(value) {
  const flag = /^\s*(yes|no)\b/i.exec(value);
  const number = (name) => {
    const found = new RegExp("\\b" + name + "=(-?[0-9]+(?:\\.[0-9]+)?)", "i").exec(value);
    return found ? found[1] : null;
  };
  const tests = /\btests=(.*?)(?=\s+[a-z_]+=|$)/i.exec(value);
  return {spam: flag ? flag[1].toLowerCase() === "yes" : null, score: number("score") || number("hits"), required: number("required"),
    rules: tests ? tests[1].split(/[,\s]+/).filter(Boolean) : []};
}

// "default: False [3.50 / 15.00]; SYMBOL(1.00)[options]; …" (Rspamd).
export function readSpamdResult(value) {
  const head = /^\s*[^:]+:\s*(true|false)\s*\[\s*(-?[0-9.]+)\s*\/\s*(-?[0-9.]+)\s*\]/i.exec(value);
  const rules = Array.from(value.matchAll(/([A-Z0-9_]+)\((-?[0-9.]+)\)/g), (found) => found[1] + " (" + found[2] + ")");
  return {reject: head ? head[1].toLowerCase() === "true" : null, score: head ? head[2] : null, required: head ? head[3] : null, rules};
}

// One Received hop: who handed it to whom, how, and when (the date follows the last ";").
export function readReceived(value) {
  const at = value.lastIndexOf(";");
  const route = at < 0 ? value : value.slice(0, at);
  const date = at < 0 ? null : Date.parse(withoutComments(value.slice(at + 1)).trim());
  const from = /\bfrom\s+(\S+)(?:\s*\(([^)]*)\))?/i.exec(route);
  const by = /\bby\s+(\S+)/i.exec(route);
  const protocol = /\bwith\s+(\S+)/i.exec(route);
  const ip = from && from[2] ? /\[([0-9a-f:.]+)\]/i.exec(from[2]) : null;
  // Encryption as receiving servers record it: ESMTPS, ESMTPSA, LMTPS (RFC 3848) or a TLS version.
  const tls = /\bwith\s+(?:E?SMTPSA?|LMTPSA?)\b|version=TLS|TLSv1|TLS1_[0-3]|\busing TLS/i.test(route);
  return {from: from ? from[1] : "", fromIp: ip ? ip[1] : "", by: by ? by[1] : "", protocol: protocol ? protocol[1] : "", tls,
    date: Number.isNaN(date) ? null : date};
}

// --- Meanings -------------------------------------------------------------------------------

const RULES = Object.values(READER.rules);
const METHODS = Object.assign({}, ...RULES.map((file) => file.methods || {}));

function headerRule(name) {
  const lower = name.toLowerCase();
  for (const file of RULES) {
    const header = (file.headers || []).find((item) => item.name.toLowerCase() === lower);
    if (header) return {file, header};
  }
  return null;
}

function tableOf(file, item) {
  return item.values || (item.table ? file.tables[item.table] : null) || [];
}

// The first meaning whose match fits: a range of whole numbers, a prefix*, "*", or the value itself.
export function meaningOf(values, raw) {
  const value = String(raw).trim();
  return (values || []).find((entry) => {
    const match = entry.match;
    if (match === "*") return true;
    const range = /^(-?\d+)\.\.(-?\d+)$/.exec(match);
    if (range) return /^-?\d+$/.test(value) && Number(value) >= Number(range[1]) && Number(value) <= Number(range[2]);
    if (match.endsWith("*")) return value.toLowerCase().startsWith(match.slice(0, -1).toLowerCase());
    return value.toLowerCase() === match.toLowerCase();
  }) || null;
}

function text(item) {
  return item ? item[lang] || item[DATA.languages[0].code] : "";
}

// The organisational domain, approximately: the last two labels, or three under a common
// second-level suffix (co.uk, com.au, ne.jp). Used only to say whether two domains belong together.
const SECOND_LEVEL = /^(co|com|net|org|gov|edu|ac|ne|or|go)\.[a-z]{2}$/;

export function organisation(domain) {
  const labels = String(domain || "").toLowerCase().replace(/\.$/, "").split(".").filter(Boolean);
  const keep = labels.length > 2 && SECOND_LEVEL.test(labels.slice(-2).join(".")) ? 3 : 2;
  return labels.slice(-keep).join(".");
}

function domainOfAddress(value) {
  const address = /<([^<>]*)>\s*$/.exec(value);
  const text = (address ? address[1] : value).trim().replace(/^"|"$/g, "");
  const at = text.lastIndexOf("@");
  return at < 0 ? "" : text.slice(at + 1).replace(/[>\s].*$/, "").toLowerCase();
}

// --- The analysis -----------------------------------------------------------------------------

export function analyse(raw) {
  const headers = readHeaders(raw).map((header) => ({name: header.name, value: decodeWords(header.value)}));
  const named = (name) => headers.filter((header) => header.name.toLowerCase() === name);
  const from = named("from")[0];
  const subject = named("subject")[0];
  const fromDomain = from ? domainOfAddress(from.value) : "";
  const checks = [];
  for (const header of headers) {
    const lower = header.name.toLowerCase();
    if (lower === "authentication-results" || lower === "arc-authentication-results") {
      checks.push({header, ...readAuthResults(header.value, lower.startsWith("arc-"))});
    } else if (lower === "received-spf") {
      const spf = readReceivedSpf(header.value);
      checks.push({header, authserv: spf.properties.receiver || null, instance: null,
        results: [{method: "spf", result: spf.result, properties: {"smtp.mailfrom": spf.properties["envelope-from"] || ""}, comments: []}]});
    }
  }
  const filters = [];
  for (const header of headers) {
    const found = headerRule(header.name);
    if (!found || ["authres", "received-spf"].includes(found.header.format)) continue;
    filters.push({header, file: found.file, rule: found.header});
  }
  const hops = named("received").map((header) => ({header, ...readReceived(header.value)})).reverse();
  // The step where the message crossed into the receiving organisation: walking back from the
  // newest step, the first whose sender belongs to another organisation than its receiver.
  let external = -1;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index];
    if (hop.by && (hop.from || hop.fromIp) && organisation(hop.from) !== organisation(hop.by)) {
      external = index;
      break;
    }
  }
  return {headers, from, subject, fromDomain, checks, filters, hops, external, receivers: receiversOf(headers, checks)};
}

function receiversOf(headers, checks) {
  const names = new Set(headers.map((header) => header.name.toLowerCase()));
  const top = checks.find((check) => check.header.name.toLowerCase() === "authentication-results" && check.authserv);
  const slugs = [];
  for (const file of RULES) {
    for (const receiver of file.receivers || []) {
      const byId = receiver.authserv_id && top && (top.authserv.toLowerCase() === receiver.authserv_id ||
        top.authserv.toLowerCase().endsWith("." + receiver.authserv_id));
      const byHeader = receiver.header && names.has(receiver.header.toLowerCase());
      if (byId || byHeader) receiver.providers.filter((slug) => DATA.providers[slug] && !slugs.includes(slug)).forEach((slug) => slugs.push(slug));
    }
  }
  return slugs;
}

// --- Showing it -------------------------------------------------------------------------------

function verdictBadge(verdict, label) {
  return element("span", {"class": "dmm-verdict dmm-verdict--" + verdict}, [label]);
}

function explained(entry, raw) {
  const nodes = [];
  if (entry) {
    nodes.push(element("p", {}, [text(entry.meaning)]));
    if (entry.fix) nodes.push(element("p", {"class": "dmm-fix"}, [element("strong", {}, [T.headers_fix]), " ", text(entry.fix)]));
  } else {
    nodes.push(element("p", {"class": "dmm-note"}, [T.headers_unknown_value]));
  }
  return element("div", {"class": "dmm-meaning", "data-dmm-verdict": entry ? entry.verdict : "unknown", "data-dmm-value": raw}, nodes);
}

function code(value) {
  return element("code", {dir: "ltr"}, [value]);
}

function alignment(result, fromDomain) {
  const domain = result.method === "dkim" ? (result.properties["header.d"] || (result.properties["header.i"] || "").replace(/^.*@/, ""))
    : result.method === "spf" ? (result.properties["smtp.mailfrom"] || "").replace(/^.*@/, "") : "";
  if (!domain || !fromDomain || result.result !== "pass") return null;
  const same = organisation(domain) === organisation(fromDomain);
  return element("p", {"class": same ? "dmm-aligned" : "dmm-not-aligned"},
    fillNodes(same ? T.headers_aligned : T.headers_not_aligned, {method: result.method.toUpperCase(), domain, from: fromDomain}));
}

function resultItem(result, fromDomain, findings) {
  const method = METHODS[result.method];
  const entry = method ? meaningOf(method.values, result.result) : null;
  const details = [];
  const domain = result.properties["header.d"] || result.properties["header.from"] || result.properties["smtp.mailfrom"] ||
    result.properties["header.i"] || "";
  if (domain) details.push(fillNodes(T.headers_domain, {domain: domain.replace(/^.*@/, "")}));
  if (result.properties["header.s"]) details.push(fillNodes(T.headers_selector, {selector: result.properties["header.s"]}));
  const item = element("li", {"class": "dmm-check", "data-dmm-method": result.method, "data-dmm-result": result.result}, [
    element("p", {}, [element("strong", {}, [method ? text(method.label) : result.method]), " ",
      verdictBadge(entry ? entry.verdict : "neutral", result.result), ...details.flatMap((nodes) => [" · ", ...nodes])]),
    explained(entry, result.result)]);
  if (result.method === "dmarc") {
    const policy = /\bp=([a-z]+)/i.exec(result.comments.join(" ")) || (result.properties.policy ? [null, result.properties.policy] : null);
    const table = RULES.map((file) => (file.tables || {}).dmarc_policy).find(Boolean);
    if (policy && table) {
      const meaning = meaningOf(table, policy[1]);
      item.appendChild(element("p", {"class": "dmm-policy"}, [...fillNodes(T.headers_policy, {domain: domain || fromDomain, policy: policy[1].toLowerCase()}),
        " ", meaning ? text(meaning.meaning) : ""]));
    }
  }
  // A reason code (Microsoft's compauth reason=100) has meanings of its own.
  if (method && method.reason && result.properties.reason) {
    const reason = meaningOf(method.reason, result.properties.reason);
    item.appendChild(element("p", {"class": "dmm-reason", "data-dmm-reason": result.properties.reason}, [code("reason=" + result.properties.reason), " ",
      reason ? text(reason.meaning) : T.headers_unknown_value]));
  }
  const aligned = alignment(result, fromDomain);
  if (aligned) item.appendChild(aligned);
  if (entry && (entry.verdict === "bad" || entry.verdict === "warning")) {
    findings.push({verdict: entry.verdict, label: (method ? text(method.label) : result.method) + ": " + result.result, entry, method: result.method});
  }
  return item;
}

function filterItem(found, findings) {
  const {header, file, rule} = found;
  const body = [element("p", {}, [element("strong", {}, [rule.label ? text(rule.label) : header.name]), " ", code(header.name)]),
    element("p", {"class": "dmm-about"}, [text(rule.about)])];
  const add = (label, raw, entry) => {
    body.push(element("p", {}, [element("strong", {}, [label]), " ", verdictBadge(entry ? entry.verdict : "neutral", raw)]));
    body.push(explained(entry, raw));
    if (entry && (entry.verdict === "bad" || entry.verdict === "warning")) findings.push({verdict: entry.verdict, label: label + ": " + raw, entry});
  };
  if (rule.format === "value") {
    add(header.name, header.value, meaningOf(tableOf(file, rule), header.value));
  } else if (rule.format === "stars") {
    const stars = (header.value.match(/\*/g) || []).length;
    add(header.name, String(stars), meaningOf(tableOf(file, rule), String(stars)));
  } else if (rule.format === "fields") {
    for (const part of header.value.split(";")) {
      const at = part.indexOf(":");
      if (at < 0) continue;
      const key = part.slice(0, at).trim();
      const field = rule.fields.find((item) => item.key.toLowerCase() === key.toLowerCase());
      const label = text(field ? field.label : null);
      if (field) add(label.includes(field.key) ? label : label + " (" + field.key + ")", part.slice(at + 1).trim(), meaningOf(tableOf(file, field), part.slice(at + 1)));
    }
  } else if (rule.format === "spam-status" || rule.format === "spamd-result") {
    const read = rule.format === "spam-status" ? readSpamStatus(header.value) : readSpamdResult(header.value);
    const spam = rule.format === "spam-status" ? read.spam : read.score !== null && Number(read.score) >= Number(read.required);
    if (read.score !== null) {
      body.push(element("p", {"class": "dmm-score", "data-dmm-spam": String(Boolean(spam))}, [
        verdictBadge(spam ? "bad" : "good", read.score), " ",
        ...fillNodes(T.headers_score, {score: read.score, required: read.required === null ? "?" : read.required,
          verdict: spam ? T.headers_is_spam : T.headers_not_spam})]));
      if (spam) findings.push({verdict: "bad", label: text(file.name) + ": " + read.score + " / " + (read.required || "?")});
    }
    if (read.rules.length) {
      body.push(element("p", {}, [T.headers_rules_fired]));
      body.push(element("ul", {"class": "dmm-rules"}, read.rules.map((name) => element("li", {}, [code(name)]))));
    }
  }
  body.push(element("details", {}, [element("summary", {}, [T.headers_show_raw]), element("pre", {dir: "ltr"}, [header.name + ": " + header.value])]));
  return element("li", {"class": "dmm-filter", "data-dmm-header": header.name.toLowerCase()}, body);
}

function duration(milliseconds) {
  const seconds = Math.round(Math.abs(milliseconds) / 1000);
  if (seconds < 120) return fill(T.headers_seconds, {value: String(seconds)});
  if (seconds < 7200) return fill(T.headers_minutes, {value: String(Math.round(seconds / 60))});
  return fill(T.headers_hours, {value: String(Math.round(seconds / 3600))});
}

function routeList(hops, external) {
  const format = new Intl.DateTimeFormat(lang, {dateStyle: "medium", timeStyle: "medium"});
  return element("ol", {"class": "dmm-route"}, hops.map((hop, index) => {
    const previous = index ? hops[index - 1] : null;
    const parts = [element("p", {}, fillNodes(T.headers_hop, {from: hop.from || hop.fromIp || "?", by: hop.by || "?"}))];
    const facts = [];
    if (hop.date !== null) facts.push(format.format(new Date(hop.date)));
    if (previous && previous.date !== null && hop.date !== null) facts.push(fill(T.headers_hop_delay, {delay: duration(hop.date - previous.date)}));
    facts.push(hop.tls ? T.headers_hop_tls : T.headers_hop_plain);
    if (hop.protocol) facts.push(hop.protocol);
    parts.push(element("p", {"class": "dmm-hop-facts"}, [facts.join(" · ")]));
    if (index === external) parts.push(element("p", {"class": "dmm-external"}, [element("strong", {}, [T.headers_external])]));
    return element("li", {"class": index === external ? "dmm-hop dmm-hop--external" : "dmm-hop", "data-dmm-tls": String(hop.tls)}, parts);
  }));
}

function section(title, children) {
  return element("section", {"class": "dmm-headers-section"}, [element("h2", {}, [title]), ...children]);
}

export function render(analysis, output) {
  output.textContent = "";
  const findings = [];
  const auth = [];
  // The results the delivering system wrote come first and alone count as findings: the topmost
  // Authentication-Results (or, without one, the topmost Received-SPF). Forwarders' copies follow.
  const rank = (check) => ({"authentication-results": 0, "received-spf": 1})[check.header.name.toLowerCase()] ?? 2;
  const checks = analysis.checks.slice().sort((a, b) => rank(a) - rank(b) || (Number(b.instance) || 0) - (Number(a.instance) || 0));
  for (const check of checks) {
    const kind = check.header.name.toLowerCase();
    const title = [code(check.header.name)];
    if (kind !== "received-spf") title.push(" — ", ...(check.authserv ? fillNodes(T.headers_by, {name: check.authserv}) : [T.headers_by_unnamed]));
    else if (check.authserv) title.push(" — ", ...fillNodes(T.headers_by, {name: check.authserv}));
    if (check.instance) title.push(" · ", ...fillNodes(T.headers_aar, {instance: check.instance}));
    const counted = check === checks[0] && rank(check) < 2 ? findings : [];
    auth.push(element("li", {"class": "dmm-auth", "data-dmm-header": kind}, [element("p", {}, title),
      element("ul", {}, check.results.map((result) => resultItem(result, analysis.fromDomain, counted)))]));
  }
  const filters = analysis.filters.map((found) => filterItem(found, findings));
  const summary = [];
  if (analysis.receivers.length) {
    summary.push(element("p", {}, fillNodes(T.headers_receiver, {provider: analysis.receivers.map(providerName).join(" / ")})));
  }
  if (analysis.from) summary.push(element("p", {}, fillNodes(T.headers_from, {address: analysis.from.value})));
  if (analysis.subject) summary.push(element("p", {}, fillNodes(T.headers_subject, {subject: analysis.subject.value})));
  summary.push(findings.length ? element("ul", {"class": "dmm-findings"}, findings.map((finding) => element("li", {"data-dmm-verdict": finding.verdict}, [
    verdictBadge(finding.verdict, finding.label), finding.entry ? " " + text(finding.entry.meaning) : ""])))
    : element("p", {"class": "dmm-no-findings"}, [T.headers_no_findings]));
  output.appendChild(section(T.headers_summary, summary));
  if (auth.length) output.appendChild(section(T.headers_auth, [element("ul", {"class": "dmm-auth-list"}, auth)]));
  if (filters.length) output.appendChild(section(T.headers_filters, [element("ul", {"class": "dmm-filter-list"}, filters)]));
  if (analysis.hops.length) output.appendChild(section(T.headers_route, [routeList(analysis.hops, analysis.external)]));
  const next = analysis.receivers.flatMap((slug) => [
    element("li", {}, [element("a", {href: guideUrl(slug)}, fillNodes(T.headers_guide, {provider: providerName(slug)}))]),
    ...(READER.senderRules.includes(slug) && findings.length ? [element("li", {}, [element("a", {href: guideUrl(slug) + "#senders"},
      fillNodes(T.headers_sender_rules, {provider: providerName(slug)}))])] : [])]);
  next.push(element("li", {}, [element("a", {href: siteRoot + prefixOf(lang) + "senders/"}, [T.headers_general_senders])]));
  output.appendChild(section(T.headers_next, [element("ul", {}, next)]));
  const used = RULES.filter((file) => file.filter === "authentication" && analysis.checks.length ||
    analysis.filters.some((found) => found.file === file) || analysis.checks.some((check) => check.results.some((result) => (file.methods || {})[result.method])));
  output.appendChild(section(T.headers_sources, [element("ul", {"class": "dmm-sources"}, used.flatMap((file) => file.sources).map((source) =>
    element("li", {}, [element("a", {href: source.url, rel: "noopener"}, [source.title || source.url])])))]));
}

// --- The page ---------------------------------------------------------------------------------

function sizeOf(characters) {
  return new Intl.NumberFormat(lang, {maximumFractionDigits: 1}).format(characters / 1e6) + " MB";
}

export function explain(raw, output) {
  output.textContent = "";
  if (!raw.trim()) {
    output.appendChild(element("p", {"class": "dmm-note"}, [T.headers_empty]));
    return null;
  }
  if (raw.length > READER.maxInput) {
    output.appendChild(element("p", {"class": "admonition warning dmm-refused", role: "alert"},
      [fill(T.headers_too_long, {size: sizeOf(raw.length), limit: sizeOf(READER.maxInput)})]));
    return null;
  }
  const analysis = analyse(raw);
  const known = analysis.checks.length || analysis.filters.length || analysis.hops.length || analysis.from;
  if (!known) {
    output.appendChild(element("p", {"class": "admonition warning dmm-garbage", role: "alert"}, [T.headers_garbage]));
    return null;
  }
  render(analysis, output);
  return analysis;
}

export function startHeaderReader() {
  const container = document.querySelector("[data-dmm-header-reader]");
  if (!container) return;
  const input = element("textarea", {id: "dmm-headers-input", rows: "10", "class": "dmm-letter-text dmm-headers-input", dir: "ltr",
    spellcheck: "false", autocomplete: "off", "aria-describedby": "dmm-headers-hint"});
  const file = element("input", {id: "dmm-headers-file", type: "file", accept: ".eml,message/rfc822,text/plain"});
  const clear = element("button", {type: "button", "class": "md-button"}, [T.headers_clear]);
  const output = element("div", {"class": "dmm-headers-output", "aria-live": "polite", id: "dmm-headers-output"});
  let timer = null;
  const run = () => { explain(input.value, output); };
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 150); });
  file.addEventListener("change", () => {
    const chosen = file.files && file.files[0];
    if (!chosen) return;
    // Read here, never uploaded; a large file is cut to what the reader takes, then refused as too long.
    chosen.slice(0, READER.maxInput + 1).text().then((content) => { input.value = content; run(); });
  });
  clear.addEventListener("click", () => { input.value = ""; file.value = ""; run(); input.focus(); });
  container.replaceChildren(
    element("p", {}, [element("label", {"for": "dmm-headers-input"}, [element("strong", {}, [T.headers_label])])]),
    input,
    element("p", {"class": "dmm-hint", id: "dmm-headers-hint"}, [T.headers_hint]),
    element("p", {}, [element("label", {"for": "dmm-headers-file"}, [T.headers_file]), " ", file, " ", clear]),
    output);
  run();
  // Under "How to get a message's headers": the guides that give a provider's own steps.
  const heading = document.getElementById("get-headers");
  if (heading && READER.viewHeaders.length) {
    heading.nextElementSibling.after(element("ul", {"class": "dmm-view-headers-guides"}, READER.viewHeaders.map((slug) =>
      element("li", {}, [element("a", {href: guideUrl(slug) + "#senders"}, [providerName(slug)])]))));
  }
}
