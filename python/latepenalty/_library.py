"""The C interface of liblatepenalty.so (include/penalty.h), through ctypes."""
from __future__ import annotations

import ctypes
import os
from pathlib import Path

PENALTY_OK = 0
PENALTY_INPUT_ERROR = 1
PENALTY_ARGUMENT_ERROR = 2
PENALTY_FORMAT_CSV = 0
PENALTY_FORMAT_JSONL = 1

_c_char_pp = ctypes.POINTER(ctypes.c_char_p)
_out = ctypes.POINTER(ctypes.c_void_p)


def _load() -> ctypes.CDLL:
    """The bundled library, or the one named by LATEPENALTY_LIBRARY (a build of your own)."""
    path = os.environ.get("LATEPENALTY_LIBRARY") or str(Path(__file__).with_name("liblatepenalty.so"))
    library = ctypes.CDLL(path)
    library.penalty_version.restype = ctypes.c_char_p
    library.penalty_api_version.restype = ctypes.c_int
    library.penalty_free.argtypes = [ctypes.c_void_p]
    library.penalty_free.restype = None
    library.penalty_compute.argtypes = [
        ctypes.c_void_p, _c_char_pp, _c_char_pp, ctypes.c_size_t,
        ctypes.POINTER(ctypes.c_int), _out, ctypes.POINTER(ctypes.c_longlong), _out, _out,
    ]
    library.penalty_compute.restype = ctypes.c_int
    library.penalty_batch.argtypes = [
        ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int,
        _out, _out, ctypes.POINTER(ctypes.c_longlong), ctypes.POINTER(ctypes.c_longlong), _out,
    ]
    library.penalty_batch.restype = ctypes.c_int
    if library.penalty_api_version() != 1:
        raise ImportError(f"{path} speaks C API version {library.penalty_api_version()}, this package version 1")
    return library


lib = _load()


def take_bytes(pointer: ctypes.c_void_p) -> bytes | None:
    """Copies a string the library returned and releases it with penalty_free."""
    if not pointer.value:
        return None
    data = ctypes.string_at(pointer.value)
    lib.penalty_free(pointer.value)
    return data


def take(pointer: ctypes.c_void_p) -> str | None:
    data = take_bytes(pointer)
    return None if data is None else data.decode("utf-8")
