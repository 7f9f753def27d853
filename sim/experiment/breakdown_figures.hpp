#pragma once
// A run's figures as `compare` and `sweep` keep them: the headline summary, then the same kind
// of figures for each customer group, office cluster and provider (breakdown names, see
// run_record.hpp), because creaming and parking are about who is served and a
// whole-population mean hides them.

#include <string_view>
#include <vector>

#include "sim/experiment/run_record.hpp"
#include "sim/experiment/single_run.hpp"
#include "sim/experiment/statistics.hpp"

namespace caseload::experiment {

/// The summary figures, then every breakdown figure the report has (by group always; by
/// cluster and provider when the scenario has them). NaN where a part has nothing to count.
std::vector<MetricValue> run_figures(const SingleRun& run);

/// Only the breakdown figures of a report.
std::vector<MetricValue> breakdown_figures(const metrics::MetricsReport& report);

/// The scale a metric's intervals are computed on, from its unit: shares and job quality (in
/// [0, 1]) on logit, correlations and concentration indices (in [-1, 1]) on Fisher z, the
/// rest linear. Takes a summary name or the metric of a breakdown name.
Scale scale_of(std::string_view metric);

}  // namespace caseload::experiment
