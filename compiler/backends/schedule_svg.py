"""Weekly picture of a contract's windows: model.Contract → inline SVG text (or None if none).

Seven day columns (Monday first) by 24 hours, one lane per band: the time the availability is
measured in, the maintenance windows it excludes, the business hours of the deadlines, then any
other window. Ranges that cross midnight or the end of the week are cut at day boundaries and
drawn on each day they touch. The legend is in French and English. No scripts, no external
assets; the same contract gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .. import model
from ..kinds.availability import Availability
from ..kinds.deadlines import Deadlines
from ..kinds.window import Window
from .formatting import NBSP, Formatter, squash

WEEK = 7 * 1440
LEFT, TOP, COLUMN, GAP, HOUR = 46, 40, 86, 3, 12
GRID_BOTTOM = TOP + 24 * HOUR
LEGEND_ROW = 30
WIDTH = LEFT + 7 * COLUMN + 8

ROLES: dict[str, tuple[str, str]] = {
    "measured": ("Temps mesuré", "Measured time"),
    "maintenance": ("Maintenance exclue", "Excluded maintenance"),
    "hours": ("Heures ouvrées", "Business hours"),
    "other": ("Fenêtre", "Window"),
}
COLOURS: dict[str, tuple[str, ...]] = {
    "measured": ("#2e7d32", "#81c784"),
    "maintenance": ("#e65100", "#ffb74d", "#8d6e63"),
    "hours": ("#1565c0", "#64b5f6"),
    "other": ("#616161", "#bdbdbd"),
}
FOOTNOTE = ("Jours fériés non représentés ; heures locales ({zone}).",
            "Public holidays not shown; local time ({zone}).")


@dataclass(frozen=True)
class Band:
    """One lane: what it shows, in both languages, and its covered minutes of the week."""

    role: str
    fr: str
    en: str
    segments: tuple[tuple[int, int], ...]    # merged [start, end) minutes from Monday 00:00
    limit: int | None


def _merged(window: Window) -> tuple[tuple[int, int], ...]:
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


def bands(contract: model.Contract) -> list[Band]:
    """The lanes to draw, in the order of the items that define them."""
    roles: dict[str, str] = {}
    always_measured: set[str] = set()
    for item in contract.items:
        if isinstance(item, Availability):
            if item.measured_during is None:
                always_measured.add(item.name)
            else:
                roles.setdefault(item.measured_during, "measured")
            for name in (*item.excluded_windows, *item.maintenance_in):
                if name is not None:
                    roles.setdefault(name, "maintenance")
        elif isinstance(item, Deadlines) and isinstance(item.business_hours, str):
            roles.setdefault(item.business_hours, "hours")
    result: list[Band] = []
    for item in contract.items:
        if isinstance(item, Window):
            fr, en = _label(item)
            result.append(Band(roles.get(item.name, "other"), fr, en, _merged(item),
                               item.per_month_limit))
        elif isinstance(item, Availability) and item.name in always_measured:
            fr, en = _label(item)
            result.append(Band("measured", fr, en, ((0, WEEK),), None))
    order = list(ROLES)
    return sorted(result, key=lambda band: order.index(band.role))


def _minutes(band: Band) -> int:
    return sum(end - start for start, end in band.segments)


def legend_fr(band: Band, f: Formatter) -> str:
    """`Maintenance exclue : maintenance évolutive (26 heures par semaine, au plus une fois…)`."""
    limit = ""
    if band.limit is not None:
        limit = ", au plus une fois par mois" if band.limit == 1 else \
            f", au plus {band.limit} fois par mois"
    return f"{ROLES[band.role][0]}{NBSP}: {band.fr} ({f.hours(_minutes(band))} par semaine{limit})"


def legend_en(band: Band, f: Formatter) -> str:
    """`Excluded maintenance: evolutive maintenance (26 hours a week, at most once a month)`."""
    limit = ""
    if band.limit is not None:
        limit = ", at most once a month" if band.limit == 1 else \
            f", at most {band.limit} times a month"
    return f"{ROLES[band.role][1]}: {band.en} ({f.hours(_minutes(band))} a week{limit})"


def _px(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _day_pieces(segments: tuple[tuple[int, int], ...]) -> list[tuple[int, int, int]]:
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


def _grid(fr: Formatter, en: Formatter) -> list[str]:
    """Background, hour lines every 3 hours, and the day headers in both languages."""
    background = (f'<rect x="{LEFT}" y="{TOP}" width="{7 * COLUMN}" height="{24 * HOUR}" '
                  'fill="#fafafa" stroke="#9e9e9e"/>')
    out = [background]
    for hour in range(0, 25, 3):
        y = TOP + hour * HOUR
        out.append(f'<line x1="{LEFT - 4}" y1="{y}" x2="{LEFT + 7 * COLUMN}" y2="{y}" '
                   'stroke="#e0e0e0"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4}" text-anchor="end">{hour:02d}:00</text>')
    for day in range(7):
        x = LEFT + day * COLUMN
        middle = _px(x + COLUMN / 2)
        out.append(f'<line x1="{x}" y1="{TOP}" x2="{x}" y2="{GRID_BOTTOM}" stroke="#9e9e9e"/>')
        out.append(f'<text x="{middle}" y="{TOP - 20}" text-anchor="middle" lang="fr">'
                   f'{escape(fr.weekday_short(day))}</text>')
        out.append(f'<text x="{middle}" y="{TOP - 7}" text-anchor="middle" lang="en" '
                   f'fill="#555">{escape(en.weekday_short(day))}</text>')
    return out


def _colours(lanes: list[Band]) -> list[str]:
    """One colour per lane, from its role's palette in turn."""
    used: dict[str, int] = {}
    colours = []
    for band in lanes:
        palette = COLOURS[band.role]
        colours.append(palette[used.get(band.role, 0) % len(palette)])
        used[band.role] = used.get(band.role, 0) + 1
    return colours


def week_svg(contract: model.Contract) -> str | None:
    """The weekly picture as an `<svg>` element, or None when the contract has no window."""
    lanes = bands(contract)
    if not lanes:
        return None
    fr, en = Formatter("fr"), Formatter("en")
    colours = _colours(lanes)
    height = GRID_BOTTOM + 24 + LEGEND_ROW * len(lanes) + 34
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="week-title" '
            'font-family="sans-serif" font-size="11">'),
           '<title id="week-title">Semaine type / Typical week</title>',
           *_grid(fr, en)]
    lane = (COLUMN - 2 * GAP) / len(lanes)
    for index, (band, colour) in enumerate(zip(lanes, colours, strict=True)):
        for day, start, end in _day_pieces(band.segments):
            left = LEFT + day * COLUMN + GAP + index * lane
            out.append(f'<rect x="{_px(left)}" y="{_px(TOP + start * HOUR / 60)}" '
                       f'width="{_px(lane)}" height="{_px((end - start) * HOUR / 60)}" '
                       f'fill="{colour}"/>')
    y = GRID_BOTTOM + 24
    for band, colour in zip(lanes, colours, strict=True):
        out.append(f'<rect x="{LEFT}" y="{y - 10}" width="14" height="22" fill="{colour}"/>')
        for offset, (lang, text) in enumerate((("fr", legend_fr(band, fr)),
                                                ("en", legend_en(band, en)))):
            shade = ' fill="#555"' if lang == "en" else ""
            out.append(f'<text x="{LEFT + 22}" y="{y + offset * 12}" lang="{lang}"{shade}>'
                       f'{escape(squash(text))}</text>')
        y += LEGEND_ROW
    for offset, (lang, note) in enumerate((("fr", FOOTNOTE[0]), ("en", FOOTNOTE[1]))):
        out.append(f'<text x="{LEFT}" y="{y + offset * 12}" lang="{lang}" font-size="10" '
                   f'fill="#555">{escape(note.format(zone=contract.zone))}</text>')
    out.append("</svg>")
    return "\n".join(out)
