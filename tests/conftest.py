import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "datasets"


def dataset(name: str) -> Path:
    """Path of a shared dataset folder, or skip the test with the reason."""
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"dataset {name} not found at {path} (../shared/datasets beside the project)")
    return path


def run_cli(*args: str, input: str | None = None, timeout: float = 120, cwd=None) -> subprocess.CompletedProcess:
    """Run the real `newsdistill` command in a subprocess."""
    env = dict(os.environ, PYTHONWARNINGS="ignore", COLUMNS="120")
    return subprocess.run([sys.executable, "-m", "newsdistill", *args], input=input, capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=cwd)


@pytest.fixture
def http_server():
    """Start real HTTP servers on loopback (``http_server()`` or ``http_server("127.0.0.2")``); all stop after the test."""
    from httpserver import Server

    started: list[Server] = []

    def start(host: str = "127.0.0.1") -> Server:
        started.append(Server(host))
        return started[-1]

    yield start
    for server in started:
        server.stop()


def first_sentences(articles, budget):
    """A stand-in selector for testing composition alone: opening sentences, round robin, in budget."""
    from newsdistill.model import Sentence
    from newsdistill.text import split_sentences

    out, used = [], 0
    for pos in range(4):
        for a in articles:
            ss = split_sentences(a.text)
            if pos < len(ss) and used + len(ss[pos].split()) <= budget:
                out.append(Sentence(ss[pos], a.id, position=pos))
                used += len(ss[pos].split())
    return out
