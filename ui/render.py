"""Turns `qa` results into the HTML shown in the chat and the markdown of the status line.

Pure functions with no Gradio import, so they are tested directly. Everything taken from an answer
or a seed file is HTML-escaped; the only markup is our own.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from html import escape

from qa import Answer, Citation, IndexStatus

_MARKER = re.compile(r"\[(\d+)\]")
_SPACE = re.compile(r"\s+")


def _one_line(text: str) -> str:
    """Collapse whitespace: the chat renders markdown, where a blank line would end our HTML block."""
    return _SPACE.sub(" ", text).strip()


def format_date(value: str | None) -> str:
    """'2025-08-13' -> '13 Aug 2025'; anything unparseable is shown as it is."""
    if not value:
        return "undated"
    try:
        return datetime.strptime(value, "%Y-%m-%d").strftime("%-d %b %Y")
    except ValueError:
        return value


def format_built_at(value) -> str:
    """An ISO string, datetime or epoch seconds -> '2025-11-24 03:20 UTC'."""
    if value is None or value == "":
        return "never"
    if isinstance(value, (int, float)):
        value = datetime.fromtimestamp(value, tz=timezone.utc)
    elif isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc)
    return value.strftime("%Y-%m-%d %H:%M UTC")


def highlighted_paragraph(c: Citation) -> str:
    """The citation's paragraph as HTML with the cited sentence wrapped in <mark>.

    The offsets are into the source file; `paragraph_start` maps them into `paragraph`. When they do
    not fit (an older index, say) the sentence is shown on its own rather than guessed at.
    """
    start, end = c.start - c.paragraph_start, c.end - c.paragraph_start
    if not c.paragraph or not 0 <= start < end <= len(c.paragraph):
        return f"<mark>{escape(_one_line(c.text))}</mark>"
    before, cited, after = c.paragraph[:start], c.paragraph[start:end], c.paragraph[end:]
    return (
        f'<span class="qa-context">{escape(_one_line(before))}</span> '
        f"<mark>{escape(_one_line(cited))}</mark>"
        f' <span class="qa-context">{escape(_one_line(after))}</span>'
    ).replace('<span class="qa-context"></span>', "").strip()


def citation_card(c: Citation) -> str:
    """One numbered card: number, source file, article date, sentence position, paragraph."""
    return (
        f'<div class="qa-card" id="qa-cite-{c.number}">'
        f'<div class="qa-card-head"><span class="qa-num">{c.number}</span>'
        f'<span class="qa-source">{escape(c.source)}</span>'
        f'<span class="qa-meta">{escape(format_date(c.date))} · sentence {c.sentence + 1}'
        f'{" · possibly related" if c.related else ""}</span></div>'
        f'<div class="qa-para">{highlighted_paragraph(c)}</div>'
        "</div>"
    )


def answer_text(answer: Answer) -> str:
    """The answer text as HTML: its lines kept ("- " lines as a list), escaped, [n] markers styled.

    Only markers of citations the answer has become references; any other bracket stays text.
    """
    numbers = {c.number for c in answer.citations}

    def inline(line: str) -> str:
        def ref(m: re.Match) -> str:
            n = int(m.group(1))
            return f'<sup class="qa-ref">[{n}]</sup>' if n in numbers else m.group(0)

        return _MARKER.sub(ref, escape(_one_line(line)))

    html, items = [], []
    for line in answer.text.splitlines():
        if line.lstrip().startswith("- "):
            items.append(f"<li>{inline(line.lstrip()[2:])}</li>")
            continue
        if items:
            html.append(f"<ul>{''.join(items)}</ul>")
            items = []
        if line.strip():
            html.append(f"<p>{inline(line)}</p>")
    if items:
        html.append(f"<ul>{''.join(items)}</ul>")
    return "".join(html)


def answer_html(answer: Answer, note: str | None = None) -> str:
    """A chat message: optional note, the answer text, then the citation cards (best first)."""
    parts = ['<div class="qa-answer">']
    if note:
        parts.append(f'<p class="qa-note">{escape(note)}</p>')
    kind = "qa-text" if answer.citations else "qa-text qa-uncovered"
    parts.append(f'<div class="{kind}">{answer_text(answer)}</div>')
    if answer.citations:
        parts.append('<div class="qa-cards">')
        parts.extend(citation_card(c) for c in answer.citations)
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def notice_html(text: str) -> str:
    """A neutral message in the chat, e.g. 'rebuilding the index before answering'."""
    return f'<div class="qa-answer"><p class="qa-note">{escape(text)}</p></div>'


def error_html(text: str) -> str:
    """A readable problem message in the chat (never a traceback)."""
    return f'<div class="qa-answer"><p class="qa-error">{escape(text)}</p></div>'


def status_markdown(status: IndexStatus) -> str:
    """The status line: model, articles, sentences, build time, and whether the seeds changed since."""
    n_src, n_sent = status.sources, status.sentences
    line = (
        f"**Model** `{status.model}` · **{n_src}** article{'s' if n_src != 1 else ''} · "
        f"**{n_sent}** sentences · **built** {format_built_at(status.built_at)}"
    )
    if status.changes.missing_index or not status.built_at:
        return line + "\n\n⚠️ No index yet: it is built before the first answer, or build it now."
    if status.stale:
        return (
            line + f"\n\n⚠️ The seeds changed since the index was built ({escape(status.changes.describe())}). "
            "The next question rebuilds it first, or rebuild it now."
        )
    return line
