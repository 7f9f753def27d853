#include "sim/regimes/organisation.hpp"

#include <algorithm>

namespace caseload::regimes {

Organisation::Organisation(const model::OfficeNetwork& network,
                           std::span<const std::uint32_t> caseworkers_by_provider, Level level)
    : level_(level) {
  // Advisers are created office by office, and teams of advisers_per_team within an office
  // (world_setup.cpp); units here follow the same order. Offices may differ in size.
  std::uint32_t first_team = 0;
  for (int office = 0; office < network.offices; ++office) {
    const int advisers = network.advisers_at(office);
    for (int a = 0; a < advisers; ++a) {
      std::uint32_t unit = 0;
      switch (level) {
        case Level::Adviser: unit = static_cast<std::uint32_t>(unit_.size()); break;
        case Level::Team:
          unit = first_team + static_cast<std::uint32_t>(a / network.advisers_per_team);
          break;
        case Level::Office:
        case Level::Provider: unit = static_cast<std::uint32_t>(office); break;
        case Level::District: unit = static_cast<std::uint32_t>(std::max(network.district_of(office), 0)); break;
        case Level::Nation: unit = 0; break;
      }
      if (size_.size() <= unit) size_.resize(unit + 1, 0);
      size_[unit] += 1;
      unit_.push_back(unit);
      // A district's or the nation's office is its first.
      office_of_unit_.resize(size_.size(), static_cast<std::uint32_t>(office));
    }
    first_team += static_cast<std::uint32_t>((advisers + network.advisers_per_team - 1) / network.advisers_per_team);
  }
  // Provider caseworkers follow, provider by provider (world_setup.cpp).
  first_caseworker_ = first_caseworker(network);
  const auto first_provider_unit = static_cast<std::uint32_t>(size_.size());
  first_provider_unit_ = first_provider_unit;
  // Providers are numbered office * per_office + p (world_setup.cpp).
  const auto providers_per_office =
      std::max<std::uint32_t>(1, static_cast<std::uint32_t>(caseworkers_by_provider.size()) /
                                     static_cast<std::uint32_t>(std::max(network.offices, 1)));
  for (std::uint32_t provider = 0; provider < caseworkers_by_provider.size(); ++provider) {
    for (std::uint32_t c = 0; c < caseworkers_by_provider[provider]; ++c) {
      const std::uint32_t unit = level == Level::Adviser ? static_cast<std::uint32_t>(size_.size())
                                                         : first_provider_unit + provider;
      if (size_.size() <= unit) size_.resize(unit + 1, 0);
      size_[unit] += 1;
      unit_.push_back(unit);
      office_of_unit_.resize(size_.size(), provider / providers_per_office);
    }
  }
}

}  // namespace caseload::regimes
