"""The domain an outlet registered, from a host name.

``feeds.bbci.co.uk`` -> ``bbci.co.uk``, ``edition.cnn.com`` -> ``cnn.com``: the labels a registrar
sells under a country code ("co.uk", "com.au") count as one. On hosts that give every customer a
subdomain (a Blogspot or WordPress.com blog, a Substack newsletter, a GitHub Pages site), that
subdomain is the outlet: two blogs on one host are two publishers.
"""

from __future__ import annotations

__all__ = ["registered_domain"]

# Second-level labels under country codes that are sold like top-level ones ("bbc.co.uk").
_SECOND_LEVEL = frozenset("co com net org gov ac edu ne or go gob gouv govt ltd plc nic mil nom".split())
# Hosts whose subdomains belong to different people (the private part of the Public Suffix List,
# the ones that carry news and blogs); "blogspot" under any country code.
_SHARED_HOSTS = frozenset("""wordpress.com substack.com tumblr.com github.io livejournal.com typepad.com wixsite.com
weebly.com squarespace.com ghost.io over-blog.com hatenablog.com hatenablog.jp medium.com blogs.com webnode.com
jimdosite.com home.blog beehiiv.com netlify.app vercel.app pages.dev herokuapp.com appspot.com exblog.jp
canalblog.com skyrock.com fc2.com""".split())


def registered_domain(host: str | None) -> str | None:
    """The domain an outlet registered: ``feeds.bbci.co.uk`` -> ``bbci.co.uk``, ``edition.cnn.com``
    -> ``cnn.com``, ``secretdubai.blogspot.nl`` stays (a blog of its own)."""
    if not host:
        return None
    host = host.lower().split(":")[0].strip(".")
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2 or all(x.isdigit() for x in labels):
        return host or None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    base = labels[-keep:]
    if (base[0] == "blogspot" or ".".join(base) in _SHARED_HOSTS) and len(labels) > keep \
            and labels[-keep - 1] not in ("www", "m"):
        keep += 1
    return ".".join(labels[-keep:])
