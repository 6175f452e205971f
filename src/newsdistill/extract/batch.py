"""Read and extract many inputs, using every core, in input order."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from newsdistill.extract import extract
from newsdistill.ingest import InputError, RawDocument, is_url
from newsdistill.ingest.files import STDIN, expand, read_file, read_stdin
from newsdistill.model import Article
from newsdistill.text import detect_language

Result = Article | InputError
PARENT_CHECK_SECONDS = 1.0


def _iter_file(path: str, detect: bool = True) -> Iterator[Result]:
    """Each document of one file, extracted as it is read (a big JSONL file is never held whole)."""
    try:
        for item in read_file(path):
            yield safe_extract(item, detect) if isinstance(item, RawDocument) else item
    except Exception as err:  # noqa: BLE001  (one bad file never stops the rest)
        yield InputError(path, f"unexpected error while reading: {type(err).__name__}: {err}")


Job = str | RawDocument  # a file to read and extract, or a page already fetched


def _iter_job(job: Job, detect: bool = True) -> Iterator[Result]:
    if isinstance(job, RawDocument):
        yield safe_extract(job, detect)
    else:
        yield from _iter_file(job, detect)


def _run_job_in_worker(job: Job) -> list[Result]:
    return list(_iter_job(job, detect=False))


def _detect_missing(results: list[Result]) -> list[Result]:
    """Language for the articles a worker left undetermined (the model loads once, in this process)."""
    for item in results:
        if isinstance(item, Article) and item.language is None:
            item.language = detect_language(item.text)
    return results


def safe_extract(doc: RawDocument, detect: bool = True) -> Result:
    """:func:`extract`, with any unexpected failure turned into an error naming the input."""
    try:
        return extract(doc, detect=detect)
    except Exception as err:  # noqa: BLE001
        return InputError(doc.source, f"extraction failed: {type(err).__name__}: {err}")


def extract_inputs(
    inputs: Iterable[str],
    workers: int | None = None,
    on_total: Callable[[int], None] | None = None,
    on_done: Callable[[], None] | None = None,
    fetch_options: dict[str, Any] | None = None,
) -> Iterator[Result]:
    """Articles and errors from every input, in the order the inputs were given.

    URLs are fetched politely first (see :mod:`newsdistill.ingest.http`; ``fetch_options`` are its
    :class:`~newsdistill.ingest.http.FetchOptions` fields, e.g. ``{"timeout": 5}``); then files and
    fetched pages are extracted in a process pool (``workers`` processes, default: all cores).
    """
    tasks: list[str | InputError] = []
    urls: list[str] = []
    fetched: dict[str, list[RawDocument | InputError]] = {}  # URLs: fetched here, not in workers
    for source in inputs:
        if source == STDIN:  # read at its turn, a document at a time, in this process
            if STDIN not in tasks:
                tasks.append(source)
            continue
        if is_url(source):
            urls.append(source)
            tasks.append(source)
            continue
        found = expand(source)
        tasks.extend([found] if isinstance(found, InputError) else found)
    if on_total:
        on_total(len(tasks))
    if urls:
        from newsdistill.ingest.http import fetch_all

        for url, item in fetch_all(urls, **(fetch_options or {})):
            fetched.setdefault(url, []).append(item)
    for url in urls:
        fetched.setdefault(url, [InputError(url, "nothing was fetched")])
    jobs: list[Job] = []
    for task in tasks:
        if isinstance(task, str) and task != STDIN:
            jobs.extend([i for i in fetched[task] if isinstance(i, RawDocument)] if task in fetched else [task])
    results = _run_jobs(jobs, workers or os.cpu_count() or 1)
    for task in tasks:
        if isinstance(task, InputError):
            yield task
        elif task == STDIN:
            yield from (safe_extract(item) if isinstance(item, RawDocument) else item for item in read_stdin())
        elif task in fetched:
            for item in fetched[task]:
                yield from next(results) if isinstance(item, RawDocument) else [item]
        else:
            yield from next(results)
        if on_done:
            on_done()


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes (forked where the system can) that end when this process dies, even by kill -9."""
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_exit_with_parent,
                               initargs=(os.getpid(),))


def _exit_with_parent(parent: int) -> None:
    """In a worker: a watcher thread ends the process once its parent is gone (the pool's pipes
    stay open in the sibling workers, so an orphaned worker would otherwise wait forever)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="newsdistill-parent-watch", daemon=True).start()


def _run_jobs(jobs: list[Job], workers: int) -> Iterator[Iterable[Result]]:
    if workers <= 1 or len(jobs) < 4:
        return map(_iter_job, jobs)
    pool = worker_pool(workers)
    # Small chunks: page costs vary tenfold, and a big last chunk leaves the other cores idle.
    chunk = max(1, min(8, len(jobs) // (workers * 16)))

    def run() -> Iterator[list[Result]]:
        with pool:
            gc.freeze()  # workers fork now; their garbage collector leaves the inherited objects' pages alone
            try:
                done = pool.map(_run_job_in_worker, jobs, chunksize=chunk)
            finally:
                gc.unfreeze()
            # Workers never load the language-detection model (~0.4 s each); the few articles that
            # need it are detected here, while the workers go on with the next pages.
            for results in done:
                yield _detect_missing(results)

    return run()
