#pragma once
// Ctrl-C and SIGTERM as a request, not a kill: the first signal sets a flag that long work
// polls so it can stop cleanly (exit 130); a second signal ends the process at once.

namespace caseload::cli {

/// Installs the SIGINT and SIGTERM handlers. Called once, by main.
void install_interrupt_handlers();

/// True once SIGINT or SIGTERM has arrived. Safe to call from any thread.
bool interrupt_requested();

/// Forgets an earlier request (tests; a process that handles one and carries on).
void clear_interrupt_request();

}  // namespace caseload::cli
