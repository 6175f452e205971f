"""Articles kept in a temporary file, each loaded when asked.

A command over a big input (a JSONL file of years of news) need not hold every article's text at
once: :class:`ArticleSpool` is a read-only sequence of :class:`~newsdistill.model.Article` whose
items live pickled in an anonymous temporary file (gone when closed, or when the process ends,
even by ``kill -9``), with only their offsets and ids in memory.
:meth:`~newsdistill.cluster.StoryClusterer.add_batch` reads such a sequence once through for the
dates, then an instant at a time.
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from typing import overload

from newsdistill.model import Article


class ArticleSpool(Sequence[Article]):
    """An append-only sequence of articles on disk. Use as a context manager, or :meth:`close`."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="newsdistill-spool-")
        self._offsets = array("q", [0])  # item i is bytes offsets[i]:offsets[i + 1]
        self.ids: list[str] = []

    def append(self, article: Article) -> None:
        self._file.seek(self._offsets[-1])
        self._file.write(pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))
        self._offsets.append(self._file.tell())
        self.ids.append(article.id)

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> list[Article]: ...

    def __getitem__(self, index: int | slice) -> Article | list[Article]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("spool index out of range")
        start = self._offsets[index]
        self._file.seek(start)
        return pickle.loads(self._file.read(self._offsets[index + 1] - start))

    def __iter__(self) -> Iterator[Article]:
        for i in range(len(self)):
            yield self[i]

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> ArticleSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
