# Compiles through ccache when CASELOAD_CCACHE is on and ccache is installed, unless a launcher
# was given on the command line. Objects are shared between checkouts in different folders when
# CCACHE_BASEDIR is the checkout and CCACHE_NOHASHDIR is set (scripts/test sets both): every
# path on the compile line is then relative, and -ffile-prefix-map below makes __FILE__ (in
# assertions, GoogleTest messages and unity files) and debug info relative too.
if(CASELOAD_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  find_program(CASELOAD_CCACHE_PROGRAM ccache)
  if(CASELOAD_CCACHE_PROGRAM)
    set(CMAKE_C_COMPILER_LAUNCHER ${CASELOAD_CCACHE_PROGRAM})
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CASELOAD_CCACHE_PROGRAM})
  endif()
endif()
add_compile_options(-ffile-prefix-map=${PROJECT_SOURCE_DIR}/=)
