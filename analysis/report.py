#!/usr/bin/python3
"""Make an HTML report from caseload traces, or from a comparison or a sweep.

    analysis/report.py RUN.h5 [RUN2.h5 ...] -o DIR
    analysis/report.py COMPARE_DIR -o DIR      (or its compare.h5; the same for a sweep)

writes DIR/index.html, one PNG per figure and CSV exports (for traces: metrics.csv,
panel_*.csv; for comparisons and sweeps, each figure's data beside it). Exit codes: 0 written,
2 a trace is missing, unreadable or damaged, or the output folder cannot be written.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from caseload_analysis.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
