#!/usr/bin/python3
"""Make an HTML report from caseload traces.

    analysis/report.py RUN.h5 [RUN2.h5 ...] -o DIR

writes DIR/index.html, one PNG per figure and CSV exports (metrics.csv, panel_*.csv). Exit
codes: 0 written, 2 a trace is missing or unreadable.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from caseload_analysis.report import write_report  # noqa: E402
from caseload_analysis.trace import TraceError  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="analysis/report.py",
        description="Write an HTML report (figures, metrics, CSV exports) for caseload runs.")
    parser.add_argument("traces", nargs="+", metavar="RUN.h5", help="trace files from "
                        "`caseload run -o`; several runs (seeds, regimes) are compared")
    parser.add_argument("-o", "--output", required=True, metavar="DIR",
                        help="folder for index.html, PNGs and CSVs (created if missing)")
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main())
