"""Calls liblatepenalty.so from Python with ctypes: the seed contract's case and a statutory
regime, checked. Run by .ci/run (scripts/check-c-api):

    python3 examples/python/penalty_example.py .build/release/liblatepenalty.so
"""
import ctypes
import json
import sys

lib = ctypes.CDLL(sys.argv[1] if len(sys.argv) > 1 else "liblatepenalty.so")
c_char_pp = ctypes.POINTER(ctypes.c_char_p)

lib.penalty_version.restype = ctypes.c_char_p
lib.penalty_api_version.restype = ctypes.c_int
lib.penalty_free.argtypes = [ctypes.c_void_p]
lib.penalty_compute.argtypes = [
    ctypes.c_void_p, c_char_pp, c_char_pp, ctypes.c_size_t,
    ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_longlong),
    ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p),
]
lib.penalty_compute.restype = ctypes.c_int


def take(pointer):
    """Copies a string the library returned and releases it with penalty_free."""
    if not pointer.value:
        return None
    text = ctypes.string_at(pointer.value).decode("utf-8")
    lib.penalty_free(pointer.value)
    return text


def compute(**fields):
    """Computes one case; returns (code, status, amount, counted_days, explanation, error)."""
    names = (ctypes.c_char_p * len(fields))(*[k.encode() for k in fields])
    values = (ctypes.c_char_p * len(fields))(*[v.encode() for v in fields.values()])
    status, days = ctypes.c_int(-1), ctypes.c_longlong(-1)
    amount, explanation, error = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
    code = lib.penalty_compute(None, names, values, len(fields), ctypes.byref(status), ctypes.byref(amount),
                               ctypes.byref(days), ctypes.byref(explanation), ctypes.byref(error))
    return code, status.value, take(amount), days.value, take(explanation), take(error)


checks = failures = 0


def check(label, condition):
    global checks, failures
    checks += 1
    if not condition:
        failures += 1
        print("FAIL", label)


print("LatePenalty", lib.penalty_version().decode(), "API", lib.penalty_api_version())
code, status, amount, days, explanation, error = compute(
    regime="contract-late-completion", amount="10000000", due="2022-03-25", paid="2022-04-30",
    excluded="2022-04-10..2022-04-12")
print("seed 6-3:", amount, "yen,", days, "days")
check("seed 6-3", (code, status, amount, days) == (0, 0, "22602", 33))
check("explanation", json.loads(explanation)["rule"]["clause"] == "第6条第3項")

code, status, amount, days, explanation, error = compute(
    regime="national-tax-arrears", amount="1234567", due="2023-12-30", paid="2024-03-10")
print("national tax:", amount, "yen,", days, "days")
check("national tax", (code, amount, days) == (0, "7800", 71))
check("segments", [s["rounded"] for s in json.loads(explanation)["segments"]] == ["80", "4852", "2931"])

code, status, amount, days, explanation, error = compute(regime="local-tax-arrears", amount="1,000", due="R8.2.30", paid="R8.5.29")
print("bad date:", error)
check("bad date", code == 1 and amount is None and error.startswith("due: 'R8.2.30' does not exist"))

print(f"Python ctypes: {checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
