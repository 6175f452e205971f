"""A store filled with composed stories, and a real uvicorn server over it, for web tests."""

import socket
import threading
import time
from datetime import datetime, timedelta, timezone

import uvicorn
from conftest import first_sentences

from newsdistill.model import Article, Story
from newsdistill.publish import digest_to_dict
from newsdistill.store import Store
from newsdistill.summarize.compose import compose

EVIL = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
T0 = datetime(2023, 11, 3, 9, tzinfo=timezone.utc)




def story_articles(n: int) -> list[Article]:
    t = T0 + timedelta(hours=n)
    town = f"Town{n}"
    texts = [
        (f"Bridge collapses in {town}", "Harbor Times", f"The old bridge in {town} collapsed on Friday morning. "
         f"At least {n + 10} people were injured, officials said. \"We will rebuild the bridge,\" Mayor Ana Ruiz said."),
        (f"{town} bridge falls, many hurt", "City Wire", f"A bridge in {town} fell on Friday. "
         f"Officials said {n + 12} people were injured. Divers searched the river all afternoon."),
    ]
    return [Article(id=f"s{n}a{i}", title=title, outlet=outlet, text=text, published=t + timedelta(minutes=i),
                    url=f"https://{outlet.split()[0].lower()}.example/{n}/{i}")
            for i, (title, outlet, text) in enumerate(texts)]


def fill(path, n_stories: int = 3, evil: bool = True) -> Store:
    store = Store(path)
    groups = [story_articles(n) for n in range(n_stories)]
    if evil:
        groups.append([Article(id="evil1", title="Hostile " + EVIL, outlet="Evil " + EVIL,
                               url="javascript:alert(1)", published=T0 - timedelta(days=1),
                               text="The hostile page says hello. " + EVIL + " The end of the hostile page.")])
    for i, arts in enumerate(groups):
        sid = f"story-{i}"
        digest = compose(Story(id=sid, articles=arts), first_sentences)
        with store.batch() as b:
            for a in arts:
                b.add_article(a, story_id=sid)
            b.save_digest(sid, digest_to_dict(digest), len(arts), len({a.outlet for a in arts}))
    return store


class Server:
    """uvicorn serving an app on 127.0.0.1 in a thread."""

    def __init__(self, app):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="error"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)
