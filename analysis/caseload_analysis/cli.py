"""The report command: `analysis/report.py` and, installed, `caseload-report`."""

import argparse
import sys
from pathlib import Path

from . import experiment_report
from .report import write_report
from .trace import TraceError


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="analysis/report.py",
        description="Write an HTML report (figures, metrics, CSV exports) for caseload runs.")
    parser.add_argument("traces", nargs="+", metavar="RUN.h5", help="trace files from "
                        "`caseload run -o`; several runs (seeds, regimes) are compared; or one "
                        "output folder (or .h5) of `caseload compare` or `caseload sweep`")
    parser.add_argument("-o", "--output", required=True, metavar="DIR",
                        help="folder for index.html, PNGs and CSVs (created if missing)")
    args = parser.parse_args(argv)
    kind = experiment_report.output_kind(args.traces[0]) if len(args.traces) == 1 else None
    if kind is not None:
        write = (experiment_report.write_comparison_report if kind[0] == "compare"
                 else experiment_report.write_sweep_report)
        written = write(kind[1], args.output)
        print(f"wrote {Path(args.output) / written.index}: {len(written.figures)} figures")
        return 0
    try:
        written = write_report(args.traces, args.output)
    except TraceError as error:
        print(f"analysis/report.py: {error}", file=sys.stderr)
        return 2
    out = Path(args.output)
    print(f"wrote {out / written.index}: {len(written.figures)} figures, "
          f"{len(written.csvs)} CSV files")
    for stem, why in written.skipped.items():
        print(f"  not drawn: {stem}: {why}")
    return 0
