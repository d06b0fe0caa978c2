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
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError(f"{name}: a bool is not a value of a case")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:  # NaN: pandas' missing value
            return None
        raise TypeError(f"{name}: {value!r} is a float; pass amounts and rates as int or str, so that no digit is lost")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    return text


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
    output, diagnostics, error = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
    read, rejected = ctypes.c_longlong(0), ctypes.c_longlong(0)
    code = _library.lib.penalty_batch(None, data, len(data), int(jsonl), int(output_jsonl), int(explain),
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
    """Computes every case of a pandas DataFrame (or an iterable of dicts) in one call of the
    library's batch entry point, and returns a DataFrame of results in the input's order.

    Each row holds the fields of a ``penalty compute`` row (``regime``, ``amount``, ``due`` …);
    without an ``id`` column the rows' positions (0, 1, …) are their ids. The result has the
    columns id, regime, line, status, amount, counted_days, excluded_days, error (and
    explanation as a dict with ``explain=True``). ``amount`` is of object dtype holding Python
    ``int`` (or None for a row in error): exact at any size, which no float column is.
    """
    import pandas as pd

    if isinstance(cases, pd.DataFrame):
        fast = _frame_csv(cases, pd)
        if fast is not None:
            data, ids = fast
            return _results(data, ids, explain, pd)
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
    lines = [",".join(header)]
    ids: list[str] = []
    id_index = None if add_id else columns.index("id")
    for position, row in enumerate(rows):
        texts = [_text(name, value) for name, value in zip(columns, row)]
        ids.append(str(position) if id_index is None else (texts[id_index] or ""))
        fields = ([str(position)] if add_id else []) + [_csv_field(t) if t is not None else "" for t in texts]
        lines.append(",".join(fields))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    return _results(data, ids, explain, pd)


def _frame_csv(frame: Any, pd: Any) -> Optional[tuple[bytes, list[str]]]:
    """The frame as CSV written by pandas itself, when every column holds only text, whole
    numbers or missing values (checked column by column, not value by value); None when a
    column needs a look at each value (mixed types, dates), so that floats are still refused."""
    columns = {}
    for name in frame.columns:
        column = frame[name]
        kind = pd.api.types.infer_dtype(column, skipna=True)
        if kind in ("string", "empty"):
            columns[str(name)] = column
        elif kind == "integer" and not pd.api.types.is_bool_dtype(column):
            columns[str(name)] = column.astype(object)
        elif kind == "floating" and column.isna().all():
            columns[str(name)] = pd.Series([None] * len(column), dtype=object)
        elif kind == "floating":
            raise TypeError(f"{name}: a float column; pass amounts and rates as int or str, so that no digit is lost")
        else:
            return None
    table = pd.DataFrame(columns)
    if "id" in table.columns:
        ids = table["id"].fillna("").astype(str).tolist()
    else:
        ids = [str(i) for i in range(len(table))]
        table.insert(0, "id", ids)
    return table.to_csv(index=False, na_rep="", lineterminator="\n").encode("utf-8"), ids


def _results(data: bytes, ids: list[str], explain: bool, pd: Any):
    """Runs CSV bytes through the batch entry point and reads the results into a DataFrame."""
    output, _, _, _ = compute_file(data, output_jsonl=explain, explain=explain)
    if explain:
        results = [json.loads(line) for line in output.decode("utf-8").splitlines() if line]
        frame = pd.DataFrame(results)
        frame["amount"] = pd.Series([None if a is None else int(a) for a in frame["amount"]], dtype=object)
        return frame
    import io
    frame = pd.read_csv(io.BytesIO(output), dtype=str, keep_default_na=False)
    # The output keeps the input's order, one row each: the ids are taken back from the input as
    # given (the CSV writer guards a cell such as "-5" or "=A1" against spreadsheets).
    frame["id"] = ids
    frame["line"] = frame["line"].astype(int)
    frame["amount"] = _exact_integers(frame["amount"], pd)
    for name in ("counted_days", "excluded_days"):
        frame[name] = pd.to_numeric(frame[name].replace("", None)).astype("Int64")
    frame["error"] = pd.Series([e if e else None for e in frame["error"].tolist()], dtype=object, index=frame.index)
    return frame


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
