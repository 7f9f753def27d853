#pragma once
// Who counts for whom: the unit (adviser, team, office, district or the nation) at which a
// regime counts outcomes, derived from the office network in the order the model creates
// advisers.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/model/ids.hpp"
#include "sim/model/provider_staffing.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::regimes {

/// Provider caseworkers (after the office advisers) are counted per provider at every level but
/// adviser; `provider` counts jobcentre advisers per office and caseworkers per provider. The
/// order is model::unit_level_names' (the trace's), not the hierarchy's: see `rank`.
enum class Level : std::uint8_t { Adviser, Team, Office, Provider, District, Nation };

inline const std::vector<std::string> level_names = {"adviser", "team", "office", "provider", "district", "nation"};

/// Height in the management hierarchy: adviser 0, team 1, office and provider 2, district 3,
/// nation 4. A cascade runs from higher to lower.
inline int rank(Level level) {
  constexpr int ranks[] = {0, 1, 2, 2, 3, 4};
  return ranks[static_cast<int>(level)];
}

/// The first provider caseworker's adviser id: caseworkers come after every office adviser.
inline std::uint32_t first_caseworker(const model::OfficeNetwork& network) {
  return static_cast<std::uint32_t>(network.total_advisers());
}

class Organisation {
 public:
  /// `caseworkers_by_provider`: each provider's headcount, as model::provider_staffing gives it.
  Organisation(const model::OfficeNetwork& network, std::span<const std::uint32_t> caseworkers_by_provider,
               Level level);
  /// The scenario's network and providers.
  Organisation(const model::Scenario& scenario, Level level)
      : Organisation(scenario.network, model::provider_staffing(scenario), level) {}
  /// Without providers.
  Organisation(const model::OfficeNetwork& network, Level level) : Organisation(network, {}, level) {}
  std::uint32_t unit_of(model::AdviserId adviser) const { return unit_[model::index(adviser)]; }
  std::uint32_t unit_size(std::uint32_t unit) const { return size_[unit]; }
  std::uint32_t units() const { return static_cast<std::uint32_t>(size_.size()); }
  std::uint32_t advisers() const { return static_cast<std::uint32_t>(unit_.size()); }
  /// An adviser's share of the credit its unit earns (1 at adviser level).
  double share(model::AdviserId adviser) const { return 1.0 / size_[unit_of(adviser)]; }
  /// Whether an adviser is a provider's caseworker (they come after every office adviser).
  bool is_caseworker(model::AdviserId adviser) const { return model::index(adviser) >= first_caseworker_; }
  /// What kind of unit this is: jobcentre units are of the regime's level (offices under
  /// `provider`), a provider's caseworkers are one `provider` unit above adviser level.
  Level level_of(std::uint32_t unit) const {
    if (level_ == Level::Adviser) return Level::Adviser;
    if (unit >= first_provider_unit_) return Level::Provider;
    return level_ == Level::Provider ? Level::Office : level_;
  }
  /// The unit's index among units of its kind: adviser id, team (office * teams per office +
  /// team), office, or provider (office * providers per office + provider).
  std::uint32_t index_in_level(std::uint32_t unit) const {
    return level_of(unit) == Level::Provider && level_ != Level::Adviser ? unit - first_provider_unit_ : unit;
  }
  /// The office a unit belongs to (a provider's is the office it serves).
  std::uint32_t office_of(std::uint32_t unit) const { return office_of_unit_[unit]; }

 private:
  Level level_ = Level::Adviser;
  std::uint32_t first_caseworker_ = 0;
  std::uint32_t first_provider_unit_ = 0;
  std::vector<std::uint32_t> unit_;
  std::vector<std::uint32_t> size_;
  std::vector<std::uint32_t> office_of_unit_;
};

}  // namespace caseload::regimes
