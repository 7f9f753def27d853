// The `caseload` executable: everything lives in run_cli, so tests can run it in-process.

#include <iostream>

#include "sim/cli/cli.hpp"
#include "sim/cli/interrupt.hpp"

int main(int argc, char** argv) {
  caseload::cli::install_interrupt_handlers();
  return caseload::cli::run_cli(argc, argv, std::cout, std::cerr);
}
