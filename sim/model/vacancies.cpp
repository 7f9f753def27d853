// Vacancies: arrival per employer, notification to the office (more likely with goodwill), and
// closing when filled by a claimant, filled from the open market, or at the end of the open
// period.

#include <algorithm>

#include <boost/random/exponential_distribution.hpp>

#include "sim/model/event_kind.hpp"
#include "sim/model/streams.hpp"
#include "sim/model/world.hpp"

namespace caseload::model {

void handle_vacancy_open(Market& market, Scheduler& scheduler, const Scenario& scenario,
                         EmployerId employer) {
  const auto& model = scenario.employers;
  const std::uint64_t seed = scenario.run.seed;
  const std::uint32_t id = index(employer);
  const std::uint32_t number = market.employers.vacancies_opened[id]++;

  auto notification = stream(seed, EntityKind::Employer, id, Purpose::Notification, number);
  const double p_notify = model.notify_base + model.notify_goodwill * market.employers.goodwill[id];
  const bool notified = notification.uniform01() < p_notify;
  // Drawn after the notification, so the demanding share leaves every other draw alone.
  const bool demanding = model.demanding_share > 0.0 && notification.uniform01() < model.demanding_share;
  const VacancyId vacancy = market.vacancies.add(employer, notified, demanding, scheduler.now());
  market.pools[index(market.employers.office[id])].add(vacancy, market.vacancies);

  // The open market fills it after an exponential time, unless the open period ends first.
  const double open_days = model.open_period_weeks * core::days_per_week;
  double close_after = open_days;
  if (model.external_fill_per_week > 0.0) {  // a zero rate means the open market never fills it
    auto external = stream(seed, EntityKind::Employer, id, Purpose::ExternalFill, number);
    boost::random::exponential_distribution<double> fill(model.external_fill_per_week / core::days_per_week);
    close_after = std::min(fill(external), open_days);
  }
  scheduler.schedule(scheduler.now() + close_after, code(EventKind::VacancyClose), index(vacancy),
                           close_after < open_days ? 1u : 0u);

  auto arrival = stream(seed, EntityKind::Employer, id, Purpose::VacancyArrival, number + 1);
  boost::random::exponential_distribution<double> gap(market.employers.vacancies_per_week[id] / core::days_per_week);
  scheduler.schedule(scheduler.now() + gap(arrival), code(EventKind::VacancyOpen), id);
}

float mean_goodwill(const Market& market, OfficeId office) {
  const auto& employers = market.office_employers[index(office)];
  if (employers.empty()) return 0.0f;
  double sum = 0.0;
  for (EmployerId employer : employers) sum += market.employers.goodwill[index(employer)];
  return static_cast<float>(sum / static_cast<double>(employers.size()));
}

void close_vacancy(Market& market, VacancyId vacancy, VacancyState how, double now) {
  const auto row = index(vacancy);
  if (market.vacancies.state[row] != VacancyState::Open) return;
  market.vacancies.state[row] = how;
  market.vacancies.closed[row] = now;
  const EmployerId employer = market.vacancies.employer[row];
  market.pools[index(market.employers.office[index(employer)])].remove(vacancy, market.vacancies);
}

void handle_vacancy_close(Market& market, VacancyId vacancy, bool filled_externally, double now) {
  close_vacancy(market, vacancy, filled_externally ? VacancyState::FilledExternally : VacancyState::Expired, now);
}

}  // namespace caseload::model
