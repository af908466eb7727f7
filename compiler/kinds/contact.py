"""`contact NAME { … }`: where a party is reached: e-mail, phone, website, postal address, other
channels, and when; the support desk, the claims address, the security team."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar, Literal

from .. import ast, model
from ..backends.pycode import WIDTH, Ctx, Unit, const, docstring, py_long_str, py_str
from ..checking import Checker
from ..messages import KindNames, Phrase
from .base import Kind

Address = Literal["email", "phone", "web", "post"]
ADDRESSES: tuple[Address, ...] = ("email", "phone", "web", "post")


# --------------------------------------------------------------------------- syntax

@dataclass(frozen=True)
class Purpose(ast.Statement):
    """`for fr "signalement des anomalies" en "reporting anomalies"`."""

    rule: ClassVar[str] = "contact_purpose"
    written: ClassVar[str] = "for"
    text: ast.TextLit


@dataclass(frozen=True)
class AddressStatement(ast.Statement):
    """`email "…"`, `phone "…"`, `web "…"`, `post "…"`, or `unspecified` where the text leaves
    the address blank."""

    field: ClassVar[Address]
    value: ast.Str | ast.Word


@dataclass(frozen=True)
class Email(AddressStatement):
    rule: ClassVar[str] = "contact_email"
    written: ClassVar[str] = "email"
    field: ClassVar[Address] = "email"


@dataclass(frozen=True)
class Phone(AddressStatement):
    rule: ClassVar[str] = "contact_phone"
    written: ClassVar[str] = "phone"
    field: ClassVar[Address] = "phone"


@dataclass(frozen=True)
class Web(AddressStatement):
    rule: ClassVar[str] = "contact_web"
    written: ClassVar[str] = "web"
    field: ClassVar[Address] = "web"


@dataclass(frozen=True)
class Post(AddressStatement):
    rule: ClassVar[str] = "contact_post"
    written: ClassVar[str] = "post"
    field: ClassVar[Address] = "post"


@dataclass(frozen=True)
class Channel(ast.Statement):
    """`channel fr "dans l'application" en "in the application"`: any other way in."""

    rule: ClassVar[str] = "contact_channel"
    text: ast.TextLit


@dataclass(frozen=True)
class Hours(ast.Statement):
    """`available during heures_support`: a window; or `available unspecified`."""

    rule: ClassVar[str] = "contact_hours"
    written: ClassVar[str] = "available"
    window: ast.Name


@dataclass(frozen=True)
class HoursUnspecified(ast.Statement):
    rule: ClassVar[str] = "contact_hours_unspecified"
    written: ClassVar[str] = "available"
    word: ast.Word


# --------------------------------------------------------------------------- model

@dataclass(frozen=True)
class Contact(model.ItemBase):
    """A point of contact: each address is given, left blank (Unspecified) or absent (None)."""

    purpose: model.Text | None
    email: str | model.Unspecified | None
    phone: str | model.Unspecified | None
    web: str | model.Unspecified | None
    post: str | model.Unspecified | None
    channels: tuple[model.Text, ...]
    hours: str | model.Unspecified | None        # window name


# --------------------------------------------------------------------------- checks of addresses

_VALID: dict[Address, tuple[re.Pattern[str], Phrase, Phrase]] = {
    "email": (re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+"),
              Phrase("an e-mail address", "une adresse électronique"),
              Phrase("write it as name@domain.tld", "écrivez-la nom@domaine.tld")),
    "phone": (re.compile(r"\+?[0-9][0-9 .()-]{4,}[0-9]"),
              Phrase("a phone number", "un numéro de téléphone"),
              Phrase("digits, spaces, dots, dashes and an optional leading +",
                     "des chiffres, espaces, points, tirets et un + initial facultatif")),
    "web": (re.compile(r"https?://[^\s]+\.[^\s]+"),
            Phrase("a web address", "une adresse web"),
            Phrase("write it in full: https://…", "écrivez-la en entier : https://…")),
    "post": (re.compile(r".*\S.*"), Phrase("a postal address", "une adresse postale"),
             Phrase("write the address in full", "écrivez l'adresse en entier")),
}

_BLANK: dict[Address, Phrase] = {
    "email": Phrase("the e-mail address of contact {name}",
                    "l'adresse électronique du contact {name}"),
    "phone": Phrase("the phone number of contact {name}",
                    "le numéro de téléphone du contact {name}"),
    "web": Phrase("the web address of contact {name}", "l'adresse web du contact {name}"),
    "post": Phrase("the postal address of contact {name}", "l'adresse postale du contact {name}"),
}


# --------------------------------------------------------------------------- summaries

SUMMARY = """
{%- import "common.j2" as common -%}
{%- macro shown(value, s) -%}
{% if value is unspecified %}{{ say(s, "blank") }}{% else %}{{ value|t }}{% endif %}
{%- endmacro -%}
{%- macro summary(i, s) -%}
{% if i.purpose %}
{% filter p %}{{ say(s, "purpose", purpose=s.text(i.purpose)) }}{% endfilter %}
{% endif %}
{% filter ul %}
{% if i.email is not none %}
{% filter li %}{{ say(s, "email", value=shown(i.email, s)) }}{% endfilter %}
{% endif %}
{% if i.phone is not none %}
{% filter li %}{{ say(s, "phone", value=shown(i.phone, s)) }}{% endfilter %}
{% endif %}
{% if i.web is not none %}
{% filter li %}{{ say(s, "web", value=shown(i.web, s)) }}{% endfilter %}
{% endif %}
{% if i.post is not none %}
{% filter li %}{{ say(s, "post", value=shown(i.post, s)) }}{% endfilter %}
{% endif %}
{% for channel in i.channels %}
{% filter li %}{{ say(s, "channel", channel=s.text(channel)) }}{% endfilter %}
{% endfor %}
{% endfilter %}
{% if i.hours is unspecified %}
{% filter p %}{{ say(s, "hours-unspecified") }}{% endfilter %}
{% elif i.hours is not none %}
{% set window = s.window(i.hours) %}
{% filter p %}{{ say(s, "hours", window=s.label(i.hours),
                     schedule=common.schedule(window, s) if window else "") }}{% endfilter %}
{% endif %}
{%- endmacro -%}
"""

PHRASES = {
    "purpose": Phrase("For {{ purpose|t }}.", "Pour {{ purpose|t }}."),
    "email": Phrase("E-mail: {{ value }}", "Courriel : {{ value }}"),
    "phone": Phrase("Phone: {{ value }}", "Téléphone : {{ value }}"),
    "web": Phrase("Website: {{ value }}", "Site web : {{ value }}"),
    "post": Phrase("Post: {{ value }}", "Courrier postal : {{ value }}"),
    "channel": Phrase("Other channel: {{ channel|t }}", "Autre canal : {{ channel|t }}"),
    "blank": Phrase("left blank in the contract", "laissé en blanc dans le contrat"),
    "hours": Phrase("Reachable during the window “{{ window|t }}” ({{ schedule }}).",
                    "Joignable pendant la fenêtre « {{ window|t }} » ({{ schedule }})."),
    "hours-unspecified": Phrase("The contract does not say when it can be reached.",
                                "Le contrat ne précise pas quand ce contact est joignable."),
}


def _pair(text: model.Text) -> str:
    """A (French, English) pair in a tuple of pairs, on one line when it fits."""
    line = f"    ({py_str(text.fr)}, {py_str(text.en)}),"
    if len(line) <= WIDTH:
        return line + "\n"
    return f"    (\n{py_long_str(text.fr, ' ' * 8)}\n{py_long_str(text.en, ' ' * 8)}\n    ),\n"


# --------------------------------------------------------------------------- the kind

class ContactKind(Kind[Contact]):
    keyword = "contact"
    legal_force = "none"
    statements = (Purpose, Email, Phone, Web, Post, Channel, Hours, HoursUnspecified)
    item_type = Contact
    names = KindNames("contact", "le contact", "un contact", "aucun contact nommé",
                      Phrase("Contact", "Contact"))
    summary = SUMMARY
    phrases = PHRASES
    eval_rank = 10

    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> Contact:
        name = block.name.value
        seen: set[str] = set()
        for stmt in block.body:
            if not isinstance(stmt, Channel) and stmt.as_written() in seen:
                c.report("duplicate-statement", stmt.span, what=stmt.as_written())
            seen.add(stmt.as_written())
        addresses: dict[Address, str | model.Unspecified | None] = dict.fromkeys(ADDRESSES)
        for stmt in block.body:
            if isinstance(stmt, AddressStatement) and addresses[stmt.field] is None:
                addresses[stmt.field] = self._address(c, stmt, name)
        channels = tuple(c.text(s.text) for s in block.body
                         if isinstance(s, Channel))
        if not channels and all(value is None for value in addresses.values()):
            c.report("missing-statement", block.name.span, kind=self.names.the(), name=name,
                     what="email | phone | web | post | channel",
                     example='email "support@example.com"')
        purpose = next((c.text(s.text) for s in block.body
                        if isinstance(s, Purpose)), None)
        return Contact(purpose=purpose, email=addresses["email"], phone=addresses["phone"],
                       web=addresses["web"], post=addresses["post"], channels=channels,
                       hours=self._hours(c, block), **base)

    def _address(self, c: Checker, stmt: AddressStatement,
                 name: str) -> str | model.Unspecified:
        if isinstance(stmt.value, ast.Word):
            blank = _BLANK[stmt.field]
            return c.undecided(stmt.value.span, Phrase(blank.en.format(name=name),
                                                       blank.fr.format(name=f"« {name} »")))
        pattern, what, hint = _VALID[stmt.field]
        if not pattern.fullmatch(stmt.value.value):
            c.report("bad-value", stmt.value.span, text=py_str(stmt.value.value), what=what,
                     hint=hint)
        return stmt.value.value

    def _hours(self, c: Checker, block: ast.Block) -> str | model.Unspecified | None:
        for stmt in block.body:
            if isinstance(stmt, Hours):
                return c.reference(stmt.window, "window")
            if isinstance(stmt, HoursUnspecified):
                return c.undecided(stmt.word.span, Phrase(
                    f"when contact {block.name.value} can be reached",
                    f"quand le contact « {block.name.value} » est joignable"))
        return None

    def python_names(self, item: Contact, name: str) -> list[str]:
        return [const(name), f"{const(name)}_CHANNELS", f"{const(name)}_HOURS"]

    def python(self, ctx: Ctx, item: Contact) -> list[Unit]:
        c = ctx.names.const(item.name)
        given = {field: getattr(item, field) for field in ADDRESSES
                 if getattr(item, field) is not None}
        entries = [f"    {py_str(field)}: "
                   + ("None" if isinstance(value, model.Unspecified) else py_str(value)) + ","
                   for field, value in given.items()]
        blank = [f"{field} (None)" for field, value in given.items()
                 if isinstance(value, model.Unspecified)]
        notes = [f"Left blank by the contract: {', '.join(blank)}."] if blank else []
        doc = ctx.doc(item, f"Contact `{item.name}`: address by kind (email, phone, web, post).",
                      *notes, indent="")
        code = "\n".join([f"{c}: Mapping[str, str | None] = MappingProxyType({{", *entries,
                          "})", doc])
        units = [Unit(c, code)]
        if item.channels:
            channels = "".join(_pair(t) for t in item.channels)
            doc = docstring(f"Other channels of contact `{item.name}`: (French, English).", [],
                            indent="")
            units.append(Unit(f"{c}_CHANNELS", f"{c}_CHANNELS: tuple[tuple[str, str], ...] = (\n"
                                               f"{channels})\n{doc}"))
        if isinstance(item.hours, str):
            hours = docstring(f"When contact `{item.name}` can be reached: window "
                              f"`{item.hours}`.", [], indent="")
            units.append(Unit(f"{c}_HOURS",
                              f"{c}_HOURS = {ctx.names.const(item.hours)}\n{hours}"))
        return units

