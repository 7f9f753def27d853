#pragma once
// CASELOAD_ASSERT guards invariants that only a bug can break. It aborts with file and line in
// debug and CI builds (CASELOAD_ENABLE_ASSERTS) and compiles to nothing in release builds.

#include <cstdio>
#include <cstdlib>

#if defined(CASELOAD_ENABLE_ASSERTS)
#define CASELOAD_ASSERT(condition, message)                                              \
  do {                                                                                   \
    if (!(condition)) {                                                                  \
      std::fprintf(stderr, "%s:%d: internal error: %s (%s)\n", __FILE__, __LINE__,       \
                   message, #condition);                                                 \
      std::abort();                                                                      \
    }                                                                                    \
  } while (false)
#else
#define CASELOAD_ASSERT(condition, message) \
  do {                                      \
    (void)sizeof(condition);                \
  } while (false)
#endif
