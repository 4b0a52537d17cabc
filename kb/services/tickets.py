"""Ticket text is not a search query: keep what the customer wrote about this problem, drop the rest.

An incoming ticket body is usually an e-mail: HTML, a greeting, the question, a sign-off, a
signature, a legal disclaimer and the whole earlier thread quoted below (``El ... escribió:``,
``On ... wrote:``, ``>`` lines, Outlook's ``From:/Sent:`` block). ``clean_ticket`` returns the
subject and the customer's own words, and says what it removed and why (agents see it).
Spanish and English forms are recognised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

# -- HTML e-mail bodies -------------------------------------------------------------------------

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "section",
}  # fmt: skip
_SKIP_TAGS = {"style", "script", "head", "title"}
_QUOTE_CLASSES = (
    "gmail_quote",
    "freshdesk_quote",
    "yahoo_quoted",
    "moz-cite-prefix",
    "divrplyfwdmsg",
    "appendonsend",
    "reply",
)


class _TextOfHtml(HTMLParser):
    """Visible text of an HTML body, blocks on their own lines; quoted replies (``<blockquote>``, Gmail's
    and Outlook's reply containers) are left out and counted."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0  # depth inside style/script/head
        self.quote = 0  # depth inside a quoted reply
        self.quotes = 0
        self.stack: list[bool] = []  # per open element: did it open a quote?

    def handle_starttag(self, tag, attrs) -> None:
        classes = " ".join(v or "" for k, v in attrs if k in ("class", "id")).lower()
        opens_quote = tag == "blockquote" or any(c in classes for c in _QUOTE_CLASSES)
        if tag in _SKIP_TAGS:
            self.skip += 1
        if tag not in ("br", "hr", "img", "meta", "link", "input"):
            self.stack.append(opens_quote)
            if opens_quote:
                self.quote += 1
                self.quotes += self.quote == 1
        if tag in _BLOCK_TAGS:
            self.out.append("\n")

    def handle_endtag(self, tag) -> None:
        if tag in _SKIP_TAGS and self.skip:
            self.skip -= 1
        if tag not in ("br", "hr", "img", "meta", "link", "input") and self.stack:
            if self.stack.pop():
                self.quote -= 1
        if tag in _BLOCK_TAGS:
            self.out.append("\n")

    def handle_data(self, data) -> None:
        if not self.skip and not self.quote:
            self.out.append(data)


_HTML_HINT = re.compile(r"<\s*(html|body|div|p|br|table|span|blockquote|font)\b[^<>]*>", re.I)


def html_to_text(body: str) -> tuple[str, int]:
    """Visible text of an HTML body and how many quoted replies were left out."""
    parser = _TextOfHtml()
    parser.feed(body)
    parser.close()
    text = "".join(parser.out).replace("\xa0", " ")
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip(), parser.quotes


# -- plain-text e-mail conventions ----------------------------------------------------------------

# [ \t]*, not \s*, after ^ and \n: with re.M, \s* at every line start re-reads every following blank
# line, and 20,000 newlines took 18 s (holding the GIL: every other request waited).
_REPLY_HEADER = re.compile(
    r"^[ \t]*(?:"
    r"On\b.{0,300}?\bwrote:|"
    r"El\b.{0,300}?\bescribió:|"
    r"-{2,}\s*(?:Original Message|Forwarded message|Mensaje original|Mensaje reenviado)\s*-{2,}|"
    r"(?:From|De):[ \t][^\n]+\n[ \t]*(?:Sent|Date|Enviado(?: el)?|Fecha):\s"
    r")",
    re.I | re.M | re.S,
)
_QUOTED_LINE = re.compile(r"^\s*>")
_SIGNATURE_MARK = re.compile(r"^(?:--|__+|—)\s*$")
_SENT_FROM = re.compile(r"^\s*(?:Sent from my|Enviado desde mi|Get Outlook for|Obtener Outlook para)\b.*$", re.I)
_SIGN_OFF = re.compile(
    r"^\s*(?:saludos(?: cordiales)?|un saludo|muchos saludos|atentamente|cordialmente|quedo atent[oa]\b.*|"
    r"(?:muchas )?gracias(?: de antemano| por (?:su|tu) ayuda| por adelantado)?|"
    r"(?:best |kind |warm )?regards|best|cheers|sincerely|yours(?: truly| sincerely)?|"
    r"thanks(?: in advance| a lot)?|thank you(?: in advance)?|many thanks)\s*[,.!]*\s*$",
    re.I,
)
_GREETING = re.compile(
    r"^\s*(?:hola|buen(?:os|as) (?:días|dias|tardes|noches)|buen día|estimad[oa]s?|querid[oa]s?|"
    r"hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^\n.!?,:;]{0,40}[,.!:;]?",
    re.I,
)
_DISCLAIMER = re.compile(
    r"(?:confidential|confidencial|privileged|privilegiad|intended (?:solely |only )?for|"
    r"destinatario|if you (?:have )?received this|si (?:usted )?ha recibido este|"
    r"aviso legal|legal notice|disclaimer|protecci[oó]n de datos|think before (?:you )?print|"
    r"antes de imprimir)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class CleanTicket:
    text: str  # subject and the customer's own words, paragraphs separated by blank lines
    removed: list[str] = field(default_factory=list)  # what was cut, as reason codes


def _drop_disclaimers(paragraphs: list[str], removed: list[str]) -> list[str]:
    kept = []
    for p in paragraphs:
        # A disclaimer is a paragraph of legal boilerplate: two of its markers, or one in a long paragraph.
        hits = len(_DISCLAIMER.findall(p))
        if hits >= 2 or (hits and len(p) > 200):
            removed.append("disclaimer")
        else:
            kept.append(p)
    return kept


def clean_ticket(subject: str, body: str) -> CleanTicket:
    """The subject and the body's own words, without the thread, greeting, sign-off, signature,
    "sent from" lines and legal disclaimers."""
    removed: list[str] = []
    text = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    if _HTML_HINT.search(text):
        text, quotes = html_to_text(text)
        removed += ["html"] + ["quoted_reply"] * quotes
    header = _REPLY_HEADER.search(text)
    if header:
        text = text[: header.start()]
        removed.append("quoted_reply")
    lines = []
    for line in text.split("\n"):
        if _SIGNATURE_MARK.match(line):
            removed.append("signature")
            break
        if _QUOTED_LINE.match(line):
            if "quoted_lines" not in removed:
                removed.append("quoted_lines")
            continue
        if _SENT_FROM.match(line):
            removed.append("sent_from")
            continue
        lines.append(line.rstrip())
    # A sign-off ends the message: what follows it is the signature (name, role, phone).
    for i, line in enumerate(lines):
        if i > 0 and _SIGN_OFF.match(line):
            removed.append("sign_off")
            lines = lines[:i]
            break
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", "\n".join(lines)) if p.strip()]
    paragraphs = _drop_disclaimers(paragraphs, removed)
    if paragraphs:
        first = paragraphs[0]
        greeting = _GREETING.match(first)
        if greeting:
            rest = first[greeting.end() :].strip()
            removed.append("greeting")
            paragraphs = ([rest] if rest else []) + paragraphs[1:]
    subject = re.sub(r"^\s*(?:(?:re|fw|fwd|rv|reenv|respuesta)\s*:\s*)+", "", subject or "", flags=re.I).strip()
    parts = ([subject] if subject else []) + paragraphs
    return CleanTicket("\n\n".join(parts), removed)


# -- what the model reads of a long ticket -------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
MAX_SENTENCE_WORDS = 40  # a run-on line (a log, a pasted table) is read in pieces of this many words


def sentences(text: str) -> list[str]:
    """The text cut at sentence ends and line breaks; a very long run is cut into word pieces."""
    out = []
    for part in _SENTENCE_END.split(text):
        words = part.split()
        for start in range(0, len(words), MAX_SENTENCE_WORDS):
            out.append(" ".join(words[start : start + MAX_SENTENCE_WORDS]))
    return [s for s in out if s]


LEAD_BONUS = 2.0
# A ticket with more sentences than this (a pasted log, a hostile one) has only its most telling ones
# counted by the tokenizer, which costs ~14 µs a sentence: 99,000 ". " once took 1.4 s.
MAX_COUNTED = 400


def telling_part(
    text: str,
    budget: int,
    count: Callable[[list[str]], list[int]],
    weigh: Callable[[list[str]], list[float]],
    lead: float = LEAD_BONUS,
) -> str:
    """The text itself if the model can read it whole within ``budget`` tokens; else its most telling
    sentences, wherever they are, in their order, within the budget.

    Sentences are taken by how much they say per token: ``weigh`` gives each one's weight (kb: how
    strongly its words together match some section of the knowledge base), divided by the square
    root of its length, so a short precise sentence beats a long vague one; ``count`` gives token
    counts. The first sentence (the subject, else the body's first) weighs ``lead`` times more:
    customers say what is wrong first, but a first sentence of chatter still loses. Nothing is cut
    from the start or the end as such: the question at the end of a long ticket is read as surely as
    one at its start.
    """
    parts = sentences(text)
    if not parts:
        return ""
    if len(parts) > MAX_COUNTED:
        # Too many to count: a sentence is at least a token a word, so the text cannot fit; weigh all
        # (cheap), estimate lengths by words, and count only the best MAX_COUNTED exactly.
        weights = weigh(parts)
        weights[0] *= lead
        best = sorted(range(len(parts)), key=lambda i: (-weights[i] / len(parts[i].split()) ** 0.5, i))
        keep = sorted(best[:MAX_COUNTED])
        parts, weights = [parts[i] for i in keep], [weights[i] for i in keep]
        counts = count(parts)
    else:
        counts = count(parts)
        if sum(counts) <= budget:
            return text
        weights = weigh(parts)
        weights[0] *= lead
    chosen, used = set(), 0
    rest = sorted(range(len(parts)), key=lambda i: (-weights[i] / max(counts[i], 1) ** 0.5, i))
    for i in rest:
        if used + counts[i] <= budget:
            chosen.add(i)
            used += counts[i]
    if not chosen:  # every sentence is longer than the budget: the model reads what fits of the best
        chosen = {rest[0]}
    return " ".join(parts[i] for i in sorted(chosen))
