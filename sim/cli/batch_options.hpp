#pragma once
// The usage rules the options `compare` and `sweep` share (-j, -o, --resume, --force, --quiet,
// --traces) obey together, and the memory check of every arm or point; cli.cpp declares the options themselves, in one place for both.

#include <string>
#include <vector>

#include "sim/cli/batch_runner.hpp"

namespace caseload::cli {

/// Usage problems among the options (--resume without -o, ...); empty when there are none.
std::string check_batch_options(const BatchCommandOptions& options);

/// Throws core::ConfigError (exit 2) before any run starts when one arm's or point's
/// estimated peak memory exceeds --max-memory (`max_memory`; empty: physical memory).
/// `point_word` is "arm" or "point"; points that did not load are left to fail alone.
void refuse_points_too_big(const std::vector<PreparedPoint>& points, const std::string& point_word,
                           const std::string& max_memory);

}  // namespace caseload::cli
