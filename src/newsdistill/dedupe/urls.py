"""Canonical article addresses and publisher keys.

The same article reaches us under many addresses: with tracking parameters (``utm_*``, ``fbclid``),
as an AMP or mobile page, with a default port, a fragment or a trailing slash. :func:`canonical_url`
maps all of them to one valid URL; :func:`registered_domain` and :func:`publisher_key` name the
outlet behind an address, so a story counts publishers rather than feeds or copies.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsdistill.ingest.domains import registered_domain
from newsdistill.text import fold

__all__ = ["TRACKING_PARAMS", "canonical_url", "publisher_key", "registered_domain"]

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
