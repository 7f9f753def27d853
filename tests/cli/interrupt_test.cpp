#include "sim/cli/interrupt.hpp"

#include <csignal>

#include <gtest/gtest.h>

namespace caseload::cli {
namespace {

TEST(Interrupt, NoRequestUntilASignalArrives) {
  clear_interrupt_request();
  EXPECT_FALSE(interrupt_requested());
}

TEST(Interrupt, SigtermIsARequestNotAKill) {
  install_interrupt_handlers();
  std::raise(SIGTERM);
  EXPECT_TRUE(interrupt_requested());
  clear_interrupt_request();
  EXPECT_FALSE(interrupt_requested());
  std::signal(SIGTERM, SIG_DFL);
  std::signal(SIGINT, SIG_DFL);
}

TEST(Interrupt, SecondSignalFallsBackToTheDefault) {
  // The handler is one-shot: after the first signal, the next one would end the process.
  install_interrupt_handlers();
  std::raise(SIGINT);
  EXPECT_TRUE(interrupt_requested());
  EXPECT_EQ(std::signal(SIGINT, SIG_DFL), SIG_DFL);
  clear_interrupt_request();
  std::signal(SIGTERM, SIG_DFL);
}

}  // namespace
}  // namespace caseload::cli
