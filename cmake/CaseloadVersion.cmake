# Records the version and the git commit the binary was built from, for `--version` and
# for every trace's provenance. Re-run at configure time; a dirty tree is marked.
find_package(Git QUIET)
set(CASELOAD_GIT_COMMIT "unknown")
if(GIT_FOUND AND EXISTS ${PROJECT_SOURCE_DIR}/.git)
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short=12 HEAD
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} OUTPUT_VARIABLE commit
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
  if(rc EQUAL 0)
    set(CASELOAD_GIT_COMMIT ${commit})
  endif()
endif()
configure_file(${PROJECT_SOURCE_DIR}/sim/core/version.cpp.in
  ${PROJECT_BINARY_DIR}/generated/version.cpp @ONLY)
