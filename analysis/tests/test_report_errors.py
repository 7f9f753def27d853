"""analysis/report.py on inputs that are not whole caseload traces (truncated, damaged, from
another format version, inconsistent) and outputs it cannot write: exit 2 with one line on
stderr naming the problem, never a traceback or a crash (issue 16: D5, D13, D14)."""

import shutil
import subprocess
import sys
from pathlib import Path

import h5py
import numpy as np
import pytest

REPORT = Path(__file__).resolve().parents[1] / "report.py"


def report(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPORT), *args], capture_output=True, text=True,
                          timeout=600)


def assert_refused(result: subprocess.CompletedProcess, message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in result.stderr, result.stderr


@pytest.fixture(scope="module")
def summary_trace(make_trace) -> Path:
    return make_trace("smoke_summary", "--trace", "summary")


def copy_of(trace: Path, tmp_path: Path, name: str) -> Path:
    copy = tmp_path / name
    shutil.copyfile(trace, copy)
    return copy


def test_truncated_trace_is_refused(summary_trace, tmp_path):
    # What SIGKILL or a full disk can leave: the file's first 8 KiB.
    truncated = tmp_path / "truncated.h5"
    truncated.write_bytes(summary_trace.read_bytes()[:8192])
    assert_refused(report(str(truncated), "-o", str(tmp_path / "out")), "cannot read it")


def test_corrupt_string_heap_is_refused_not_a_crash(summary_trace, tmp_path):
    # Every global heap collection's first object claims 2 GiB: HDF5 1.10 reading a string
    # from it copies past its buffer (SIGSEGV in h5py without the check).
    data = bytearray(summary_trace.read_bytes())
    at = data.find(b"GCOL")
    assert at >= 0, "the trace holds no global heap: the test damages nothing"
    while at >= 0:
        data[at + 24:at + 32] = b"\xff\xff\xff\x7f\x00\x00\x00\x00"
        at = data.find(b"GCOL", at + 4)
    damaged = tmp_path / "damaged.h5"
    damaged.write_bytes(bytes(data))
    assert_refused(report(str(damaged), "-o", str(tmp_path / "out")), "the file is damaged")


def test_another_format_version_is_refused(summary_trace, tmp_path):
    future = copy_of(summary_trace, tmp_path, "future.h5")
    with h5py.File(future, "r+") as f:
        f.attrs["trace_format_version"] = np.int64(99)
    assert_refused(report(str(future), "-o", str(tmp_path / "out")),
                   "trace format version 99, but this reader reads version 1")


def test_metric_names_and_values_of_different_lengths_are_refused(summary_trace, tmp_path):
    short = copy_of(summary_trace, tmp_path, "short.h5")
    with h5py.File(short, "r+") as f:
        del f["metrics/scalars/value"]
        f["metrics/scalars/value"] = np.array([1.0, 2.0, 3.0])
    assert_refused(report(str(short), "-o", str(tmp_path / "out")), "names but 3 values")


def test_metric_names_that_are_not_strings_are_refused(summary_trace, tmp_path):
    numbers = copy_of(summary_trace, tmp_path, "numbers.h5")
    with h5py.File(numbers, "r+") as f:
        count = len(f["metrics/scalars/name"])
        del f["metrics/scalars/name"]
        f["metrics/scalars/name"] = np.arange(count)
    assert_refused(report(str(numbers), "-o", str(tmp_path / "out")), "cannot read it")


def test_a_trace_without_what_the_figures_need_is_refused(summary_trace, tmp_path):
    bare = copy_of(summary_trace, tmp_path, "bare.h5")
    with h5py.File(bare, "r+") as f:
        for name in list(f["treatment"].attrs):
            del f["treatment"].attrs[name]
    assert_refused(report(str(bare), "-o", str(tmp_path / "out")), "cannot make the report")


@pytest.mark.parametrize("output, message", [
    ("", "the output path is empty"),
    ("a_file", "the output must be a folder; this is a file"),
    ("/proc/caseload_report", "cannot write the report"),
])
def test_an_output_that_cannot_be_a_report_folder_is_refused(summary_trace, tmp_path,
                                                              monkeypatch, output, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a_file").write_text("mine\n")
    assert_refused(report(str(summary_trace), "-o", output), message)
    assert (tmp_path / "a_file").read_text() == "mine\n"
    assert not (tmp_path / "index.html").exists(), "nothing written in the current folder"
