// emit_yaml: a scenario tree back to YAML text, for the resolved scenario kept with each run.

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>
#include <yaml-cpp/null.h>

#include "sim/core/assert.hpp"
#include "sim/io/config/yaml_document.hpp"

namespace caseload::io {

namespace {

void emit_node(YAML::Emitter& out, const core::ConfigNode& node) {
  switch (node.kind()) {
    case core::NodeKind::Null:
      out << YAML::Null;
      break;
    case core::NodeKind::Scalar:
      // Quoted in, quoted out: "3" must stay text. Plain text is written plain where YAML
      // allows and quoted by the emitter where it does not, so the text always survives.
      if (node.quoted()) out << YAML::DoubleQuoted;
      out << node.text();
      break;
    case core::NodeKind::Map:
      out << YAML::BeginMap;
      for (const auto& entry : node.entries()) {
        out << YAML::Key << entry.key << YAML::Value;
        emit_node(out, entry.value);
      }
      out << YAML::EndMap;
      break;
    case core::NodeKind::Sequence:
      out << YAML::BeginSeq;
      for (const auto& item : node.items()) emit_node(out, item);
      out << YAML::EndSeq;
      break;
  }
}

}  // namespace

std::string emit_yaml(const core::ConfigNode& root) {
  YAML::Emitter out;
  emit_node(out, root);
  CASELOAD_ASSERT(out.good(), "YAML emitter rejected a scenario tree");
  std::string text = out.c_str();
  text += '\n';
  return text;
}

}  // namespace caseload::io
