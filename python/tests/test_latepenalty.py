"""The Python package against the library and against `penalty compute` (run from a fresh
virtual environment that installed the built wheel: scripts/build-wheel --test)."""
import os
import subprocess
import sys

import pandas as pd
import pytest

import latepenalty

PENALTY = os.environ.get("PENALTY_BINARY")


def test_the_seed_contract_example():
    # 第6条第3項: ¥10,000,000 completed 36 days late, 3 inspection days not counted.
    result = latepenalty.compute(regime="contract-late-completion", amount=10_000_000, due="2022-03-25", paid="2022-04-30",
                                 excluded="2022-04-10..2022-04-12")
    assert (result.status, result.amount, result.counted_days, result.excluded_days) == ("ok", 22602, 33, 3)
    assert result.explanation["rule"]["clause"] == "第6条第3項"
    assert result.explanation["segments"][0]["exact"] == "1650000/73"


def test_amounts_of_any_size_stay_exact():
    result = latepenalty.compute(regime="contract-late-completion", amount=10**30 + 7, due="2022-03-25", paid="2022-04-30")
    assert isinstance(result.amount, int)
    assert result.amount == (10**30 + 7) * 25 * 36 // (1000 * 365)


def test_errors_name_the_field():
    with pytest.raises(latepenalty.InputError) as raised:
        latepenalty.compute(regime="local-tax-arrears", amount="1,000", due="R8.2.30", paid="R8.5.29")
    assert raised.value.field == "due"
    assert "does not exist" in raised.value.reason


def test_floats_are_refused():
    with pytest.raises(TypeError):
        latepenalty.compute(regime="contract-late-completion", amount=1000000.0, due="2022-03-25", paid="2022-04-30")


def test_a_quote_for_a_day_asked():
    result = latepenalty.compute(regime="local-tax-arrears", amount=500000, due="2025-04-30", as_of="2025-08-29")
    assert result.status == "quote"


def test_compute_frame_keeps_order_ids_and_exactness():
    frame = pd.DataFrame({
        "id": ["-5", "=A1", "c", "d"],
        "regime": ["contract-late-completion"] * 4,
        "amount": [10**30, "1,000,000", 5, None],
        "due": ["2022-03-25"] * 4,
        "paid": ["2022-04-30", "2022-04-30", "not a date", "2022-04-30"],
    })
    results = latepenalty.compute_frame(frame)
    assert list(results["id"]) == ["-5", "=A1", "c", "d"]
    assert results["amount"].dtype == object
    assert results["amount"][0] == 10**30 * 25 * 36 // (1000 * 365)
    assert results["amount"][1] == 2465
    assert list(results["status"]) == ["ok", "ok", "error", "error"]
    assert results["error"][2].startswith("paid:")
    assert results["error"][0] is None


def test_compute_frame_takes_dicts_and_explains():
    results = latepenalty.compute_frame(
        [{"regime": "national-tax-arrears", "amount": 1234567, "due": "2023-12-30", "paid": "2024-03-10"}], explain=True)
    assert results["amount"][0] == 7800
    assert [s["rounded"] for s in results["explanation"][0]["segments"]] == ["80", "4852", "2931"]


def test_a_float_column_is_refused():
    with pytest.raises(TypeError):
        latepenalty.compute_frame(pd.DataFrame({"regime": ["custom"], "amount": [1.5]}))


@pytest.mark.skipif(not PENALTY, reason="PENALTY_BINARY names the penalty command to compare with")
def test_the_module_and_compute_frame_equal_penalty_compute(tmp_path):
    rows = tmp_path / "rows.csv"
    generator = os.path.join(os.path.dirname(__file__), "..", "..", "scripts", "generate-rows")
    with open(rows, "wb") as handle:
        subprocess.run([sys.executable, generator, "20000", "--regime", "local-tax-arrears"], stdout=handle, check=True)
    expected = subprocess.run([PENALTY, "compute", str(rows), "--quiet"], capture_output=True).stdout
    module = subprocess.run([sys.executable, "-m", "latepenalty", str(rows)], capture_output=True)
    assert module.stdout == expected
    frame = latepenalty.compute_frame(pd.read_csv(rows, dtype=str, keep_default_na=False))
    cli = pd.read_csv(__import__("io").BytesIO(expected), dtype=str, keep_default_na=False)
    assert list(frame["id"]) == list(cli["id"])
    assert [str(a) for a in frame["amount"]] == list(cli["amount"])


def _both_readers(frame, monkeypatch):
    """compute_frame through pyarrow and through pandas alone."""
    pytest.importorskip("pyarrow")
    with_arrow = latepenalty.compute_frame(frame)
    with monkeypatch.context() as patch:
        patch.setattr(latepenalty, "_arrow", lambda: None)
        without = latepenalty.compute_frame(frame)
    return with_arrow, without


@pytest.mark.parametrize("case", ["text", "ints", "huge", "quoted", "nullable", "empty"])
def test_compute_frame_through_arrow_equals_pandas(case, monkeypatch):
    regimes = ["local-tax-arrears", "contract-late-completion", "national-tax-arrears", "custom"]
    amounts = {
        "text": ["56400", "10,000,000", "", "9999"],
        "ints": [56400, 10_000_000, 5, 9999],
        "huge": [10**30, 10**18, 10**19 + 7, 99],
        "quoted": ["56400", "10,000,000", "1", "2"],
        "nullable": pd.array([56400, None, 5, 9999], dtype="Int64"),
        "empty": [],
    }[case]
    n = len(amounts)
    frame = pd.DataFrame({
        "id": ["a,b" if case == "quoted" and i == 0 else f"r{i}" for i in range(n)],
        "regime": regimes[:n],
        "amount": amounts,
        "due": ["2026-02-02", "R4.3.25", "2023-12-30", "2024-01-01"][:n],
        "paid": ["2026-05-29", "2022-04-30", "2024-03-10", "not a date"][:n],
        "rate": [None, None, None, "3"][:n],
    })
    with_arrow, without = _both_readers(frame, monkeypatch)
    pd.testing.assert_frame_equal(with_arrow, without)
    assert with_arrow["amount"].dtype == object
    assert all(a is None or type(a) is int for a in with_arrow["amount"])


@pytest.mark.parametrize("repeat", [False, True])
def test_compute_frame_in_slices_equals_one_call(repeat, monkeypatch):
    pytest.importorskip("pyarrow")
    rows = 23
    frame = pd.DataFrame({
        "id": [f"k{i}" for i in range(rows)],
        "regime": ["local-tax-arrears", "contract-late-completion", "national-tax-arrears"] * 7 + ["custom", "nonsense"],
        "amount": [str(56400 + 1000 * i) for i in range(rows - 3)] + ["", "-5", "1" * 40],
        "due": ["2026-02-02", "R4.3.25", "2023-12-30"] * 7 + ["2024-01-01", "2024-01-01"],
        "paid": ["2026-05-29", "2022-04-30", "2024-03-10"] * 7 + ["not a date", "2024-02-01"],
    })
    if repeat:
        # The same id in different slices, once with a trailing space the reader trims.
        frame.loc[20, "id"] = "k1 "
        frame.loc[7, "id"] = "k2"
    monkeypatch.setattr(latepenalty, "_SLICE_ROWS", 4)
    sliced = latepenalty.compute_frame(frame)
    with monkeypatch.context() as patch:
        patch.setattr(latepenalty, "_arrow", lambda: None)
        whole = latepenalty.compute_frame(frame)
    pd.testing.assert_frame_equal(sliced, whole)
    assert list(sliced["line"]) == list(range(2, rows + 2))
    if repeat:
        assert "already appears on line 3" in sliced["error"][20]
        assert "already appears on line 4" in sliced["error"][7]


@pytest.fixture(params=["arrow", "pandas"])
def reader(request, monkeypatch):
    """Each test below runs through pyarrow (when installed) and through pandas alone."""
    if request.param == "arrow":
        pytest.importorskip("pyarrow")
    else:
        monkeypatch.setattr(latepenalty, "_arrow", lambda: None)
    return request.param


def test_the_frames_index_plays_no_part(reader):
    frame = pd.DataFrame({
        "id": ["A", "X", "B"],
        "regime": ["local-tax-arrears", "contract-late-completion", "local-tax-arrears"],
        "amount": ["100000", "5", "200000"],
        "due": ["2026-01-31"] * 3,
        "paid": ["2026-12-31"] * 3,
        "excluded": [float("nan")] * 3,  # an empty column as read_csv gives it
    })
    assert list(latepenalty.compute_frame(frame[frame.regime == "local-tax-arrears"])["id"]) == ["A", "B"]
    assert list(latepenalty.compute_frame(frame.set_axis([2, 1, 0]))["id"]) == ["A", "X", "B"]
    doubled = pd.concat([frame.iloc[:2], frame.iloc[:2].assign(id=["C", "D"])])
    assert list(latepenalty.compute_frame(doubled)["id"]) == ["A", "X", "C", "D"]


def test_explained_rows_in_error_beside_rows_computed(reader):
    results = latepenalty.compute_frame(
        pd.DataFrame({"id": [" a", "b"], "regime": ["contract-termination-penalty"] * 2, "amount": ["100000", "-1"]}), explain=True)
    assert list(results["amount"]) == [10000, None]
    assert list(results["id"]) == [" a", "b"]
    assert str(results["counted_days"].dtype) == "Int64"


def test_a_line_break_in_a_value_is_reported_on_its_row(reader):
    frame = pd.DataFrame({"id": ["a\nb", "c"], "regime": ["contract-termination-penalty"] * 2, "amount": ["100", "1\r00"], "memo": ["x", "m\rn"]})
    results = latepenalty.compute_frame(frame)
    assert list(results["id"]) == ["a\nb", "c"]
    assert list(results["status"]) == ["ok", "error"]
    assert results["error"][1].startswith("amount:")


def test_date_columns_are_days(reader):
    frame = pd.DataFrame({
        "regime": ["local-tax-arrears"] * 2, "amount": ["100000"] * 2,
        "due": pd.to_datetime(["2026-01-31", "2026-01-31"]), "paid": pd.to_datetime(["2026-12-31", None]),
    })
    results = latepenalty.compute_frame(frame)
    assert list(results["status"]) == ["ok", "error"]
    assert results["error"][1].startswith("paid: is empty")
    with pytest.raises(TypeError):
        latepenalty.compute_frame(frame.assign(paid=pd.to_datetime(["2026-12-31 09:30", "2026-12-31 00:00"])))


def test_odd_column_names_and_ids(reader):
    assert list(latepenalty.compute_frame([{"regime": "contract-termination-penalty", "amount": 100, "memo,x": "1"}])["status"]) == ["ok"]
    nullable = pd.DataFrame({"id": pd.array([1, None], dtype="Int64"), "regime": ["contract-termination-penalty"] * 2, "amount": ["100", "100"]})
    assert list(latepenalty.compute_frame(nullable)["status"]) == ["ok", "error"]
    with pytest.raises(ValueError):
        latepenalty.compute_frame(pd.DataFrame([["contract-termination-penalty", "1", "2"]], columns=["regime", "amount", "amount"]))


def test_reduced_periods_and_amendments_through_the_c_interface():
    grace = latepenalty.compute(regime="national-tax-arrears", amount=1000000, due="2025-01-31", paid="2026-06-30",
                                reduced="2025-03-01..2026-03-31:grace")
    assert grace.amount == 35200
    assert [s["rate_percent"] for s in grace.explanation["segments"]][1:4] == ["9/10", "9/10", "13/10"]
    amended = latepenalty.compute(regime="national-tax-arrears", amount=1000000, due="2024-03-15", paid="2025-12-31",
                                  amended_on="2025-07-31")
    assert (amended.amount, amended.excluded_days) == (49900, 138)
    with pytest.raises(latepenalty.InputError) as refused:
        latepenalty.compute(regime="national-tax-arrears", amount=1000000, due="2024-03-15", paid="2025-12-31", fraud="yes")
    assert refused.value.field == "fraud"
