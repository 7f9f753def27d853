#include "sim/io/config/scenario_schema_docs.hpp"

#include <span>

#include <fmt/format.h>

#include "sim/model/action.hpp"
#include "sim/model/group_attributes.hpp"

namespace caseload::io {

namespace {

// The default as the resolved YAML writes it, and the range as a load error states it.
template <typename Owner>
std::string default_of(const model::Field<Owner>& field, Owner defaults) {
  if (field.required) return "**required**";
  if (field.flag != nullptr) return field.flag(defaults) ? "true" : "false";
  if (field.integer != nullptr) return fmt::format("{}", field.integer(defaults));
  return fmt::format("{}", field.number(defaults));
}

template <typename Owner>
std::string allowed_of(const model::Field<Owner>& field) {
  if (field.flag != nullptr) return "true or false";
  const std::string range = field.bounds.describe();
  return field.integer != nullptr ? "a whole" + range.substr(1) : range;
}

}  // namespace

std::string group_table_markdown() {
  std::string out = "| key | default | allowed | meaning |\n|---|---|---|---|\n";
  for (const auto& field : model::group_attributes) {
    out += fmt::format("| `{}` | {} | {} | {} |\n", field.key, default_of(field, model::CustomerGroup{}),
                       allowed_of(field), field.doc);
  }
  return out;
}

std::string action_table_markdown() {
  std::string out = "| action | evidence of help | what it does |\n|---|---|---|\n";
  for (const auto& action : model::action_table) {
    out += fmt::format("| `{}` | {} | {} |\n", action.name, action.is_evidence ? "yes" : "no", action.summary);
  }
  out += "\n| key | default | allowed | meaning |\n|---|---|---|---|\n";
  for (const auto& action : model::action_table) {
    for (const auto& field : action.parameters) {
      out += fmt::format("| `{}.{}` | {} | {} | {} |\n", action.name, field.key,
                         default_of(field, model::ActionCatalogue{}), allowed_of(field), field.doc);
    }
  }
  return out;
}

}  // namespace caseload::io
