#pragma once
// What `caseload info` prints for a summary file of `compare` or `sweep`: what the experiment
// was (name, file, arms or parameters, replications, seed), whether the file is complete, and
// each table's rows and columns, with the files beside it that hold the rest.

#include <filesystem>
#include <string>

#include "sim/io/trace/result_file_reader.hpp"

namespace caseload::cli {

std::string format_result_file_info(const std::filesystem::path& path,
                                    const io::ResultFileSummary& summary);

}  // namespace caseload::cli
