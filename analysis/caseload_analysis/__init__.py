"""Reading caseload's HDF5 traces: load (trace), recompute metrics (metrics), draw figures
(plots) and write an HTML report with CSV exports (report); reports of `compare` and `sweep`
outputs (experiment_report). Needs only h5py, numpy, pandas, matplotlib and jinja2 (Debian's
python3-* packages); no caseload code."""
