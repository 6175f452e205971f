"""newsdistill: extract news articles, group them into stories and distill each story.

Pipeline stages (data flows one way): ingest -> extract -> dedupe -> cluster -> summarize -> publish,
with ``store`` at the edge and ``cli``/``web`` on top. The typed records shared by all stages live in
:mod:`newsdistill.model`; text primitives in :mod:`newsdistill.text`.
"""

from newsdistill.model import Article, Digest, Sentence, Story

__all__ = ["Article", "Sentence", "Story", "Digest", "__version__"]
__version__ = "0.1.0"
