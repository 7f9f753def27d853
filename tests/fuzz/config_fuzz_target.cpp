// Fuzz target: any bytes as a scenario file and as a sweep file. Loading either ends in a
// result or a core::ConfigError; anything else escaping (another exception, a crash, a
// sanitizer report) is a bug. Included files resolve next to the shipped scenarios, so the
// corpus's includes still load.

#include <cstdint>
#include <string>
#include <string_view>

#include "sim/core/diagnostics.hpp"
#include "sim/io/config/scenario_loader.hpp"
#include "sim/io/config/sweep_loader.hpp"
#include "sim/regimes/registry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string scenarios = std::string(CASELOAD_SOURCE_DIR) + "/scenarios/";
  try {
    const caseload::io::LoadedScenario loaded =
        caseload::io::load_scenario_text(text, scenarios + "fuzz.yaml");
    caseload::core::Diagnostics problems;
    caseload::regimes::compile_regime(loaded.scenario, problems);
  } catch (const caseload::core::ConfigError&) {
    // Bad input, reported: what a mutant should mostly get.
  }
  try {
    caseload::io::load_sweep_text(text, scenarios + "sweeps/fuzz.yaml");
  } catch (const caseload::core::ConfigError&) {
  }
  return 0;
}
