"""Rules about characters that the validator, the command line and the browser share.

Control (Cc) and format (Cf) characters are invisible or change how text around them is shown:
U+202E turns `moc.lapyap@troppus.ai` into what looks like `ia.support@paypal.com`. They are refused
in addresses and names from the address bar, and in the dataset's domains, slugs, URLs and labels.
Reader-facing texts may keep the few marks that real writing needs (TEXT_MARKS).

The browser gets HIDDEN_CATEGORIES and TRIMMED through the generated data (browser.browser_data),
so both sides apply the same rule.
"""
from __future__ import annotations

import re
import unicodedata

HIDDEN_CATEGORIES = ("Cc", "Cf")

# The only format characters allowed, and only in reader-facing texts (name, about, steps, ...).
TEXT_MARKS = {
    "\u200c": "ZERO WIDTH NON-JOINER: Persian, Urdu and other scripts need it inside words",
    "\u200d": "ZERO WIDTH JOINER: needed by some scripts and emoji sequences",
    "\u200e": "LEFT-TO-RIGHT MARK: keeps a Latin name and its punctuation in order inside Arabic text",
    "\u200f": "RIGHT-TO-LEFT MARK: the same for Arabic inside Latin text",
}

# What is trimmed from both ends of a typed or pasted address: the characters JavaScript's
# String.prototype.trim removes (ASCII spaces and line ends, Unicode space separators, U+FEFF),
# written once as a character class that Python's re and JavaScript's RegExp both read.
TRIMMED = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_TRIM = re.compile(f"^[{TRIMMED}]+|[{TRIMMED}]+$")


def trim(text: str) -> str:
    return _TRIM.sub("", text)


def hidden_characters(text: str, allowed: dict | tuple = ()) -> list[str]:
    """The control and format characters in `text`, except the `allowed` ones."""
    return [character for character in text
            if unicodedata.category(character) in HIDDEN_CATEGORIES and character not in allowed]


def describe(character: str) -> str:
    """U+202E (RIGHT-TO-LEFT OVERRIDE), for error messages."""
    name = unicodedata.name(character, "") or {"\n": "line break", "\t": "tab", "\r": "carriage return"}.get(
        character, "control character")
    return f"U+{ord(character):04X} ({name})"


# Arabic short vowels and other marks, and the tatweel: most Arabic is written without them, so
# they are removed from the search index, from the reader's query and from names before they are
# compared (the browser gets the same class through the generated data).
ARABIC_MARKS = "\\u0640\\u064B-\\u065F\\u0670\\u06D6-\\u06ED"
_MARKS = re.compile(f"[{ARABIC_MARKS}]")
# Spellings of one letter that readers use interchangeably when they type a name: alef with hamza
# or madda and alef wasla as alef, alef maqsura as ya, ta marbuta as ha ("أوتلوك" = "اوتلوك").
ARABIC_FOLDS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}


def without_marks(text: str) -> str:
    return _MARKS.sub("", text)

