"""Summary templates in one language: the sentences of a template written for both languages are
put in when it is loaded, so that rendering costs no more than a template written in one.

A summary template says its sentences with `say(s, "key", name=value, …)` (kinds/base.py). For
a language, `localise` replaces each of them with the phrase `key` in that language: a call that
is a whole `{{ … }}` becomes the phrase's text inside `{% with name=value %}`, any other call (an
argument, a filter's operand) the call of a macro holding the phrase, or a variable set to it once
when the phrase is words alone; and the templates it imports are imported in the same language
(`"common.j2"` → `"common.j2@fr"`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..messages import Phrase

_CALL = re.compile(r"""say\(\s*s\s*,\s*["']([\w.-]+)["']""")
_COMMENT = re.compile(r"(\{#-?).*?(-?#\})", re.DOTALL)
_IMPORT = re.compile(r"""(\{%-?\s*(?:import|from)\s+)"([\w./]+\.j2)\"""")
_JINJA = re.compile(r"\{[{%#]")


class LocaliseError(ValueError):
    """A template says a sentence in a way `localise` cannot put a phrase in (a compiler bug)."""


def localise(source: str, phrases: Mapping[str, Phrase], lang: str) -> str:
    """`source` with its sentences in `lang` (see the module docstring)."""
    source = _COMMENT.sub(r"\1 \2", source)     # comments may show `say(…)`; they print nothing
    for depth in range(8):                        # a phrase may say another phrase
        if not _CALL.search(source):
            return _IMPORT.sub(lambda m: f'{m.group(1)}"{m.group(2)}@{lang}"', source)
        source = _replace_calls(source, phrases, lang, f"_say{depth}_")
    raise LocaliseError("say(): phrases nested too deep")


def _replace_calls(source: str, phrases: Mapping[str, Phrase], lang: str, prefix: str) -> str:
    """One pass of `localise`: the calls in `source`, not those in the phrases put in."""
    definitions: list[str] = []
    parts: list[str] = []
    position = 0
    for match in _CALL.finditer(source):
        if match.start() < position:       # inside a call already replaced
            continue
        end, arguments = _arguments(source, match.end())
        text = phrases[match.group(1)].text(lang)
        before = re.search(r"\{\{-?\s*$", source[position:match.start()])
        after = re.match(r"\s*-?\}\}", source[end:])
        if before and after:               # `{{ say(…) }}`: the phrase in place
            start = position + before.start()
            stop = end + after.end()
            parts += [source[position:start], _inline(text, arguments)]
        else:                              # a value: a macro holding the phrase, called
            name = f"{prefix}{len(definitions)}"
            start, stop = match.start(), end
            if arguments or _JINJA.search(text):
                names = [argument.split("=", 1)[0].strip() for argument in arguments]
                definitions.append(f"{{% macro {name}({', '.join(['s', *names])}) %}}{text}"
                                   "{% endmacro %}")
                parts += [source[position:start], f"{name}({', '.join(['s', *arguments])})"]
            else:                          # words alone: a variable, set as a macro would say it
                definitions.append(f"{{% set {name} %}}{text}{{% endset %}}")
                parts += [source[position:start], name]
        position = stop
    parts.append(source[position:])
    return "".join(definitions) + "".join(parts)


def _inline(text: str, arguments: list[str]) -> str:
    """The phrase in place of `{{ say(…) }}`, its values bound by a `with` block that keeps the
    whitespace around it as the expression did (`+`: no trimming)."""
    if not arguments:
        return text
    return f"{{%+ with {', '.join(arguments)} +%}}{text}{{%+ endwith +%}}"


def _arguments(source: str, index: int) -> tuple[int, list[str]]:
    """The keyword arguments after a call's key, from `index` (just after the key) to the
    closing parenthesis; and the index after it."""
    depth, quote, start = 0, "", index
    arguments: list[str] = []
    for position in range(index, len(source)):
        char = source[position]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}" and depth:
            depth -= 1
        elif char in ",)" and not depth:
            argument = source[start:position].strip()
            if argument:
                if not re.match(r"\w+\s*=[^=]", argument):
                    raise LocaliseError(f"say(): not a keyword argument: {argument!r}")
                arguments.append(argument)
            if char == ")":
                return position + 1, arguments
            start = position + 1
    raise LocaliseError("say(): no closing parenthesis")
