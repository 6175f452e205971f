"""robots.txt rules as RFC 9309 defines them.

:func:`parse` keeps the groups that apply to one crawler (its own product token, else ``*``) and
:meth:`Robots.allows` applies the longest matching rule (``allow`` wins a tie), with the ``*`` and
``$`` wildcards. ``urllib.robotparser`` supports neither the wildcards nor longest match, and only
whole-second Crawl-delay values, so this small parser replaces it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote, urlsplit

MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309: parse at least the first 500 KiB


@dataclass(slots=True)
class Robots:
    """The rules of one robots.txt for one crawler; ``Robots()`` allows everything."""

    rules: list[tuple[str, bool]] = field(default_factory=list)  # (path pattern, allow)
    crawl_delay: float | None = None
    disallow_all: bool = False  # robots.txt unreachable (5xx): RFC 9309 says assume complete disallow

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if path == "/robots.txt":
            return True
        if self.disallow_all:
            return False
        path = _normalize(path)
        best_len, allowed = -1, True
        for pattern, allow in self.rules:
            if len(pattern) >= best_len and _compile(pattern).match(path):
                if len(pattern) > best_len or allow:
                    best_len, allowed = len(pattern), allow
        return allowed


def agent_token(user_agent: str) -> str:
    """The product token robots.txt groups are matched against: ``newsdistill/0.1 (+url)`` -> newsdistill."""
    return re.split(r"[/\s]", user_agent.strip(), maxsplit=1)[0].lower()


def parse(text: str, user_agent: str) -> Robots:
    """The rules in ``text`` for the crawler named by ``user_agent``."""
    token = agent_token(user_agent)
    groups: list[tuple[set[str], list[tuple[str, bool]], list[float]]] = []
    agents: set[str] = set()
    in_rules = True
    for raw in text[:MAX_ROBOTS_BYTES].splitlines():
        line = raw.split("#", 1)[0].strip()
        key, sep, value = line.partition(":")
        if not sep:
            continue
        key, value = key.strip().lower().replace("_", "-"), value.strip()
        if key == "user-agent":
            if in_rules:
                agents = set()
                groups.append((agents, [], []))
                in_rules = False
            agents.add(value.lower())
            continue
        if not groups:
            continue  # rules before any user-agent line belong to no group
        in_rules = True
        rules, delays = groups[-1][1], groups[-1][2]
        if key in ("allow", "disallow") and value:
            rules.append((_normalize(value), key == "allow"))
        elif key == "crawl-delay":
            try:
                delays.append(max(0.0, float(value)))
            except ValueError:
                pass
    mine = [g for g in groups if token in g[0]] or [g for g in groups if "*" in g[0]]
    return Robots(rules=[r for g in mine for r in g[1]],
                  crawl_delay=max((d for g in mine for d in g[2]), default=None))


def _normalize(path: str) -> str:
    """Percent-decoding both sides makes ``/caf%C3%A9`` and ``/café`` the same path."""
    return unquote(path)


@lru_cache(maxsize=4096)
def _compile(pattern: str) -> re.Pattern[str]:
    anchored = pattern.endswith("$")
    body = ".*".join(re.escape(part) for part in pattern.rstrip("$").split("*"))
    return re.compile(body + ("$" if anchored else ""), re.S)
