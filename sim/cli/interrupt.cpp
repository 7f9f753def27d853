#include "sim/cli/interrupt.hpp"

#include <atomic>
#include <csignal>

#include <signal.h>

namespace caseload::cli {

namespace {

// Lock-free, so touching it from a signal handler is async-signal-safe.
std::atomic<bool> requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void note_interrupt(int /*signal*/) { requested.store(true); }

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = note_interrupt;
  sigemptyset(&action.sa_mask);
  // One-shot: the handler reverts to the default after the first signal, so a second Ctrl-C
  // stops a run that is not (yet) polling the flag.
  action.sa_flags = static_cast<int>(SA_RESETHAND);  // the macro is an unsigned constant
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool interrupt_requested() { return requested.load(); }

void clear_interrupt_request() { requested.store(false); }

}  // namespace caseload::cli
