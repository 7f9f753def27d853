// The event loop allocates nothing per event in steady state: doubling the measured period
// adds events by the hundred thousand but allocations only for amortised growth (about 45
// per-person columns, the logs, caseload lists and the event calendar's day buckets). Both runs
// are longer than the calendar's 1,024-day ring, so its first-use growth is in both.

#include <atomic>
#include <cstdlib>
#include <new>

#include <gtest/gtest.h>

#include "tests/model/fixtures.hpp"

namespace {
std::atomic<std::uint64_t> allocations{0};
}  // namespace

// Counts every allocation in this test binary (replacing the global operators is allowed).
// GCC 12 flags free() inside a replaced operator delete as mismatched; here it is the match
// of the malloc in the replaced operator new.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop

namespace caseload::model {
namespace {

struct Counted {
  std::uint64_t allocations;
  std::uint64_t events;
};

Counted run_for(double weeks) {
  Scenario scenario = fixtures::small_scenario(5);
  scenario.run.weeks = weeks;
  scenario.counterfactual.enabled = false;
  const std::uint64_t before = allocations.load();
  const auto result = fixtures::run(scenario);
  return {allocations.load() - before, result.treatment.events_handled};
}

TEST(Allocation, NonePerEventInSteadyState) {
  const Counted short_run = run_for(156);
  const Counted long_run = run_for(312);
  const double extra_events = static_cast<double>(long_run.events - short_run.events);
  const double extra_allocations = static_cast<double>(long_run.allocations) -
                                   static_cast<double>(short_run.allocations);
  ASSERT_GT(extra_events, 100000.0);
  // Measured: 592 extra allocations for 164,957 extra events (0.0036 each); one allocation
  // per event would be 1.
  EXPECT_LT(extra_allocations / extra_events, 0.01)
      << extra_allocations << " extra allocations for " << extra_events << " extra events";
}

}  // namespace
}  // namespace caseload::model
