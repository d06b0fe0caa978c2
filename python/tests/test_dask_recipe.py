"""The scale-out recipe of docs/scale-out.md: a partitioned input computed by compute_frame on a
Dask LocalCluster of two worker processes, identical to `penalty compute` on the same rows."""
import io
import os
import subprocess
import sys

import pandas as pd
import pytest

import latepenalty

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")
PENALTY = os.environ.get("PENALTY_BINARY")


@pytest.mark.skipif(not PENALTY, reason="PENALTY_BINARY names the penalty command to compare with")
def test_a_partitioned_input_on_two_workers_equals_penalty_compute(tmp_path):
    generator = os.path.join(os.path.dirname(__file__), "..", "..", "scripts", "generate-rows")
    rows = subprocess.run([sys.executable, generator, "40000", "--regime", "national-tax-arrears"], capture_output=True, check=True).stdout
    header, *lines = rows.decode().splitlines()
    for part in range(4):  # four partitions, as a data lake would hold them
        (tmp_path / f"part-{part}.csv").write_text("\n".join([header, *lines[part::4]]) + "\n")
    whole = tmp_path / "whole.csv"
    whole.write_text("\n".join([header, *[line for part in range(4) for line in lines[part::4]]]) + "\n")

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        cases = dd.read_csv(str(tmp_path / "part-*.csv"), dtype=str, keep_default_na=False, blocksize=None)
        meta = latepenalty.compute_frame(cases._meta)
        results = cases.map_partitions(latepenalty.compute_frame, meta=meta)
        results.to_csv(str(tmp_path / "result-*.csv"), index=False)
    computed = pd.concat(pd.read_csv(tmp_path / f"result-{part}.csv", dtype=str, keep_default_na=False) for part in range(4))

    expected = subprocess.run([PENALTY, "compute", str(whole), "--quiet"], capture_output=True).stdout
    cli = pd.read_csv(io.BytesIO(expected), dtype=str, keep_default_na=False)
    columns = ["id", "regime", "status", "amount", "counted_days", "excluded_days", "error"]
    assert len(computed) == len(cli) == 40000
    assert computed[columns].reset_index(drop=True).equals(cli[columns].reset_index(drop=True))
