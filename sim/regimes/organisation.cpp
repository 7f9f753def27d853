#include "sim/regimes/organisation.hpp"

namespace caseload::regimes {

Organisation::Organisation(const model::OfficeNetwork& network, Level level) {
  // Advisers are created office by office, and teams of advisers_per_team within an office
  // (world_setup.cpp); units here follow the same order.
  const int teams_per_office =
      (network.advisers_per_office + network.advisers_per_team - 1) / network.advisers_per_team;
  for (int office = 0; office < network.offices; ++office) {
    for (int a = 0; a < network.advisers_per_office; ++a) {
      std::uint32_t unit = 0;
      switch (level) {
        case Level::Adviser: unit = static_cast<std::uint32_t>(unit_.size()); break;
        case Level::Team:
          unit = static_cast<std::uint32_t>(office * teams_per_office + a / network.advisers_per_team);
          break;
        case Level::Office: unit = static_cast<std::uint32_t>(office); break;
      }
      if (size_.size() <= unit) size_.resize(unit + 1, 0);
      size_[unit] += 1;
      unit_.push_back(unit);
    }
  }
}

}  // namespace caseload::regimes
