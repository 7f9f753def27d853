"""The report command: `analysis/report.py` and, installed, `caseload-report`."""

import argparse
import sys
from pathlib import Path

from . import experiment_report, stress_report
from .report import write_report
from .trace import TraceError, check_readable


def _output_problem(output: str) -> str | None:
    """Why `output` cannot be a report folder, checked before any trace is read."""
    if not output:
        return "-o: the output path is empty"
    if Path(output).exists() and not Path(output).is_dir():
        return f"{output}: the output must be a folder; this is a file"
    return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="analysis/report.py",
        description="Write an HTML report (figures, metrics, CSV exports) for caseload runs.")
    parser.add_argument("traces", nargs="+", metavar="RUN.h5", help="trace files from "
                        "`caseload run -o`; several runs (seeds, regimes) are compared; or one "
                        "output folder (or .h5) of `caseload compare` or `caseload sweep`, or "
                        "the folder of `caseload stress`")
    parser.add_argument("-o", "--output", required=True, metavar="DIR",
                        help="folder for index.html, PNGs and CSVs (created if missing)")
    args = parser.parse_args(argv)
    if problem := _output_problem(args.output):
        print(f"analysis/report.py: {problem}", file=sys.stderr)
        return 2
    try:
        if len(args.traces) == 1 and stress_report.is_stress_output(args.traces[0]):
            written = stress_report.write_stress_report(args.traces[0], args.output)
            print(f"wrote {Path(args.output) / written.index}: {len(written.figures)} figures")
            return 0
        kind = experiment_report.output_kind(args.traces[0]) if len(args.traces) == 1 else None
        if kind is not None:
            write = (experiment_report.write_comparison_report if kind[0] == "compare"
                     else experiment_report.write_sweep_report)
            written = write(kind[1], args.output)
            print(f"wrote {Path(args.output) / written.index}: {len(written.figures)} figures")
            return 0
        for trace in args.traces:
            check_readable(trace)
        written = write_report(args.traces, args.output)
    except TraceError as error:
        print(f"analysis/report.py: {error}", file=sys.stderr)
        return 2
    except (KeyError, ValueError, TypeError, IndexError) as error:
        # The files opened but lack or garble something a figure needs (a foreign file laid
        # out like a trace, a damaged one): bad input, reported in one line, not a traceback.
        detail = str(error).splitlines()[0] if str(error) else ""
        print(f"analysis/report.py: cannot make the report from {', '.join(args.traces)}: "
              f"a file lacks or garbles what it needs ({type(error).__name__}: {detail[:200]})",
              file=sys.stderr)
        return 2
    except OSError as error:  # the output folder cannot be made or written
        print(f"analysis/report.py: {args.output}: cannot write the report: "
              f"{error.strerror or error}", file=sys.stderr)
        return 2
    out = Path(args.output)
    print(f"wrote {out / written.index}: {len(written.figures)} figures, "
          f"{len(written.csvs)} CSV files")
    for stem, why in written.skipped.items():
        print(f"  not drawn: {stem}: {why}")
    return 0
