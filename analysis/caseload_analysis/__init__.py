"""Reading caseload's HDF5 traces: load (trace), recompute metrics (metrics), draw figures
(plots) and write an HTML report with CSV exports (report). Needs only h5py, numpy, pandas and
matplotlib (Debian's python3-* packages); no caseload code."""
