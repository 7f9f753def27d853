#pragma once
// The one definition of the attributes on a trace's root (provenance) and on each variant
// group: name, stored type, units, meaning. The writer sets them only through
// set_declared_attribute, `caseload info --schema` prints them and docs/TRACE_FORMAT.md's
// attribute tables are generated from them.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "sim/core/assert.hpp"
#include "sim/io/trace/trace_file.hpp"

namespace caseload::io {

/// How TraceFile stores a value (docs/TRACE_FORMAT.md, "Attributes").
enum class AttributeType : std::uint8_t { String, Int64, UInt64, Float64, Bool };

struct AttributeSpec {
  std::string_view name;
  AttributeType type;
  std::string_view units;        ///< empty for codes, text and dimensionless numbers
  std::string_view description;  ///< Markdown
};

/// On `/`, in the order written (AtomicOutput writes the first two, write_run_header the rest).
std::span<const AttributeSpec> root_attributes();
/// On `/treatment` and `/counterfactual`, in the order written.
std::span<const AttributeSpec> variant_attributes();

/// "string", "int64", "uint64", "float64", "uint8": the names the docs and numpy use.
std::string_view name_of(AttributeType type);

/// A table of `attributes` for docs/TRACE_FORMAT.md.
std::string attributes_markdown(std::span<const AttributeSpec> attributes);

/// The type TraceFile::set_attribute stores a Value as.
template <class Value>
constexpr AttributeType attribute_type_of() {
  if constexpr (std::is_same_v<Value, bool>) {
    return AttributeType::Bool;
  } else if constexpr (std::is_floating_point_v<Value>) {
    return AttributeType::Float64;
  } else if constexpr (std::is_integral_v<Value>) {
    return std::is_signed_v<Value> ? AttributeType::Int64 : AttributeType::UInt64;
  } else {
    return AttributeType::String;
  }
}

/// The spec of `name` in `attributes`; nullptr if it has none.
const AttributeSpec* find_attribute(std::span<const AttributeSpec> attributes,
                                    std::string_view name);

/// Sets attribute `name` of `object_path`; a bug (assertion) unless `attributes` declares it
/// with the type Value is stored as.
template <class Value>
void set_declared_attribute(TraceFile& file, std::string_view object_path,
                            std::span<const AttributeSpec> attributes, std::string_view name,
                            const Value& value) {
  const AttributeSpec* spec = find_attribute(attributes, name);
  CASELOAD_ASSERT(spec != nullptr, "an attribute that attribute_schema.cpp does not declare");
  CASELOAD_ASSERT(spec->type == attribute_type_of<std::decay_t<Value>>(),
                  "an attribute of another type than attribute_schema.cpp declares");
  file.set_attribute(object_path, name, value);
}

}  // namespace caseload::io
