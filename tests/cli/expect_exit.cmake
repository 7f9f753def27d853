# Runs CASELOAD with ARGS ('|'-separated) and fails unless it exits with EXPECTED_EXIT and,
# when given, its stderr matches the regular expression EXPECTED_STDERR. Used by the CTest
# entries that cover the real executable's exit codes.
string(REPLACE "|" ";" arguments "${ARGS}")
execute_process(COMMAND "${CASELOAD}" ${arguments}
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(NOT "${result}" STREQUAL "${EXPECTED_EXIT}")
  message(FATAL_ERROR "exit ${result}, expected ${EXPECTED_EXIT}\nstdout:\n${output}\nstderr:\n${errors}")
endif()
if(DEFINED EXPECTED_STDERR AND NOT errors MATCHES "${EXPECTED_STDERR}")
  message(FATAL_ERROR "stderr does not match '${EXPECTED_STDERR}':\n${errors}")
endif()
if(DEFINED EXPECTED_STDOUT AND NOT output MATCHES "${EXPECTED_STDOUT}")
  message(FATAL_ERROR "stdout does not match '${EXPECTED_STDOUT}':\n${output}")
endif()
