import io
import json

from newsdistill.ingest import InputError, RawDocument
from newsdistill.ingest.files import STDIN_HEAD, read_stdin


class Pipe(io.BufferedIOBase):
    """Standard input as a pipe gives it: read(n) for the head, then lines; counts what was read."""

    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def read(self, n: int = -1) -> bytes:
        end = len(self.data) if n is None or n < 0 else min(len(self.data), self.pos + n)
        out, self.pos = self.data[self.pos:end], end
        return out

    def __iter__(self):
        while self.pos < len(self.data):
            end = self.data.find(b"\n", self.pos)
            end = len(self.data) if end < 0 else end + 1
            line, self.pos = self.data[self.pos:end], end
            yield line


def record(i: int) -> bytes:
    text = f"Report number {i} on the harbour bridge repairs, with enough words to be an article. " * 20
    return json.dumps({"id": f"r{i}", "text": text}).encode() + b"\n"


def test_piped_json_lines_are_read_as_they_come():
    data = b"".join(record(i) for i in range(400))  # several heads long
    assert len(data) > 4 * STDIN_HEAD
    pipe = Pipe(data)
    docs = read_stdin(pipe)
    first = next(docs)
    assert isinstance(first, RawDocument) and first.meta["id"] == "r0"
    assert pipe.pos < 2 * STDIN_HEAD  # the rest is still in the pipe
    rest = list(docs)
    assert [d.meta["id"] for d in rest] == [f"r{i}" for i in range(1, 400)]
    assert pipe.pos == len(data)


def test_a_line_split_at_the_head_boundary_and_a_bad_line_keep_their_places():
    good = b"".join(record(i) for i in range(3))
    pad = json.dumps({"id": "pad", "text": "x" * (STDIN_HEAD - 40)}).encode() + b"\n"  # the next line spans the head
    data = b"\xef\xbb\xbf" + pad + good + b"{not json\n" + record(3)
    got = list(read_stdin(Pipe(data)))
    assert [d.meta["id"] for d in got if isinstance(d, RawDocument)] == ["pad", "r0", "r1", "r2", "r3"]
    errors = [d for d in got if isinstance(d, InputError)]
    assert len(errors) == 1 and errors[0].source == "-:5" and "not valid JSON" in errors[0].reason


def test_one_json_value_over_several_lines_is_still_read_whole():
    value = json.dumps([{"id": "a", "text": "The council approved the budget on Monday."},
                        {"id": "b", "text": "The mayor vetoed the budget on Tuesday."}], indent=2).encode()
    got = list(read_stdin(Pipe(value)))
    assert [d.meta["id"] for d in got] == ["a", "b"]
    assert list(read_stdin(Pipe(b"  \n"))) == [InputError("-", "nothing was piped in")]
