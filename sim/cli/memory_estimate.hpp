#pragma once
// An up-front estimate of one run's peak memory from its scenario alone, and the cap a run,
// comparison or sweep is held to, so a size that cannot fit is refused before any work
// (issue 16 D10) instead of ending in std::bad_alloc minutes later.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/model/scenario.hpp"

namespace caseload::cli {

/// What a run holds, counted from the scenario, and the bytes that come to.
struct MemoryEstimate {
  double history_claims = 0.0;  ///< claims in the steady state's history, whence the initial stock
  double run_claims = 0.0;      ///< new claims over the run (warm-up and measured weeks)
  double advisers = 0.0;
  double employers = 0.0;
  double vacancies = 0.0;   ///< opened over the run
  double bytes = 0.0;
};

MemoryEstimate estimate_memory(const model::Scenario& scenario);

/// "1.2 GiB", "350 MiB".
std::string format_bytes(double bytes);

/// "about 1.2 GiB (claims in the history 5,200, claims in the run 1,100, advisers 40, ...)", for `check`.
std::string describe_estimate(const MemoryEstimate& estimate);

/// The machine's physical memory (sysconf), the default cap.
std::uint64_t physical_memory_bytes();

/// Bytes from "8G", "512M", "64K", "1T" or plain bytes (binary units); nullopt if not one.
std::optional<std::uint64_t> parse_memory_size(std::string_view text);

/// The cap for `option` (--max-memory's value; empty: physical memory). Throws
/// core::ConfigError naming the option when it is not a size.
std::uint64_t memory_cap(const std::string& option);

/// Throws core::ConfigError (exit 2) when `scenario`'s estimate exceeds `cap`, naming the
/// estimate, the cap and the keys that drive it; `what` names the scenario ("arm 2", a file).
void refuse_if_too_big(const model::Scenario& scenario, std::uint64_t cap, const std::string& what);

}  // namespace caseload::cli
