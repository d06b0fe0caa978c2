"""Exact late-penalty and delay-interest computation for Japanese public contracts.

``compute`` computes one case; ``compute_frame`` a pandas DataFrame (or an iterable of dicts) of
cases through the library's batch entry point, in the input's order. Amounts are Python ``int``
(exact, any size); no value ever passes through a float.
"""
from __future__ import annotations

import ctypes
import datetime
import json
from dataclasses import dataclass, field
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterable, Mapping, Optional

from . import _library
from ._version import __version__

__all__ = ["compute", "compute_frame", "compute_file", "Result", "InputError", "library_version", "__version__"]


class InputError(ValueError):
    """A case the library refuses: ``field`` names the field (or is None), ``reason`` says why."""

    def __init__(self, field: Optional[str], reason: str) -> None:
        super().__init__(f"{field}: {reason}" if field else reason)
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class Result:
    """One computed case."""

    #: "ok", "waived" (a minimum rule brought a positive charge to 0) or "quote" (as_of).
    status: str
    #: The charge in whole yen, exact.
    amount: int
    #: Days counted and days excluded.
    counted_days: int
    excluded_days: int
    #: Every step: window, segments with exact fractions, roundings, minimum decision, clause.
    explanation: dict = field(repr=False)


def library_version() -> str:
    """The version of the bundled C library."""
    return _library.lib.penalty_version().decode()


def _text(name: str, value: Any) -> Optional[str]:
    """A field's value as the library reads it, or None when absent. Floats are refused."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, bool):
        raise TypeError(f"{name}: a bool is not a value of a case")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:  # NaN: pandas' missing value
            return None
        raise TypeError(f"{name}: {value!r} is a float; pass amounts and rates as int or str, so that no digit is lost")
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0):
            raise TypeError(f"{name}: {value!r} has a time of day; give the day")
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def compute(regime: str, amount: Any, due: Any = None, paid: Any = None, excluded: Any = None,
            payments: Any = None, **fields: Any) -> Result:
    """Computes one case; the keyword arguments are the fields of a ``penalty compute`` row.

    ``amount`` is an ``int`` or a ``str`` of digits (``"10,000,000"`` is fine). Dates are
    ``datetime.date`` or text (``"2025-04-01"``, ``"R7.4.1"``, ``"令和7年4月1日"``). ``excluded``
    is ``"FROM..TO;…"``, ``payments`` ``"DATE:AMOUNT;…"``; ``as_of="DATE"`` asks for a quote.
    Raises ``InputError`` naming the field and the reason.
    """
    given = {"regime": regime, "amount": amount, "due": due, "paid": paid, "excluded": excluded, "payments": payments, **fields}
    pairs = [(name, text) for name, value in given.items() if (text := _text(name, value)) is not None]
    names = (ctypes.c_char_p * len(pairs))(*[name.encode() for name, _ in pairs])
    values = (ctypes.c_char_p * len(pairs))(*[text.encode() for _, text in pairs])
    status, days = ctypes.c_int(-1), ctypes.c_longlong(0)
    amount_out, explanation, error = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
    code = _library.lib.penalty_compute(None, names, values, len(pairs), ctypes.byref(status), ctypes.byref(amount_out),
                                        ctypes.byref(days), ctypes.byref(explanation), ctypes.byref(error))
    amount_text, explanation_text, message = _library.take(amount_out), _library.take(explanation), _library.take(error)
    if code == _library.PENALTY_INPUT_ERROR:
        field_name, _, reason = (message or "").partition(": ")
        raise InputError(field_name or None, reason or message or "")
    if code != _library.PENALTY_OK:
        raise RuntimeError(message or f"penalty_compute returned {code}")
    details = json.loads(explanation_text or "{}")
    return Result(status={0: "ok", 1: "waived", 2: "quote"}.get(status.value, str(status.value)), amount=int(amount_text or "0"),
                  counted_days=days.value, excluded_days=int(details.get("excluded_days", 0)), explanation=details)


def compute_file(data: bytes, jsonl: bool = False, output_jsonl: bool = False, explain: bool = False) -> tuple[bytes, str, int, int]:
    """Runs a whole CSV (with header) or JSON Lines file held in memory, as ``penalty compute``
    does: returns (output bytes, diagnostics, rows read, rows rejected)."""
    return _batch(data, len(data), jsonl, output_jsonl, explain)


def _batch(data: Any, length: int, jsonl: bool = False, output_jsonl: bool = False, explain: bool = False) -> tuple[bytes, str, int, int]:
    """``compute_file`` on ``length`` bytes at ``data``: bytes, or a ``ctypes.c_char_p`` of the
    address of a buffer held alive by the caller (no copy of it is made)."""
    output, diagnostics, error = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
    read, rejected = ctypes.c_longlong(0), ctypes.c_longlong(0)
    code = _library.lib.penalty_batch(None, data, length, int(jsonl), int(output_jsonl), int(explain),
                                      ctypes.byref(output), ctypes.byref(diagnostics), ctypes.byref(read), ctypes.byref(rejected),
                                      ctypes.byref(error))
    out, notes, message = _library.take_bytes(output), _library.take(diagnostics), _library.take(error)
    if code != _library.PENALTY_OK:
        raise InputError(None, message or f"penalty_batch returned {code}")
    return out or b"", notes or "", read.value, rejected.value


def _csv_field(text: str) -> str:
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def compute_frame(cases: Any, explain: bool = False):
    """Computes every case of a pandas DataFrame (or an iterable of dicts) through the library's
    batch entry point, and returns a DataFrame of results in the input's order.

    Each row holds the fields of a ``penalty compute`` row (``regime``, ``amount``, ``due`` …);
    without an ``id`` column the rows' positions (0, 1, …) are their ids. The result has the
    columns id, regime, line, status, amount, counted_days, excluded_days, error (and
    explanation as a dict with ``explain=True``). ``amount`` is of object dtype holding Python
    ``int`` (or None for a row in error): exact at any size, which no float column is.

    With pyarrow installed (``latepenalty[arrow]``), a frame of text and whole-number columns is
    written and read by pyarrow and computed in slices on two threads, some four times faster;
    the results are the same, row for row and dtype for dtype.
    """
    import pandas as pd

    if isinstance(cases, pd.DataFrame):
        checked = _checked_columns(cases, pd)
        if checked is not None:
            table, integers, ids = checked
            arrow = _arrow()
            if arrow is not None and not explain:
                results = _arrow_compute(table, integers, ids, arrow, pd)
                if results is not None:
                    return results
            for name in table.columns:
                if name in integers:
                    table[name] = table[name].astype(object)
                elif pd.api.types.infer_dtype(table[name], skipna=True) == "string":
                    table[name] = _one_line(table[name], pd)
            return _results(table.to_csv(index=False, na_rep="", lineterminator="\n").encode("utf-8"), ids, explain, pd)
        columns = [str(c) for c in cases.columns]
        rows: Iterable[Iterable[Any]] = cases.itertuples(index=False, name=None)
    else:
        records = list(cases) if not isinstance(cases, list) else cases
        columns = []
        for record in records:
            for key in record:
                if key not in columns:
                    columns.append(str(key))
        rows = ([record.get(c) for c in columns] for record in records)
    add_id = "id" not in columns
    header = (["id"] if add_id else []) + columns
    lines = [",".join(_csv_field(name) for name in header)]
    ids: list[str] = []
    id_index = None if add_id else columns.index("id")
    for position, row in enumerate(rows):
        texts = [_text(name, value) for name, value in zip(columns, row)]
        texts = [t.replace("\r", "\\r").replace("\n", "\\n") if t is not None else None for t in texts]
        ids.append(str(position) if id_index is None else (texts[id_index] or ""))
        fields = ([str(position)] if add_id else []) + [_csv_field(t) if t is not None else "" for t in texts]
        lines.append(",".join(fields))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    return _results(data, ids, explain, pd)


def _arrow() -> Any:
    """pyarrow, when it is installed (``pip install latepenalty[arrow]``), else None."""
    try:
        import pyarrow  # noqa: F401
        import pyarrow.compute  # noqa: F401
        import pyarrow.csv  # noqa: F401
    except ImportError:
        return None
    return pyarrow


def _checked_columns(frame: Any, pd: Any) -> Optional[tuple[Any, set[str], Any]]:
    """The frame's columns with an ``id`` column first, the names of its whole-number columns,
    and the ids as text, when every column holds only text, whole numbers or missing values
    (checked column by column, not value by value); None when a column needs a look at each
    value (mixed types), so that floats are still refused. Columns are taken by position: the
    frame's index (filtered, reordered, repeated) plays no part. Dates (``datetime64``) are
    written as days. (pyarrow refuses a value with a line break; pandas then writes it with
    ``_one_line``.)"""
    names = [str(name) for name in frame.columns]
    if len(set(names)) != len(names):
        repeated = sorted({name for name in names if names.count(name) > 1})
        raise ValueError(f"{repeated[0]}: the frame has two columns of that name; give each field once")
    columns = {}
    integers = set()
    for position, name in enumerate(names):
        column = frame.iloc[:, position].reset_index(drop=True)
        kind = pd.api.types.infer_dtype(column, skipna=True)
        if kind in ("string", "empty"):
            columns[name] = column
        elif kind == "integer" and not pd.api.types.is_bool_dtype(column):
            columns[name] = column
            integers.add(name)
        elif kind == "floating" and column.isna().all():
            columns[name] = pd.Series([None] * len(column), dtype=object)
        elif kind == "floating":
            raise TypeError(f"{name}: a float column; pass amounts and rates as int or str, so that no digit is lost")
        elif pd.api.types.is_datetime64_any_dtype(column):
            columns[name] = _days(name, column, pd)
        else:
            return None
    table = pd.DataFrame(columns)
    if "id" in table.columns:
        # The ids as given (before any line break was written out), to be handed back.
        given = frame.iloc[:, names.index("id")].reset_index(drop=True)
        text = pd.api.types.is_string_dtype(given) and not pd.api.types.is_object_dtype(given)
        ids = given.fillna("") if text else given.astype(object).where(given.notna(), "").astype(str)
    else:
        ids = pd.Series(range(len(table)), dtype="int64").astype(str)
        table.insert(0, "id", ids.values)
    return table, integers, ids


def _one_line(column: Any, pd: Any) -> Any:
    """Text with its line breaks written as the two characters ``\\n`` and ``\\r``: a CSV row is
    one line for the library, so a field that holds a line break is reported on its row rather
    than splitting it."""
    if not column.str.contains("[\r\n]", regex=True, na=False).any():
        return column
    return column.str.replace("\r", "\\r", regex=False).str.replace("\n", "\\n", regex=False)


def _days(name: str, column: Any, pd: Any) -> Any:
    """A ``datetime64`` column as ISO days (None where NaT); a time of day other than midnight
    is refused, since a day is what every date field means."""
    present = column.notna()
    if (column[present] != column[present].dt.normalize()).any():
        raise TypeError(f"{name}: a date column with times of day; give days (a time of day is not part of any date here)")
    return column.dt.strftime("%Y-%m-%d").astype(object).where(present, None)


#: Rows per call of the batch entry point when a frame is computed in slices.
_SLICE_ROWS = 262144


def _arrow_compute(table: Any, integers: set[str], ids: Any, pa: Any, pd: Any):
    """The frame's results through pyarrow: its columns written as CSV with no value quoted
    (so one line per row, and every row on the library's byte-level path), computed in slices
    on two threads (the library and pyarrow's reader and writer release the GIL), the results
    read back and put together in order. None when a name or a value holds a comma, a quote or
    a line break, or an integer column mixes in text: the caller then goes through pandas.

    Slices are checked for repeated ids only within themselves, so a frame whose ids repeat
    (after the spaces and tabs the reader trims) is computed in one call: the repeats are
    reported as ``penalty compute`` reports them."""
    names = list(table.columns)
    if any(c in name for name in names for c in ',"\r\n'):
        return None
    try:
        arrays = []
        for name in names:
            column = table[name]
            if name in integers and column.dtype == object:
                # Python ints of any size, as text: Arrow's int64 would overflow past 2^63.
                arrays.append(pa.array([None if pd.isna(v) else str(v) for v in column], type=pa.large_string()))
            elif name in integers:
                arrays.append(pa.array(column, from_pandas=True).cast(pa.large_string()))
            else:
                arrays.append(pa.array(column, from_pandas=True, type=pa.large_string()))
        whole = pa.Table.from_arrays(arrays, names=names)
        header = (",".join(names) + "\n").encode("utf-8")
        rows = whole.num_rows
        # The ids as the library reads them: the text sent, trimmed of spaces and tabs.
        sent = pa.compute.utf8_trim(arrays[names.index("id")].fill_null(""), characters=" \t")
        repeats = pa.compute.count_distinct(sent).as_py() != len(sent)
        step = max(rows, 1) if repeats else _SLICE_ROWS

        def run(start: int) -> Any:
            sink = pa.BufferOutputStream()
            sink.write(header)
            for piece in _pieces(whole.slice(start, step)):
                pa.csv.write_csv(piece, sink, pa.csv.WriteOptions(include_header=False, quoting_style="none"))
            data = sink.getvalue()
            output, _, _, _ = _batch(ctypes.c_char_p(data.address), data.size)
            results = _read_results(output, pa)
            # Each slice's rows start on line 2 of its own input: one line per row.
            line = pa.compute.add(results["line"], start)
            return results.set_column(results.schema.get_field_index("line"), "line", line)

        with ThreadPoolExecutor(2) as pool:
            parts = list(pool.map(run, range(0, max(rows, 1), step)))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    return _arrow_frame(pa.concat_tables(parts), ids, pa, pd)


def _pieces(table: Any, rows: int = 16384) -> list[Any]:
    """pyarrow's CSV writer slows down on one large output: it is given pieces."""
    return [table.slice(start, rows) for start in range(0, table.num_rows, rows)]


def _results(data: bytes, ids: Any, explain: bool, pd: Any):
    """Runs CSV bytes through the batch entry point and reads the results into a DataFrame;
    `ids` (a list or a Series of text) are the input's, in order."""
    output, _, _, _ = compute_file(data, output_jsonl=explain, explain=explain)
    if explain:
        results = [json.loads(line) for line in output.decode("utf-8").splitlines() if line]
        _check_count(len(results), ids)
        frame = pd.DataFrame(results)
        # Taken from the rows, not the frame, where a missing amount may have become NaN.
        frame["id"] = pd.Series(ids, dtype=str).values
        frame["amount"] = pd.Series([None if r.get("amount") is None else int(r["amount"]) for r in results], dtype=object)
        for name in ("counted_days", "excluded_days"):
            frame[name] = pd.array([r.get(name) for r in results], dtype="Int64")
        return frame
    arrow = _arrow()
    if arrow is not None:
        return _arrow_frame(_read_results(output, arrow), ids, arrow, pd)
    import io
    frame = pd.read_csv(io.BytesIO(output), dtype=str, keep_default_na=False)
    _check_count(len(frame), ids)
    # The output keeps the input's order, one row each: the ids are taken back from the input as
    # given (the CSV writer guards a cell such as "-5" or "=A1" against spreadsheets).
    frame["id"] = pd.Series(ids, dtype=str).values
    frame["line"] = frame["line"].astype(int)
    frame["amount"] = _exact_integers(frame["amount"], pd)
    for name in ("counted_days", "excluded_days"):
        frame[name] = pd.to_numeric(frame[name].replace("", None)).astype("Int64")
    frame["error"] = pd.Series([e if e else None for e in frame["error"].tolist()], dtype=object, index=frame.index)
    return frame


def _check_count(results: int, ids: Any) -> None:
    """One result per input row, or no frame at all: a row lost or added would shift every id."""
    if results != len(ids):
        raise RuntimeError(f"the library answered {results} rows for {len(ids)} cases; no result is given rather than a misaligned one")


#: The columns of the batch's CSV output, in order.
_OUTPUT_COLUMNS = ["id", "regime", "line", "status", "amount", "counted_days", "excluded_days", "error"]


def _read_results(output: bytes, pa: Any) -> Any:
    """The batch's CSV output as a pyarrow table, empty fields as nulls: the line and the days
    as int64, the amount (of any size) and the rest as text. The ids are not read: they are
    taken back from the input."""
    numbers = {"line", "counted_days", "excluded_days"}
    return pa.csv.read_csv(
        pa.py_buffer(output),
        convert_options=pa.csv.ConvertOptions(
            column_types={name: pa.int64() if name in numbers else pa.string() for name in _OUTPUT_COLUMNS},
            strings_can_be_null=True, null_values=[""], include_columns=_OUTPUT_COLUMNS[1:]))


def _arrow_frame(table: Any, ids: Any, pa: Any, pd: Any):
    """The results read by pyarrow as the frame the pandas reader makes: the same columns,
    values and dtypes (``amount`` Python ints in an object column, days Int64)."""
    _check_count(table.num_rows, ids)
    columns = {"id": pd.Series(ids, dtype=str).values}
    for name in ("regime", "status"):
        columns[name] = pd.Series(table[name].fill_null("").to_pandas(), dtype=str).values
    columns["line"] = table["line"].to_numpy()
    columns["amount"] = pd.Series(_arrow_exact_integers(table["amount"], pa, pd), dtype=object)
    for name in ("counted_days", "excluded_days"):
        days = table[name]
        columns[name] = pd.arrays.IntegerArray(days.fill_null(0).to_numpy(), days.is_null().to_numpy())
    errors = table["error"]
    columns["error"] = pd.Series(_all_none(len(errors)) if errors.null_count == len(errors) else errors.to_pylist(), dtype=object)
    return pd.DataFrame({name: columns[name] for name in _OUTPUT_COLUMNS})


def _all_none(count: int) -> Any:
    import numpy
    return numpy.full(count, None, dtype=object)


def _arrow_exact_integers(texts: Any, pa: Any, pd: Any):
    """Decimal text as Python ints (None where empty), object dtype: through int64 when every
    value fits in 18 digits, exactly; else through int() one by one."""
    if (pa.compute.max(pa.compute.utf8_length(texts)).as_py() or 0) <= 18:
        numbers = texts.cast(pa.int64())
        values = numbers.fill_null(0).to_numpy().astype(object)
        if numbers.null_count:
            values[numbers.is_null().to_numpy()] = None
        return values
    return pd.Series([None if t is None else int(t) for t in texts.to_pylist()], dtype=object).values


def _exact_integers(texts: Any, pd: Any):
    """Whole numbers written in decimal as Python ints (None where empty), object dtype. Those of
    up to 18 digits go through int64 at once, exactly; longer ones through int() one by one."""
    lengths = texts.str.len()
    values = pd.Series([None] * len(texts), dtype=object, index=texts.index)
    short = (lengths > 0) & (lengths <= 18)
    values[short] = pd.to_numeric(texts[short]).astype("int64").astype(object)
    for index in texts.index[lengths > 18]:
        values[index] = int(texts[index])
    return values
