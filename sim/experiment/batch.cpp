#include "sim/experiment/batch.hpp"

#include <chrono>
#include <exception>
#include <mutex>

#include <fmt/format.h>

#include "sim/core/atomic_file.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/experiment/manifest.hpp"
#include "sim/experiment/text_file.hpp"
#include "sim/experiment/thread_pool.hpp"

namespace caseload::experiment {

namespace {

// Done runs from the manifest of an earlier, interrupted session of the same batch.
std::size_t take_done_runs(const std::filesystem::path& file, const BatchOptions& options,
                           const std::vector<PlannedRun>& plan, std::vector<RunOutcome>& outcomes) {
  const std::string& experiment = options.experiment;
  const auto text = read_text_file(file);
  if (!text) return 0;
  const Manifest earlier = parse_manifest(*text, file.string());
  if (earlier.experiment != experiment || earlier.runs != plan) {
    throw core::ConfigError(
        core::SourceLocation{file.string(), 0, 0},
        fmt::format("cannot resume: this manifest was written for a different experiment "
                    "(fingerprint {}, {} runs; now {}, {} runs); use another output folder",
                    earlier.experiment, earlier.runs.size(), experiment, plan.size()));
  }
  std::size_t taken = 0;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const bool is_kept = earlier.outcomes[i].status == RunStatus::Done ||
                         (options.keeps_failed && earlier.outcomes[i].status == RunStatus::Failed);
    if (!is_kept) continue;
    if (earlier.outcomes[i].status == RunStatus::Done && options.is_done_intact &&
        !options.is_done_intact(i, plan[i]))
      continue;
    outcomes[i] = earlier.outcomes[i];
    ++taken;
  }
  return taken;
}

}  // namespace

RunOutcome run_guarded(const RunFunction& run, std::size_t index, const PlannedRun& planned,
                       const model::StopRequested& stop) {
  try {
    return run(index, planned, stop);
  } catch (const core::ConfigError& error) {
    std::string message;
    for (const auto& problem : error.problems()) {
      if (!message.empty()) message += "; ";
      message += core::format_diagnostic(problem);
    }
    return {RunStatus::Failed, {}, message};
  } catch (const std::exception& error) {
    return {RunStatus::Failed, {}, error.what()};
  }
}

BatchResult run_batch(const std::vector<PlannedRun>& plan, const RunFunction& run,
                      const BatchOptions& options) {
  BatchResult result;
  result.outcomes.resize(plan.size());
  const bool keeps_manifest = !options.manifest.empty();
  if (keeps_manifest && options.resume) {
    result.resumed = take_done_runs(options.manifest, options, plan, result.outcomes);
  }
  std::vector<std::size_t> to_run;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (result.outcomes[i].status != RunStatus::Pending) continue;  // resumed
    if (!options.is_mine || options.is_mine(i)) to_run.push_back(i);
  }

  std::mutex mutex;  // guards outcomes of finished runs, the manifest file and progress
  // Whole at the start and the end; in between one line per run that ends, appended, so a
  // batch of n runs writes O(n) bytes, not the O(n^2) of rewriting the manifest per run.
  const auto write_manifest = [&](std::string_view tail) {
    if (keeps_manifest) {
      core::write_text_atomically(
          options.manifest, format_manifest({options.experiment, plan, result.outcomes}) +
                                std::string(tail));
    }
  };
  write_manifest(std::string(kManifestUpdatesLine) + "\n");
  BatchProgress progress{plan.size(), result.resumed, 0, 0, 0.0};
  const auto start = std::chrono::steady_clock::now();
  const model::StopRequested stop = options.stop ? options.stop : [] { return false; };
  if (options.on_progress) options.on_progress(progress);  // the resumed count, before any run

  ThreadPool pool(options.threads);
  pool.run_all(to_run.size(), [&](std::size_t task) {
    const std::size_t index = to_run[task];
    if (stop()) return;  // interrupted: launch nothing new, the run stays pending
    RunOutcome outcome = run_guarded(run, index, plan[index], stop);
    if (outcome.status == RunStatus::Pending) return;  // abandoned part-way by `stop`
    std::lock_guard lock(mutex);
    result.outcomes[index] = std::move(outcome);
    ++progress.finished;
    if (result.outcomes[index].status == RunStatus::Failed) ++progress.failed;
    progress.elapsed_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (keeps_manifest) {
      core::append_text(options.manifest,
                        format_manifest_line(index, plan[index], result.outcomes[index]));
    }
    if (options.on_progress) options.on_progress(progress);
  });

  // In run order, without the appended lines: the same bytes whatever the thread count.
  write_manifest("");
  result.is_complete = true;
  for (const auto& outcome : result.outcomes) {
    if (outcome.status == RunStatus::Pending) result.is_complete = false;
  }
  return result;
}

}  // namespace caseload::experiment
