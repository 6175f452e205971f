"""Canonical article addresses and publisher keys.

The same article reaches us under many addresses: with tracking parameters (``utm_*``, ``fbclid``),
as an AMP or mobile page, with a default port, a fragment or a trailing slash. :func:`canonical_url`
maps all of them to one valid URL; :func:`registered_domain` and :func:`publisher_key` name the
outlet behind an address, so a story counts publishers rather than feeds or copies.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsdistill.text import fold

TRACKING_PARAMS = frozenset("""
fbclid gclid gclsrc dclid msclkid yclid igshid mc_cid mc_eid mkt_tok _hsenc _hsmi hsctatracking
ocid cmpid cmp ncid ito smid smtyp sr_share share_source ref_src ref_url ns_mchannel ns_source
ns_campaign ns_linkname ns_fee icid s_cid src_cmp wt.mc_id wt_mc_id __twitter_impression
rss feed guccounter at_medium at_campaign at_custom1 at_custom2 at_custom3 at_custom4 amp outputtype
""".split())
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hmb_", "__s", "_ga", "oly_")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_MOBILE_PREFIXES = ("m.", "mobile.", "amp.", "www.")
_AMP_SUFFIX = re.compile(r"(?:/amp|\.amp)(?=/?$)|(?<=/)amp/(?=.)", re.I)
# Second-level labels under country codes that are sold like top-level ones ("bbc.co.uk").
_SECOND_LEVEL = frozenset("co com net org gov ac edu ne or go gob gouv govt ltd plc nic mil nom".split())


def canonical_url(url: str | None) -> str | None:
    """One address for every variant of a page, or None when ``url`` is not an http(s) URL.

    Lowercases scheme and host, drops ``www.``/``m.``/``mobile.``/``amp.`` host prefixes, default
    ports, user info, fragments, tracking parameters and AMP path markers (``/amp``, ``.amp.html``,
    ``?amp=1``), sorts the remaining query parameters and removes a trailing slash.

    >>> canonical_url("HTTPS://m.Example.com:443/news/story/amp/?utm_source=x&id=3#top")
    'https://example.com/news/story?id=3'
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    changed = True
    while changed:
        changed = False
        for prefix in _MOBILE_PREFIXES:
            if host.startswith(prefix) and host.count(".") >= 2:
                host, changed = host[len(prefix):], True
    if port and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    path = re.sub(r"\.amp\.html?$", ".html", path, flags=re.I)
    path = _AMP_SUFFIX.sub("", path) or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k))
    return urlunsplit(("https" if scheme == "https" else "http", host, path, urlencode(query), ""))


def _tracking(key: str) -> bool:
    k = key.lower()
    return k in TRACKING_PARAMS or k.startswith(TRACKING_PREFIXES)


def registered_domain(host: str | None) -> str | None:
    """The domain an outlet registered: ``feeds.bbci.co.uk`` -> ``bbci.co.uk``, ``edition.cnn.com`` -> ``cnn.com``."""
    if not host:
        return None
    host = host.lower().split(":")[0].strip(".")
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2 or all(x.isdigit() for x in labels):
        return host or None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def publisher_key(outlet: str | None, url: str | None = None) -> str | None:
    """A key naming the publisher: the registered domain of its address, else its folded name.

    Two feeds of one outlet (``feeds.bbci.co.uk``, ``www.bbc.co.uk`` excepted) and every copy of one
    page share the key; ``"The Guardian"`` and ``"guardian"`` do too.
    """
    canon = canonical_url(url)
    if canon:
        return registered_domain(urlsplit(canon).hostname)
    if not outlet:
        return None
    name = fold(outlet).strip()
    if re.fullmatch(r"[\w-]+(\.[\w-]+)+", name):  # an outlet given as a host name
        return registered_domain(name)
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"[^\w]+", " ", name).strip() or None
