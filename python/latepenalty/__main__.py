"""``python -m latepenalty FILE``: every row of a CSV or JSON Lines file, as ``penalty compute``.

Results go to standard output (CSV, or JSON Lines with ``--format jsonl``), rejected rows are
reported on standard error; exit status 0 when every row was computed, 1 when some were
rejected, 2 when the file could not be run.
"""
from __future__ import annotations

import argparse
import sys

from . import InputError, compute_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m latepenalty", description=__doc__.splitlines()[0])
    parser.add_argument("file", help="a CSV (with a header row) or JSON Lines file, UTF-8; - for standard input")
    parser.add_argument("--format", choices=["csv", "jsonl"], default="csv", help="the output format")
    parser.add_argument("--explain", action="store_true", help="add every row's explanation")
    arguments = parser.parse_args(argv)
    try:
        data = sys.stdin.buffer.read() if arguments.file == "-" else open(arguments.file, "rb").read()
    except OSError as error:
        print(f"latepenalty: {error}", file=sys.stderr)
        return 2
    jsonl = arguments.file.lower().endswith((".jsonl", ".ndjson"))
    try:
        output, diagnostics, read, rejected = compute_file(data, jsonl=jsonl, output_jsonl=arguments.format == "jsonl", explain=arguments.explain)
    except InputError as error:
        print(f"latepenalty: {arguments.file}: {error}", file=sys.stderr)
        return 2
    sys.stdout.buffer.write(output)
    for line in diagnostics.splitlines():
        print(f"latepenalty: {line}", file=sys.stderr)
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
