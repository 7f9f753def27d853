#include "sim/model/office_profiles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <boost/random/normal_distribution.hpp>

#include "sim/core/assert.hpp"
#include "sim/model/streams.hpp"

namespace caseload::model {

OfficeProfile default_office(const Scenario& scenario) {
  OfficeProfile office;
  office.advisers = scenario.network.advisers_per_office;
  office.employers = scenario.employers.employers_per_office;
  office.vacancies_per_week = scenario.employers.vacancies_per_week;
  office.quality_alpha = scenario.employers.quality_alpha;
  office.quality_beta = scenario.employers.quality_beta;
  office.tightness_half_vacancies = scenario.search.tightness_half_vacancies;
  return office;
}

namespace {

// Mean-one lognormal multiplier, so the spread leaves the network's mean where it was.
double mean_one(double sd, double z) { return std::exp(sd * z - 0.5 * sd * sd); }

// The features offices are compared on, one row per office: the local market (vacancies per
// new claim, job quality) and who claims (each group's share of inflow).
std::vector<std::vector<double>> features(const std::vector<OfficeProfile>& offices, const Scenario& scenario) {
  std::vector<std::vector<double>> rows;
  for (const auto& office : offices) {
    const double claims = new_claims_per_week(office, scenario);
    std::vector<double> row;
    row.push_back(log_vacancies_per_claim(office, scenario));
    row.push_back(office.quality_mean());
    for (std::size_t g = 0; g < scenario.groups.size(); ++g) {
      const double group_claims = office.inflow_per_week(scenario.groups[g].inflow_per_week, g);
      row.push_back(claims > 0.0 ? group_claims / claims : 0.0);
    }
    rows.push_back(std::move(row));
  }
  // Standardised, so a share and a log ratio weigh alike; a feature that does not vary drops out.
  for (std::size_t f = 0; f < (rows.empty() ? 0 : rows[0].size()); ++f) {
    double mean = 0.0;
    for (const auto& row : rows) mean += row[f];
    mean /= static_cast<double>(rows.size());
    double variance = 0.0;
    for (const auto& row : rows) variance += (row[f] - mean) * (row[f] - mean);
    const double sd = std::sqrt(variance / static_cast<double>(rows.size()));
    for (auto& row : rows) row[f] = sd > 1e-12 ? (row[f] - mean) / sd : 0.0;
  }
  // Market, job quality and mix weigh alike: the group shares share one weight between them.
  const double share_weight = 1.0 / std::sqrt(static_cast<double>(std::max<std::size_t>(scenario.groups.size(), 1)));
  for (auto& row : rows) {
    for (std::size_t f = 2; f < row.size(); ++f) row[f] *= share_weight;
  }
  return rows;
}

double distance(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += (a[i] - b[i]) * (a[i] - b[i]);
  return sum;
}

}  // namespace

double new_claims_per_week(const OfficeProfile& office, const Scenario& scenario) {
  double total = 0.0;
  for (std::size_t g = 0; g < scenario.groups.size(); ++g) {
    total += office.inflow_per_week(scenario.groups[g].inflow_per_week, g);
  }
  return total;
}

namespace {

// One office's draws: multipliers on size and vacancy rate, a logit shift of job quality and
// multipliers on each group's inflow.
struct OfficeDraw {
  double size = 1.0;
  double vacancy_rate = 1.0;
  double quality_shift = 0.0;
  std::vector<double> mix;
};

OfficeDraw draw(const Scenario& scenario, int office) {
  const OfficeVariation& spread = scenario.network.variation;
  auto draws = stream(spread.seed, EntityKind::Office, static_cast<std::uint32_t>(office), Purpose::Attributes);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  // Always the same draws in the same order, so widening one spread leaves the others' luck alone.
  OfficeDraw out;
  out.size = mean_one(spread.size_sd, normal(draws));
  out.vacancy_rate = mean_one(spread.vacancy_rate_sd, normal(draws));
  out.quality_shift = spread.quality_sd * normal(draws);
  double before = 0.0;
  double after = 0.0;
  for (const auto& group : scenario.groups) {
    out.mix.push_back(mean_one(spread.mix_sd, normal(draws)));
    before += group.inflow_per_week;
    after += group.inflow_per_week * out.mix.back();
  }
  // The mix changes who claims, not how many: size does that.
  for (double& scale : out.mix) scale *= after > 0.0 ? before / after : 1.0;
  return out;
}

// The profile a draw gives; a spread of zero leaves its part exactly at the default.
OfficeProfile profile_of(const Scenario& scenario, const OfficeDraw& drawn) {
  const OfficeVariation& spread = scenario.network.variation;
  OfficeProfile office = default_office(scenario);
  if (spread.size_sd > 0.0) {
    office.advisers = std::max(1, static_cast<int>(std::lround(office.advisers * drawn.size)));
    office.employers = std::max(1, static_cast<int>(std::lround(office.employers * drawn.size)));
    office.inflow_scale = drawn.size;
    // Tightness reads open vacancies against the office's claimants, so size alone leaves it.
    office.tightness_half_vacancies *= drawn.size;
  }
  if (spread.vacancy_rate_sd > 0.0) office.vacancies_per_week *= drawn.vacancy_rate;
  if (spread.quality_sd > 0.0) {
    const double concentration = office.quality_alpha + office.quality_beta;
    const double logit = std::log(office.quality_mean() / (1.0 - office.quality_mean())) + drawn.quality_shift;
    const double mean = 1.0 / (1.0 + std::exp(-logit));
    office.quality_alpha = mean * concentration;
    office.quality_beta = (1.0 - mean) * concentration;
  }
  if (spread.mix_sd > 0.0) office.group_inflow_scale = drawn.mix;
  return office;
}

// Draws spread offices around the scenario's values; recentred over the network, so its
// size and its vacancies per claim are the scenario's whatever the luck of a few draws.
void recentre(std::vector<OfficeDraw>& draws) {
  double size = 0.0;
  double vacancies = 0.0;
  double quality = 0.0;
  for (const auto& d : draws) {
    size += d.size;
    vacancies += d.size * d.vacancy_rate;
    quality += d.quality_shift;
  }
  const double n = static_cast<double>(draws.size());
  for (auto& d : draws) {
    d.vacancy_rate *= size / vacancies;  // claimant-weighted mean rate 1
    d.size *= n / size;
    d.quality_shift -= quality / n;
  }
}


// Offices without a district from their table row are split into `districts` runs of
// consecutive offices, as even in size as the count allows (0 districts: every office -1).
void assign_districts(std::vector<OfficeProfile>& offices, const OfficeNetwork& network) {
  const bool from_table = !offices.empty() && std::all_of(offices.begin(), offices.end(),
                                                          [](const OfficeProfile& p) { return p.district >= 0; });
  if (from_table) return;
  const std::size_t n = offices.size();
  for (std::size_t o = 0; o < n; ++o) {
    offices[o].district = network.districts > 0
                              ? static_cast<int>(o * static_cast<std::size_t>(network.districts) / std::max<std::size_t>(n, 1))
                              : -1;
  }
}

}  // namespace

OfficeProfile draw_office(const Scenario& scenario, int office) { return profile_of(scenario, draw(scenario, office)); }

std::vector<int> cluster_offices(const std::vector<OfficeProfile>& offices, const Scenario& scenario,
                                 int clusters) {
  const std::size_t n = offices.size();
  const auto k = static_cast<std::size_t>(std::clamp(clusters, 1, static_cast<int>(std::max<std::size_t>(n, 1))));
  std::vector<int> cluster(n, 0);
  if (k <= 1 || n == 0) return cluster;
  const auto rows = features(offices, scenario);
  // Start from offices at evenly spaced quantiles of the market feature: no random start, so
  // the clusters are a function of the profiles alone.
  std::vector<std::size_t> by_market(n);
  std::iota(by_market.begin(), by_market.end(), 0);
  // Ties in office order (std::sort with the index as tie-break: no temporary buffer).
  std::sort(by_market.begin(), by_market.end(), [&](std::size_t a, std::size_t b) {
    return rows[a][0] < rows[b][0] || (rows[a][0] == rows[b][0] && a < b);
  });
  std::vector<std::vector<double>> centres;
  for (std::size_t c = 0; c < k; ++c) centres.push_back(rows[by_market[(2 * c + 1) * n / (2 * k)]]);
  for (int iteration = 0; iteration < 100; ++iteration) {
    bool moved = false;
    for (std::size_t o = 0; o < n; ++o) {
      std::size_t best = 0;
      for (std::size_t c = 1; c < k; ++c) {
        if (distance(rows[o], centres[c]) < distance(rows[o], centres[best])) best = c;
      }
      if (cluster[o] != static_cast<int>(best)) moved = true;
      cluster[o] = static_cast<int>(best);
    }
    if (!moved && iteration > 0) break;
    for (std::size_t c = 0; c < k; ++c) {
      std::vector<double> sum(rows[0].size(), 0.0);
      double members = 0.0;
      for (std::size_t o = 0; o < n; ++o) {
        if (cluster[o] != static_cast<int>(c)) continue;
        for (std::size_t f = 0; f < sum.size(); ++f) sum[f] += rows[o][f];
        members += 1.0;
      }
      if (members == 0.0) continue;  // an empty cluster keeps its centre
      for (std::size_t f = 0; f < sum.size(); ++f) centres[c][f] = sum[f] / members;
    }
  }
  // Number the clusters that have members by their market, fewest vacancies per claim first.
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < k; ++c) {
    if (std::find(cluster.begin(), cluster.end(), static_cast<int>(c)) != cluster.end()) order.push_back(c);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return centres[a][0] < centres[b][0] || (centres[a][0] == centres[b][0] && a < b);
  });
  std::vector<int> label(k, 0);
  for (std::size_t i = 0; i < order.size(); ++i) label[order[i]] = static_cast<int>(i);
  for (int& c : cluster) c = label[static_cast<std::size_t>(c)];
  return cluster;
}

double log_vacancies_per_claim(const OfficeProfile& office, const Scenario& scenario) {
  return std::log(office.employers * office.vacancies_per_week / std::max(new_claims_per_week(office, scenario), 1e-9));
}

int cluster_count(const std::vector<OfficeProfile>& offices) {
  int largest = 0;
  for (const auto& office : offices) largest = std::max(largest, office.cluster);
  return largest + 1;
}

void resolve_offices(Scenario& scenario) {
  auto& network = scenario.network;
  std::vector<OfficeProfile> offices;
  if (!network.table.empty()) {
    offices = network.table;
    network.offices = static_cast<int>(offices.size());
  } else {
    std::vector<OfficeDraw> draws;
    for (int o = 0; o < network.offices; ++o) draws.push_back(draw(scenario, o));
    if (network.variation.any()) recentre(draws);
    for (const auto& drawn : draws) {
      offices.push_back(network.variation.any() ? profile_of(scenario, drawn) : default_office(scenario));
    }
  }
  for (std::size_t o = 0; o < offices.size(); ++o) {
    if (offices[o].name.empty()) offices[o].name = "office " + std::to_string(o);
  }
  const bool table_clusters = !offices.empty() && std::all_of(offices.begin(), offices.end(),
                                                               [](const OfficeProfile& p) { return p.cluster >= 0; });
  if (!table_clusters) {
    const std::vector<int> clusters = cluster_offices(offices, scenario, network.clusters);
    for (std::size_t o = 0; o < offices.size(); ++o) offices[o].cluster = clusters[o];
  }
  assign_districts(offices, network);
  // A table's districts set the network's count, as its clusters do.
  for (const auto& office : offices) network.districts = std::max(network.districts, office.district + 1);
  network.profiles = std::move(offices);
}

std::vector<OfficeProfile> office_profiles(const Scenario& scenario) {
  if (!scenario.network.profiles.empty()) {
    CASELOAD_ASSERT(scenario.network.profiles.size() == static_cast<std::size_t>(scenario.network.offices),
                    "one office profile per office");
    return scenario.network.profiles;
  }
  // Built in code: a variation or table there would need resolve_offices, or advisers and
  // the regime's units would disagree.
  CASELOAD_ASSERT(!scenario.network.variation.any() && scenario.network.table.empty(),
                  "call resolve_offices on a scenario with office variation or a table");
  std::vector<OfficeProfile> offices(static_cast<std::size_t>(scenario.network.offices), default_office(scenario));
  for (std::size_t o = 0; o < offices.size(); ++o) {
    offices[o].name = "office " + std::to_string(o);
    offices[o].cluster = 0;
  }
  assign_districts(offices, scenario.network);
  return offices;
}

}  // namespace caseload::model
