#pragma once
// Every indicator primitive, declared once and listed once. A primitive is one file in
// sim/regimes/ defining its maker, declared here, plus one row of primitive_table
// (primitives.cpp); the regime compiler, its "known: ..." message, the tests and the
// primitive table in docs/REGIMES.md all read that row.

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

std::unique_ptr<Indicator> make_job_entry(core::ConfigReader& reader, const IndicatorContext& context);
std::unique_ptr<Indicator> make_sustained_job(core::ConfigReader& reader, const IndicatorContext& context);
std::unique_ptr<Indicator> make_off_flow(core::ConfigReader& reader, const IndicatorContext& context);
std::unique_ptr<Indicator> make_process_count(core::ConfigReader& reader, const IndicatorContext& context);
std::unique_ptr<Indicator> make_attachment(core::ConfigReader& reader, const IndicatorContext& context);

/// One registered primitive: what selects it, what builds it, and its row of the docs table.
struct Primitive {
  std::string_view kind;    ///< the `kind:` that selects it
  IndicatorMaker make;
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
