# caseload_module(name SOURCES ... [DEPS ...] [PRIVATE_DEPS ...] [NOT_UNITY ...])
# One static library per module under sim/, named caseload_<name> with alias caseload::<name>.
# Third-party libraries that only one module may use go in PRIVATE_DEPS, so an include of
# them from any other module fails to compile. NOT_UNITY lists sources compiled on their own
# in a unity build, because a name in their anonymous namespace is also defined in another.

add_library(caseload_warnings INTERFACE)
target_compile_options(caseload_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  $<$<BOOL:${CASELOAD_WERROR}>:-Werror>)
add_library(caseload::warnings ALIAS caseload_warnings)

add_library(caseload_build_flags INTERFACE)
if(CASELOAD_SANITIZE)
  target_compile_options(caseload_build_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(caseload_build_flags INTERFACE -fsanitize=address,undefined)
endif()
if(CASELOAD_ASSERTS)
  target_compile_definitions(caseload_build_flags INTERFACE CASELOAD_ENABLE_ASSERTS=1)
endif()
add_library(caseload::build_flags ALIAS caseload_build_flags)

# Unity builds: a module's sources in batches of up to 8 per file, so shared headers (Boost,
# GoogleTest, CLI11) are parsed once per batch rather than once per source.
function(caseload_unity target)
  set_target_properties(${target} PROPERTIES UNITY_BUILD ${CASELOAD_UNITY}
    UNITY_BUILD_BATCH_SIZE 8)
  if(ARGN)
    set_source_files_properties(${ARGN} TARGET_DIRECTORY ${target}
      PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  endif()
endfunction()

function(caseload_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS;NOT_UNITY" ${ARGN})
  add_library(caseload_${name} STATIC ${ARG_SOURCES})
  caseload_unity(caseload_${name} ${ARG_NOT_UNITY})
  add_library(caseload::${name} ALIAS caseload_${name})
  target_include_directories(caseload_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(caseload_${name}
    PUBLIC ${ARG_DEPS} caseload::build_flags
    PRIVATE ${ARG_PRIVATE_DEPS} caseload::warnings)
endfunction()

# caseload_test(name SOURCES ... DEPS ...): one GoogleTest executable per module; its tests
# are labelled with the module's name (ctest -L scenario). Not a unity build: test files
# repeat helper and fixture names freely (smoke(), load), as files of their own may.
# CASELOAD_SOURCE_DIR and CASELOAD_BINARY come from tests/test_paths.hpp, included into every
# test file, rather than from -D with absolute paths: those would differ between checkouts and
# keep ccache from sharing test objects between them.
function(caseload_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(test_${name} ${ARG_SOURCES})
  target_link_libraries(test_${name} PRIVATE ${ARG_DEPS} caseload_test_paths GTest::gmock
    GTest::gtest_main caseload::warnings)
  target_compile_options(test_${name} PRIVATE -include tests/test_paths.hpp)
  gtest_discover_tests(test_${name} DISCOVERY_MODE PRE_TEST
    PROPERTIES ENVIRONMENT "CASELOAD_SOURCE_DIR=${PROJECT_SOURCE_DIR}" LABELS ${name})
endfunction()

# caseload_benchmark(name SOURCES ... DEPS ...): one Google Benchmark executable per module.
function(caseload_benchmark name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(bench_${name} ${ARG_SOURCES})
  target_link_libraries(bench_${name} PRIVATE ${ARG_DEPS} benchmark::benchmark_main
    caseload::warnings)
endfunction()
