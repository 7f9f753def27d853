#pragma once
// Where the sources and the caseload binary are, for tests that read scenario files or start
// the binary. CMake includes this header into every test file (-include) and generates the
// definitions per build (tests/CMakeLists.txt), so no test object embeds a checkout's folder.
// Not caseload::testing: declared in every test file, that would hide GoogleTest's ::testing
// from code in namespace caseload.

namespace caseload::test_paths {

const char* source_dir();
const char* caseload_binary();

}  // namespace caseload::test_paths

#define CASELOAD_SOURCE_DIR (::caseload::test_paths::source_dir())
#define CASELOAD_BINARY (::caseload::test_paths::caseload_binary())
