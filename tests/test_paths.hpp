#pragma once
// Where the sources and the caseload binary are, for tests that read scenario files or start
// the binary. CMake includes this header into every test file (-include) and generates the
// definitions per build (tests/CMakeLists.txt), so no test object embeds a checkout's folder.

namespace caseload::testing {

const char* source_dir();
const char* caseload_binary();

}  // namespace caseload::testing

#define CASELOAD_SOURCE_DIR (::caseload::testing::source_dir())
#define CASELOAD_BINARY (::caseload::testing::caseload_binary())
