#include "sim/io/config/runnable_scenario.hpp"

#include "sim/core/diagnostics.hpp"
#include "sim/regimes/registry.hpp"

namespace caseload::io {

RunnableScenario load_runnable(const std::filesystem::path& file,
                               const std::vector<std::string>& overrides,
                               std::optional<std::uint64_t> seed) {
  RunnableScenario runnable{load_scenario(file, overrides, seed), {}};
  core::Diagnostics problems;
  runnable.regime = regimes::compile_regime(runnable.loaded.scenario, problems);
  problems.throw_if_any();
  return runnable;
}

}  // namespace caseload::io
