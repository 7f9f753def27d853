#include "sim/experiment/manifest.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "sim/core/diagnostics.hpp"

namespace caseload::experiment {
namespace {

Manifest sample() {
  Manifest manifest;
  manifest.experiment = fingerprint("example");
  manifest.runs = {{0, 0, 11}, {0, 1, 12}, {1, 0, 13}};
  manifest.outcomes = {{RunStatus::Done,
                        {{"a", 0.1 + 0.2},
                         {"b", std::numeric_limits<double>::quiet_NaN()},
                         {"c", -std::numeric_limits<double>::infinity()}},
                        ""},
                       {RunStatus::Failed, {}, "--set:1:5: bad\tvalue\nsecond line"},
                       {RunStatus::Pending, {}, ""}};
  return manifest;
}

TEST(Manifest, RoundTripsMetricsBitForBit) {
  const Manifest written = sample();
  const Manifest read = parse_manifest(format_manifest(written), "manifest.tsv");
  EXPECT_EQ(read.experiment, written.experiment);
  EXPECT_EQ(read.runs, written.runs);
  ASSERT_EQ(read.outcomes.size(), 3u);
  EXPECT_EQ(read.outcomes[0].status, RunStatus::Done);
  ASSERT_EQ(read.outcomes[0].metrics.size(), 3u);
  EXPECT_EQ(read.outcomes[0].metrics[0].name, "a");
  EXPECT_EQ(read.outcomes[0].metrics[0].value, 0.1 + 0.2);  // exactly, not nearly
  EXPECT_TRUE(std::isnan(read.outcomes[0].metrics[1].value));
  EXPECT_EQ(read.outcomes[0].metrics[2].value, -std::numeric_limits<double>::infinity());
  EXPECT_EQ(read.outcomes[1].status, RunStatus::Failed);
  EXPECT_EQ(read.outcomes[1].message, "--set:1:5: bad value second line");
  EXPECT_EQ(read.outcomes[2].status, RunStatus::Pending);
}

TEST(Manifest, IsOneLinePerRunUnderAHeader) {
  const std::string text = format_manifest(sample());
  EXPECT_EQ(text.rfind("# caseload manifest 1\n# experiment ", 0), 0u) << text;
  EXPECT_NE(text.find("\nindex\tpoint\treplication\tseed\tstatus\tmetrics\tmessage\n"),
            std::string::npos);
  EXPECT_NE(text.find("\n1\t0\t1\t12\tfailed\t\t--set:1:5: bad value second line\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\n2\t1\t0\t13\tpending\t\t\n"), std::string::npos) << text;
}

TEST(Manifest, MalformedLinesAreReportedWithTheirLine) {
  std::string text = format_manifest(sample());
  text.replace(text.find("pending"), 7, "paused");
  try {
    parse_manifest(text, "out/manifest.tsv");
    FAIL() << "expected a ConfigError";
  } catch (const core::ConfigError& error) {
    EXPECT_EQ(core::format_diagnostic(error.problems().front()),
              "out/manifest.tsv:6:1: unknown status 'paused' (pending, done or failed)");
  }
  EXPECT_THROW(parse_manifest("index\tpoint\n", "m"), core::ConfigError);
  const std::string whole = format_manifest(sample());
  EXPECT_THROW(parse_manifest(whole.substr(0, whole.size() - 8), "m"), core::ConfigError)
      << "a line cut short";
}

TEST(Manifest, AppendedLinesUpdateTheirRunAndACutLastAppendIsIgnored) {
  const Manifest base = sample();
  const RunOutcome done{RunStatus::Done, {{"a", 2.5}}, ""};
  const std::string text = format_manifest(base) + std::string(kManifestUpdatesLine) + "\n" +
                           format_manifest_line(2, base.runs[2], done) +
                           format_manifest_line(2, base.runs[2], {RunStatus::Failed, {}, "x"}) +
                           "1\t0\t1\t12\tdo";  // a crash cut this append short
  const Manifest read = parse_manifest(text, "m");
  ASSERT_EQ(read.runs, base.runs);
  EXPECT_EQ(read.outcomes[2].status, RunStatus::Failed) << "the later line wins";
  EXPECT_EQ(read.outcomes[1].status, RunStatus::Failed) << "the cut line changes nothing";
  EXPECT_EQ(read.outcomes[1].message, "--set:1:5: bad value second line");
}

TEST(Manifest, AnAppendedLineForAnotherRunIsAnError) {
  const Manifest base = sample();
  const std::string updates = format_manifest(base) + std::string(kManifestUpdatesLine) + "\n";
  EXPECT_THROW(parse_manifest(updates + format_manifest_line(3, {1, 1, 14}, {}), "m"),
               core::ConfigError)
      << "no run 3 above";
  EXPECT_THROW(parse_manifest(updates + format_manifest_line(2, {1, 0, 99}, {}), "m"),
               core::ConfigError)
      << "run 2 has seed 13 above";
}

TEST(Fingerprint, IsStableAndSensitive) {
  EXPECT_EQ(fingerprint(""), "cbf29ce484222325");   // the FNV-1a 64 offset basis
  EXPECT_EQ(fingerprint("a"), "af63dc4c8601ec8c");  // published FNV-1a test vector
  EXPECT_NE(fingerprint("sweep 1"), fingerprint("sweep 2"));
}

}  // namespace
}  // namespace caseload::experiment
