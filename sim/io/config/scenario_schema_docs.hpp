#pragma once
// The scenario reference tables of docs/SCENARIOS.md, rendered from the tables the loader
// reads (model::group_attributes, model::action_table), so a test can keep docs and schema equal.

#include <string>

namespace caseload::io {

/// `groups.<name>` keys: key, default, allowed values, meaning.
std::string group_table_markdown();

/// The actions (name, whether evidence, what it does), then the keys of `actions.<name>`.
std::string action_table_markdown();

}  // namespace caseload::io
