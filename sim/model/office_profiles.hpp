#pragma once
// One profile per office: the scenario-wide values, an office table's rows, or draws around
// the scenario-wide values; then clusters of comparable offices. Deterministic in the
// scenario alone (the network's own seed, never the run's), so replications share a network.

#include <vector>

#include "sim/model/scenario.hpp"

namespace caseload::model {

/// The profile every office has with no variation and no table.
OfficeProfile default_office(const Scenario& scenario);

/// Office `office`'s own draw around the defaults, from its own stream under variation.seed
/// (resolve_offices then recentres the network's draws on the defaults).
OfficeProfile draw_office(const Scenario& scenario, int office);

/// Fills scenario.network.profiles (one per office) and their clusters; called once at load.
void resolve_offices(Scenario& scenario);

/// The resolved profiles, or the defaults for a scenario built in code without resolving.
std::vector<OfficeProfile> office_profiles(const Scenario& scenario);

/// Offices grouped into `clusters` by a deterministic k-means on standardised features (log
/// vacancies per new claim, mean job quality, and group shares of inflow weighing one feature
/// between them); cluster 0 has the fewest vacancies per claim. One cluster per office.
std::vector<int> cluster_offices(const std::vector<OfficeProfile>& offices, const Scenario& scenario,
                                 int clusters);

/// New claims per week at `office`, all groups (what World::inflow_per_week sums to).
double new_claims_per_week(const OfficeProfile& office, const Scenario& scenario);

/// The office's local market: log vacancies opened per new claim (clusters and benchmarking
/// by regression compare offices on it).
double log_vacancies_per_claim(const OfficeProfile& office, const Scenario& scenario);

/// The number of clusters the offices fall into (1 + the largest cluster number).
int cluster_count(const std::vector<OfficeProfile>& offices);

}  // namespace caseload::model
