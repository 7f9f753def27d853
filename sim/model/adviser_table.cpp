#include "sim/model/adviser_table.hpp"

namespace caseload::model {

AdviserId AdviserTable::add(const NewAdviser& init) {
  const auto id = static_cast<AdviserId>(size());
  office.push_back(init.office);
  team.push_back(init.team);
  w_client.push_back(init.w_client);
  effectiveness.push_back(init.effectiveness);
  is_provider.push_back(init.is_provider ? 1 : 0);
  provider.push_back(init.provider);
  fund_spent.push_back(0.0);
  caseload.emplace_back();
  this_week.emplace_back();
  measured.emplace_back();
  measured_weeks.push_back(0.0);
  measured_caseload.push_back(0.0);
  return id;
}

}  // namespace caseload::model
