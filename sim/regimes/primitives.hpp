#pragma once
// Every indicator primitive, declared once and listed once. A primitive is one file in
// sim/regimes/ defining its two steps, declared here: read (its keys into its own settings
// struct, once, when the scenario loads) and build (an indicator for one variant from those
// settings), plus one row of primitive_table (primitives.cpp); the regime compiler, its
// "known: ..." message, the tests and the primitive table in docs/REGIMES.md all read that row.

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

std::unique_ptr<const IndicatorSettings> read_job_entry(core::ConfigReader& reader, const IndicatorContext& context);
std::unique_ptr<Indicator> build_job_entry(const IndicatorSettings& settings, const IndicatorContext& context);
std::unique_ptr<const IndicatorSettings> read_sustained_job(core::ConfigReader& reader,
                                                            const IndicatorContext& context);
std::unique_ptr<Indicator> build_sustained_job(const IndicatorSettings& settings, const IndicatorContext& context);
std::unique_ptr<const IndicatorSettings> read_off_flow(core::ConfigReader& reader, const IndicatorContext& context);
std::unique_ptr<Indicator> build_off_flow(const IndicatorSettings& settings, const IndicatorContext& context);
std::unique_ptr<const IndicatorSettings> read_process_count(core::ConfigReader& reader,
                                                            const IndicatorContext& context);
std::unique_ptr<Indicator> build_process_count(const IndicatorSettings& settings, const IndicatorContext& context);
std::unique_ptr<const IndicatorSettings> read_attachment(core::ConfigReader& reader,
                                                         const IndicatorContext& context);
std::unique_ptr<Indicator> build_attachment(const IndicatorSettings& settings, const IndicatorContext& context);

/// Both steps at once, for tests that build one primitive straight from a YAML map.
std::unique_ptr<Indicator> make_job_entry(core::ConfigReader& reader, const IndicatorContext& context);
std::unique_ptr<Indicator> make_sustained_job(core::ConfigReader& reader, const IndicatorContext& context);
std::unique_ptr<Indicator> make_attachment(core::ConfigReader& reader, const IndicatorContext& context);

/// One registered primitive: what selects it, its read and build steps, and its row of the docs table.
struct Primitive {
  std::string_view kind;    ///< the `kind:` that selects it
  IndicatorReader read;
  IndicatorBuilder build;
  std::string_view counts;  ///< docs: what is counted
  std::string_view keys;    ///< docs: its own YAML keys, with defaults
  std::string_view worth;   ///< docs: what a candidate action is worth in the plan
};

/// The registered primitives, in the order messages and docs list them.
std::span<const Primitive> primitive_table();

/// The primitive selected by `kind`, or nullptr.
const Primitive* find_primitive(std::string_view kind);

/// The primitive table of docs/REGIMES.md, as Markdown (a test keeps the two equal).
std::string primitive_table_markdown();

}  // namespace caseload::regimes
