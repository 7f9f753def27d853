# caseload_module(name SOURCES ... [DEPS ...] [PRIVATE_DEPS ...])
# One static library per module under sim/, named caseload_<name> with alias caseload::<name>.
# Third-party libraries that only one module may use go in PRIVATE_DEPS, so an include of
# them from any other module fails to compile.

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

function(caseload_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(caseload_${name} STATIC ${ARG_SOURCES})
  add_library(caseload::${name} ALIAS caseload_${name})
  target_include_directories(caseload_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(caseload_${name}
    PUBLIC ${ARG_DEPS} caseload::build_flags
    PRIVATE ${ARG_PRIVATE_DEPS} caseload::warnings)
endfunction()

# caseload_test(name SOURCES ... DEPS ...): one GoogleTest executable per module.
function(caseload_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(test_${name} ${ARG_SOURCES})
  target_link_libraries(test_${name} PRIVATE ${ARG_DEPS} GTest::gmock GTest::gtest_main
    caseload::warnings)
  target_compile_definitions(test_${name} PRIVATE
    CASELOAD_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(test_${name} DISCOVERY_MODE PRE_TEST
    PROPERTIES ENVIRONMENT "CASELOAD_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()

# caseload_benchmark(name SOURCES ... DEPS ...): one Google Benchmark executable per module.
function(caseload_benchmark name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(bench_${name} ${ARG_SOURCES})
  target_link_libraries(bench_${name} PRIVATE ${ARG_DEPS} benchmark::benchmark_main
    caseload::warnings)
endfunction()
