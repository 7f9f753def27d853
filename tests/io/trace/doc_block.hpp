#pragma once
// Docs whose tables are generated from the code: a block between
//   <!-- generated: NAME ... -->   and   <!-- end generated: NAME -->
// must be what the code renders. With CASELOAD_REGENERATE_DOCS=1 the test rewrites the block
// instead (then review the diff and commit it with the code change).

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace caseload::testing {

inline void expect_doc_block(const std::string& doc, const std::string& name,
                             const std::string& rendered) {
  const std::string path = std::string(CASELOAD_SOURCE_DIR) + "/" + doc;
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  const std::string open = "<!-- generated: " + name;
  const std::string close = "<!-- end generated: " + name + " -->";
  const std::size_t open_at = text.find(open);
  ASSERT_NE(open_at, std::string::npos) << path << " has no '" << open << "' line";
  const std::size_t begin = text.find('\n', open_at) + 1;
  const std::size_t end = text.find(close, begin);
  ASSERT_NE(end, std::string::npos) << path << " has no '" << close << "' line";
  if (std::getenv("CASELOAD_REGENERATE_DOCS") != nullptr) {
    text.replace(begin, end - begin, rendered);
    std::ofstream(path) << text;
    GTEST_SKIP() << "regenerated '" << name << "' in " << path;
  }
  EXPECT_EQ(text.substr(begin, end - begin), rendered)
      << doc << "'s '" << name << "' block differs from the code. If the code is right, run this "
      << "test with CASELOAD_REGENERATE_DOCS=1 and review the diff.";
}

}  // namespace caseload::testing
