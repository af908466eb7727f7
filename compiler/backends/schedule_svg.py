"""Weekly picture of a contract's windows: model.Contract → inline SVG text in one language (or
None when there is nothing to draw).

One row per weekday (Monday first), hours 0–24 across. Each row holds one track per band: the
time the availability is measured in, the business hours of the deadlines, any other window.
The windows an availability excludes are drawn OVER its measured track, as diagonal hatching,
so excluded time is seen against measured time. Every band has its own drawing (solid,
hatched, dotted, striped), named in words in the legend: colour never carries meaning alone.
Windows open at all times carry no shape and are said in a sentence under the picture; so is
measurement at all times when nothing is excluded from it. Ranges that cross midnight or the
end of the week are cut at day boundaries. No scripts, no external or `url()` references; the
same contract gives the same bytes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from html import escape

from .. import model
from ..kinds.availability import Availability
from ..kinds.deadlines import Deadlines
from ..kinds.window import Window
from .formatting import NBSP, Formatter, Lang, squash, visible

WEEK = 7 * 1440
LEFT, TOP, HOUR, TRACK, TRACK_GAP, ROW_GAP = 62, 22, 24, 11, 2, 7
WIDTH = LEFT + 24 * HOUR + 24
LEGEND_ROW = 15
HATCH_STEP = 6

ROLES: dict[str, tuple[str, str]] = {
    "measured": ("temps mesuré pour la disponibilité", "time measured for availability"),
    "maintenance": ("Hachures : exclu du calcul", "Hatched: excluded from the calculation"),
    "hours": ("heures ouvrées des délais", "business hours of the deadlines"),
    "other": ("plage horaire", "time window"),
}
"""What each kind of band shows, in words (French, English)."""

STYLE: dict[str, str] = {"measured": "solid", "hours": "dotted", "other": "striped"}
DRAWINGS: dict[str, tuple[str, str]] = {
    "solid": ("aplat", "solid"), "dotted": ("pointillés", "dotted"),
    "striped": ("rayures horizontales", "horizontal stripes"),
}
FILL: dict[str, str] = {"solid": "#b9d7b9", "dotted": "#d6e4f5", "striped": "#eeeeee"}
FOOTNOTE = ("Jours fériés non représentés ; heure locale ({zone}).",
            "Public holidays not shown; local time ({zone}).")
ALWAYS = ("{label} : 24 h/24, 7 j/7 (non dessiné).", "{label}: 24/7 (not drawn).")
MEASURED_ALWAYS = ("{label} : mesurée 24 h/24, 7 j/7.", "{label}: measured 24/7.")

Segments = tuple[tuple[int, int], ...]
"""Merged [start, end) minutes from Monday 00:00."""


@dataclass(frozen=True)
class Band:
    """One track: its role, its label in both languages, its covered minutes of the week, and
    the windows drawn over it as excluded time."""

    role: str
    fr: str
    en: str
    segments: Segments
    limit: int | None
    overlays: tuple[Band, ...] = field(default=())


def _merged(window: Window) -> Segments:
    """The window's ranges as merged week minutes, wrapped at the end of the week."""
    if window.always:
        return ((0, WEEK),)
    pieces: list[tuple[int, int]] = []
    for r in window.ranges:
        start = r.weekday * 1440 + r.start_minute
        end = start + r.length_minutes
        pieces.append((start, min(end, WEEK)))
        if end > WEEK:
            pieces.append((0, end - WEEK))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def _label(item: model.ItemBase) -> tuple[str, str]:
    if item.label is None:
        return item.name, item.name
    return item.label.fr, item.label.en


def _band(role: str, window: Window, overlays: tuple[Band, ...] = ()) -> Band:
    fr, en = _label(window)
    return Band(role, fr, en, _merged(window), window.per_month_limit, overlays)


def _excluded(contract: model.Contract, availability: Availability) -> tuple[Band, ...]:
    names = dict.fromkeys(n for n in (*availability.excluded_windows,
                                      *availability.maintenance_in) if n is not None)
    found = (contract.item(name) for name in names)
    return tuple(_band("maintenance", w) for w in found if isinstance(w, Window))


def bands(contract: model.Contract) -> tuple[list[Band], list[tuple[str, str]]]:
    """The tracks to draw (measured first, then business hours, then other windows), and the
    sentences (French, English) that stand for what has no shape: windows open at all times,
    measurement at all times with nothing excluded."""
    tracks: list[Band] = []
    sentences: list[tuple[str, str]] = []
    used: set[str] = set()
    for item in contract.of_type(Availability):
        overlays = _excluded(contract, item)
        used.update(n for n in (*item.excluded_windows, *item.maintenance_in) if n is not None)
        measured = contract.item(item.measured_during or "")
        if isinstance(measured, Window):
            used.add(measured.name)
        fr, en = _label(item)
        if isinstance(measured, Window) and not measured.always:
            tracks.append(_band("measured", measured, overlays))
        elif overlays:
            tracks.append(Band("measured", fr, en, ((0, WEEK),), None, overlays))
        else:
            sentences.append((MEASURED_ALWAYS[0].format(label=fr[:1].upper() + fr[1:]),
                              MEASURED_ALWAYS[1].format(label=en[:1].upper() + en[1:])))
    hours = {d.business_hours for d in contract.of_type(Deadlines)
             if isinstance(d.business_hours, str)}
    later: list[Band] = []
    for item in contract.of_type(Window):
        if item.name in used:
            continue
        if item.always:
            fr, en = _label(item)
            sentences.append((ALWAYS[0].format(label=fr[:1].upper() + fr[1:]),
                              ALWAYS[1].format(label=en[:1].upper() + en[1:])))
        else:
            later.append(_band("hours" if item.name in hours else "other", item))
    later.sort(key=lambda band: band.role != "hours")
    return tracks + later, sentences


def _minutes(band: Band) -> int:
    return sum(end - start for start, end in band.segments)


def legend(band: Band, lang: Lang, f: Formatter) -> str:
    """`Hachures : exclu du calcul — maintenance évolutive (26 heures par semaine, au plus une
    fois par mois)`: what the drawing means, the window's label, its hours a week."""
    label = band.fr if lang == "fr" else band.en
    role = ROLES[band.role][0 if lang == "fr" else 1]
    if band.role != "maintenance":
        drawing = DRAWINGS[STYLE[band.role]][0 if lang == "fr" else 1]
        role = f"{drawing[:1].upper()}{drawing[1:]}{NBSP if lang == 'fr' else ''}: {role}"
    limit = ""
    if band.limit is not None:
        if lang == "fr":
            limit = ", au plus une fois par mois" if band.limit == 1 else \
                f", au plus {band.limit} fois par mois"
        else:
            limit = ", at most once a month" if band.limit == 1 else \
                f", at most {band.limit} times a month"
    week = "par semaine" if lang == "fr" else "a week"
    return f"{role} — {label} ({f.hours(_minutes(band))} {week}{limit})"


def _px(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _day_pieces(segments: Segments) -> list[tuple[int, int, int]]:
    """(day, start minute, end minute) pieces of week segments, cut at midnight."""
    pieces = []
    for start, end in segments:
        cursor = start
        while cursor < end:
            day = cursor // 1440
            stop = min(end, (day + 1) * 1440)
            pieces.append((day, cursor - day * 1440, stop - day * 1440))
            cursor = stop
    return pieces


def _hatch(x0: float, y0: float, x1: float, y1: float) -> list[str]:
    """Diagonal lines `/` filling a rectangle, on a grid shared by every rectangle, so that
    neighbouring pieces join up."""
    lines = []
    first = int((x0 + y0) // HATCH_STEP) * HATCH_STEP
    c = first
    while c <= x1 + y1:
        low, high = max(x0, c - y1), min(x1, c - y0)
        if low < high:
            lines.append(f'<line x1="{_px(low)}" y1="{_px(c - low)}" x2="{_px(high)}" '
                         f'y2="{_px(c - high)}"/>')
        c += HATCH_STEP
    return lines


def _shape(style: str, x: float, y: float, width: float) -> list[str]:
    """One bar of a track in its drawing: solid, dotted (a dotted centre line) or striped."""
    out = [f'<rect x="{_px(x)}" y="{_px(y)}" width="{_px(width)}" height="{TRACK}" '
           f'fill="{FILL[style]}" stroke="#333" stroke-width="0.6"/>']
    if style == "dotted":
        middle = _px(y + TRACK / 2)
        out.append(f'<line x1="{_px(x + 1)}" y1="{middle}" x2="{_px(x + width - 1)}" '
                   f'y2="{middle}" stroke="#1a1a1a" stroke-width="2" stroke-dasharray="1.5 2.5"/>')
    elif style == "striped":
        for offset in (TRACK / 3, 2 * TRACK / 3):
            out.append(f'<line x1="{_px(x)}" y1="{_px(y + offset)}" x2="{_px(x + width)}" '
                       f'y2="{_px(y + offset)}" stroke="#333" stroke-width="0.8"/>')
    return out


def _excluded_shape(x: float, y: float, width: float) -> list[str]:
    """Excluded time over a track: a dashed outline and dark diagonal hatching, no fill, so the
    measured bar stays visible under it."""
    out = [f'<rect x="{_px(x)}" y="{_px(y - 1)}" width="{_px(width)}" height="{TRACK + 2}" '
           'fill="none" stroke="#000" stroke-width="1" stroke-dasharray="3 2"/>',
           '<g stroke="#000" stroke-width="1.1">']
    out.extend(_hatch(x, y, x + width, y + TRACK))
    out.append("</g>")
    return out


@functools.lru_cache(maxsize=32)
def _grid(lang: Lang, row_height: float) -> tuple[str, ...]:
    """Hour labels every 3 hours with their lines, and the weekday names."""
    f = Formatter(lang)
    bottom = TOP + 7 * row_height
    out = []
    for hour in range(0, 25, 3):
        x = LEFT + hour * HOUR
        out.append(f'<line x1="{x}" y1="{TOP - 4}" x2="{x}" y2="{_px(bottom)}" stroke="#ccc"/>')
        out.append(f'<text x="{x}" y="{TOP - 7}" text-anchor="middle">{f.clock(hour * 60)}</text>')
    for day in range(7):
        y = TOP + day * row_height
        out.append(f'<line x1="{LEFT}" y1="{_px(y)}" x2="{LEFT + 24 * HOUR}" y2="{_px(y)}" '
                   'stroke="#ccc"/>')
        out.append(f'<text x="{LEFT - 6}" y="{_px(y + row_height / 2 + 3)}" text-anchor="end">'
                   f'{escape(f.weekday(day))}</text>')
    out.append(f'<line x1="{LEFT}" y1="{_px(bottom)}" x2="{LEFT + 24 * HOUR}" '
               f'y2="{_px(bottom)}" stroke="#ccc"/>')
    return tuple(out)


@functools.lru_cache(maxsize=256)
def _bars(tracks: tuple[tuple[str, Segments, tuple[Segments, ...]], ...],
          row_height: float) -> tuple[str, ...]:
    """The tracks' bars, each (style, segments, excluded segments drawn over it): the same
    shapes in both languages."""
    out = []
    for number, (style, segments, overlays) in enumerate(tracks):
        offset = ROW_GAP / 2 + number * (TRACK + TRACK_GAP)
        for day, start, end in _day_pieces(segments):
            out.extend(_shape(style, LEFT + start * HOUR / 60,
                              TOP + day * row_height + offset, (end - start) * HOUR / 60))
        for overlay in overlays:
            for day, start, end in _day_pieces(overlay):
                out.extend(_excluded_shape(LEFT + start * HOUR / 60,
                                           TOP + day * row_height + offset,
                                           (end - start) * HOUR / 60))
    return tuple(out)


def _legend_swatch(band: Band, x: float, y: float) -> list[str]:
    if band.role == "maintenance":
        return [f'<rect x="{_px(x)}" y="{_px(y)}" width="24" height="{TRACK}" '
                f'fill="{FILL["solid"]}" stroke="#333" stroke-width="0.6"/>',
                *_excluded_shape(x, y, 24)]
    return _shape(STYLE[band.role], x, y, 24)


def week_svg(contract: model.Contract, lang: Lang = "fr") -> str | None:
    """The weekly picture in `lang` as an `<svg>` element, or None when no window has a shape."""
    tracks, sentences = bands(contract)
    if not tracks:
        return None
    f = Formatter(lang)
    index = 0 if lang == "fr" else 1
    row_height = len(tracks) * (TRACK + TRACK_GAP) - TRACK_GAP + ROW_GAP
    grid_bottom = TOP + 7 * row_height
    drawn = [entry for band in tracks for entry in (band, *band.overlays)]
    entries = list({legend(e, lang, f): e for e in drawn}.items())
    notes = [s[index] for s in sentences] + [FOOTNOTE[index].format(zone=contract.zone)]
    height = grid_bottom + 10 + LEGEND_ROW * (len(entries) + len(notes)) + 4
    title = "Semaine type" if lang == "fr" else "Typical week"
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_px(height)}" '
            f'width="{WIDTH}" height="{_px(height)}" role="img" '
            f'aria-labelledby="week-title-{lang}" font-family="sans-serif" font-size="10">'),
           f'<title id="week-title-{lang}">{title}</title>',
           *_grid(lang, row_height),
           *_bars(tuple((STYLE[band.role], band.segments, tuple(o.segments for o in band.overlays))
                        for band in tracks), row_height)]
    y = grid_bottom + 10
    for text, band in entries:
        out.extend(_legend_swatch(band, LEFT, y))
        out.append(f'<text x="{LEFT + 32}" y="{_px(y + 9)}">{escape(squash(visible(text)))}</text>')
        y += LEGEND_ROW
    for note in notes:
        shown = escape(squash(visible(note)))
        out.append(f'<text x="{LEFT}" y="{_px(y + 9)}" fill="#333">{shown}</text>')
        y += LEGEND_ROW
    out.append("</svg>")
    return "\n".join(out)
