"""Gaming channels: for each run, the figures that show each way an adviser can game the
regime (docs/REGIMES.md, "Gaming channels"), read by name from the trace's /metrics.

Metrics are read by name, never assumed: a trace written before a metric existed (or by a
build without it) shows "not in this trace" for it, and the rest of the section still works.
The /metrics scalars are the treatment's, so the channels are the treatment's too.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .trace import Trace

#: Shown in place of a value for a metric the trace does not hold.
NOT_IN_TRACE = "not in this trace"


@dataclass(frozen=True)
class Channel:
    name: str
    adviser_does: str        # what the adviser does to game the regime through it
    metrics: tuple[str, ...]  # /metrics scalars that show it, in display order


CHANNELS = (
    Channel("quality", "pushes a client into the quickest job rather than a better-matched one",
            ("mean_job_quality", "sustained_26w_share", "earnings_index_26w", "matched_submission_share",
             "in_work_support_actions")),
    Channel("bunching", "times help before a measurement mark or the end of the target year",
            ("help_before_mark_ratio", "entries_year_end_ratio")),
    Channel("speculative submissions", "submits clients to vacancies they are unlikely to get, "
            "so a later job start can be claimed", ("speculative_share", "submissions_per_entry")),
    Channel("evidence rejected", "claims job entries the office did not bring about, on weak "
            "evidence", ("claims_weak", "claims_rejected", "credit_audit_would_remove",
                         "unmatched_entries")),
    Channel("sanctions", "refers clients for sanctions, which end claims an off-flow "
            "indicator counts", ("sanctions_per_100_client_weeks",)),
    Channel("goodwill", "spends employers' goodwill on poor submissions", ("goodwill_change",)),
)


def channel_table(run: Trace, channel: Channel) -> pd.DataFrame:
    """One row per metric of the channel: its value (NaN when not defined, NOT_IN_TRACE when
    the trace lacks it) and its description as the trace states it."""
    values: list[float | str] = []
    meanings: list[str] = []
    for name in channel.metrics:
        value = run.metric(name)
        values.append(NOT_IN_TRACE if value is None else value)
        meanings.append(str(run.metrics.loc[name, "description"]) if value is not None else "")
    return pd.DataFrame({"value": values, "meaning": meanings},
                        index=pd.Index(channel.metrics, name="metric"))


def channel_tables(run: Trace) -> list[tuple[Channel, pd.DataFrame]]:
    """Every channel's table for one run, in CHANNELS order."""
    return [(channel, channel_table(run, channel)) for channel in CHANNELS]
