"""analysis/report.py on a trace with one byte changed inside a compressed column chunk: the
column's Fletcher-32 checksum fails, and the report refuses the file in one line naming the
column (exit 2), instead of a traceback or a report drawn from damaged data (issue 16, D19)."""

import shutil
import subprocess
import sys
from pathlib import Path

import h5py

REPORT = Path(__file__).resolve().parents[1] / "report.py"
COLUMN = "/treatment/panel/stock"


def report(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPORT), *args], capture_output=True, text=True,
                          timeout=600)


def invert_byte_inside_first_chunk(path: Path, dataset: str) -> None:
    """Inverts the byte halfway through the dataset's first stored chunk (its compressed
    bytes); one changed byte always changes a Fletcher-32 sum."""
    with h5py.File(path, "r") as f:
        chunk = f[dataset].id.get_chunk_info(0)
    assert chunk.size > 0, f"{dataset} has no stored chunk: the test damages nothing"
    data = bytearray(path.read_bytes())
    data[chunk.byte_offset + chunk.size // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def test_columns_carry_a_checksum(make_trace):
    with h5py.File(make_trace("smoke_summary", "--trace", "summary"), "r") as f:
        assert f[COLUMN].fletcher32
        assert f[COLUMN].compression == "gzip"


def test_a_byte_changed_inside_a_chunk_is_refused_naming_the_column(make_trace, tmp_path):
    damaged = tmp_path / "damaged.h5"
    shutil.copyfile(make_trace("smoke_summary", "--trace", "summary"), damaged)
    invert_byte_inside_first_chunk(damaged, COLUMN)
    result = report(str(damaged), "-o", str(tmp_path / "out"))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"analysis/report.py: {damaged}: cannot read {COLUMN}: its data fail their Fletcher-32 "
        "checksum: the file is damaged"], result.stderr
    assert not (tmp_path / "out" / "index.html").exists()
