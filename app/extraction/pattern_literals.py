"""What plain words a trigger pattern's matches must contain, read from the pattern's text:
the literals the trigger prefilter looks for before any pattern of a type runs."""

from __future__ import annotations

import re

#: The shortest literal worth prefiltering on.
_MIN_LITERAL = 3
#: A look-behind of plain words opening an alternative ("(?<=after )..."): every match
#: stands right after those words, so a text holding a match holds them.
_PLAIN_LOOKBEHIND = re.compile(r"\(\?<=([A-Za-z ]+)\)")


def _group_end(pattern: str, start: int) -> int:
    """The index of the parenthesis closing the group opened at ``start``."""
    depth, i = 0, start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return i
        i += 1
    return len(pattern) - 1


def required_literal(alternative: str) -> str | None:
    """The longest run of plain characters (lower case, 3+) that every match of the
    alternative contains outside its groups ("strike" of "(?:one|\\d+) (?:air ?)?strikes?"),
    for the prefilter of rows that start with no literal; None when there is none."""
    runs, run, depth, i = [], "", 0, 0
    while i < len(alternative):
        ch, nxt = alternative[i], alternative[i + 1 : i + 2]
        if ch == "\\" or ch == "[":  # an escape or a class: not a plain character
            if ch == "[":
                i += 2 if alternative[i + 1 : i + 2] == "^" else 1
                i += 1 if alternative[i : i + 1] == "]" else 0  # "[]...]": "]" is a member
                while i < len(alternative) and alternative[i] != "]":
                    i += 2 if alternative[i] == "\\" else 1
            i += 2 if ch == "\\" else 1
            runs.append(run)
            run = ""
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            return None  # not one sequence
        if ch in "()" or depth > 0 or ch in ".^$?*+":
            runs.append(run)
            run = ""
        elif ch == "{":  # a counted repeat: skip it
            i = alternative.find("}", i) if "}" in alternative[i:] else len(alternative)
            runs.append(run)
            run = ""
        elif nxt in ("?", "*", "{"):  # an optional character ends the run before it
            runs.append(run)
            run = ""
        else:
            run += ch
            if nxt == "+":  # repeated: what follows need not come right after it
                runs.append(run)
                run = ""
        i += 1
    runs.append(run)
    if (behind := _PLAIN_LOOKBEHIND.match(alternative)) is not None:
        runs.append(behind.group(1))
    longest = max(runs, key=len).lower()
    return longest if len(longest) >= _MIN_LITERAL else None


def literal_prefixes(alternative: str) -> set[str] | None:
    """Words one of which every match of the alternative contains (lower case, 3+ letters),
    for the prefilter; None when no such words can be told (the type always runs)."""
    if alternative.startswith(("(?<", "(?=", "(?!")):  # a look-around: skip it
        return literal_prefixes(alternative[_group_end(alternative, 0) + 1 :])
    if alternative.startswith("\\b"):  # a word boundary takes no characters: skip it
        return literal_prefixes(alternative[2:])
    # A group, or one read case-sensitively ("(?-i:is)"): its words in lower case are still
    # where a match may begin (the lower-cased text holds them wherever the group matches).
    if alternative.startswith(("(?:", "(?-i:")):
        end = _group_end(alternative, 0)
        optional = alternative[end + 1 : end + 2] in ("?", "*")
        rest = alternative[end + 2 if optional else end + 1 :]
        found: set[str] = set()
        for inner in split_alternatives(alternative[alternative.index(":") + 1 : end]):
            literals = literal_prefixes(inner if optional else inner + rest)
            if literals is None:
                return None
            found |= literals
        if optional:
            after = literal_prefixes(rest)
            if after is None:
                return None
            found |= after
        return found
    literal = literal_prefix(alternative)
    return {literal} if len(literal) >= _MIN_LITERAL else None


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern ("a|b(?:c|d)" -> "a", "b(?:c|d)")."""
    parts, depth, current, escaped = [], 0, "", False
    for ch in pattern:
        if escaped:
            current, escaped = current + ch, False
            continue
        if ch == "\\":
            escaped = True
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def literal_prefix(alternative: str) -> str:
    """The plain words an alternative must start with ("roadside bomb" of "roadside bombs?")."""
    out = ""
    for i, ch in enumerate(alternative):
        if ch in "\\()[]{}?*+|.^$":
            break
        if alternative[i + 1 : i + 2] in ("?", "*"):
            break
        out += ch
    return out.lower()
