// `--shard K/N` and `caseload merge`: shards merged give the unsharded output byte for byte,
// and a merge that cannot be right (a shard missing, twice, or of another experiment) writes
// nothing and exits 2.

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/cli/cli.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/cli/output_files.hpp"
#include "tests/io/config/test_data.hpp"

namespace caseload::cli {
namespace {

namespace fs = std::filesystem;
using caseload::testing::contains;
using caseload::testing::file_bytes;
using caseload::testing::run_caseload;
using caseload::testing::ScratchFolder;

std::string smoke() { return std::string(CASELOAD_SOURCE_DIR) + "/scenarios/smoke.yaml"; }

// 3 points x `replications` of 4-week smoke runs, so each of 3 shards holds `replications`.
fs::path small_sweep(const ScratchFolder& folder, const std::string& name, int seed,
                     int replications = 1) {
  return folder.write(name, "base: " + smoke() + "\n" + R"(
set: [run.weeks=4, run.warmup_weeks=0]
parameters: [network.advisers_per_office]
design: {grid: {network.advisers_per_office: [2, 3, 4]}}
seed: )" + std::to_string(seed) + "\nreplications: " + std::to_string(replications) + "\n");
}

// Every file under `folder`, as paths relative to it, sorted.
std::vector<std::string> listing(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    names.push_back(fs::relative(entry.path(), folder).string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> sweep_shard(const fs::path& sweep, const fs::path& out,
                                     const std::string& shard) {
  return {"sweep", sweep.string(), "--shard", shard, "-o", out.string(), "--quiet", "-j", "1"};
}

void expect_same_files(const fs::path& expected, const fs::path& actual,
                       const std::vector<std::string>& names) {
  for (const auto& name : names) {
    const std::string bytes = file_bytes(expected / name);
    EXPECT_FALSE(bytes.empty()) << name;
    EXPECT_TRUE(bytes == file_bytes(actual / name)) << name << " differs after the merge";
  }
}

TEST(ShardMerge, ThreeShardsMergedEqualTheUnshardedSweepByteForByte) {
  ScratchFolder folder;
  const fs::path sweep = small_sweep(folder, "sweep.yaml", 5, 2);
  const fs::path whole = folder.path() / "whole";
  const auto unsharded = run_caseload({"sweep", sweep.string(), "-j", "2", "-o", whole.string(),
                                       "--quiet", "--traces", "summary"});
  ASSERT_EQ(unsharded.exit_code, kExitOk) << unsharded.err;
  std::vector<std::string> shards;
  for (const char* k : {"1", "2", "3"}) {
    const fs::path out = folder.path() / (std::string("shard") + k);
    auto args = sweep_shard(sweep, out, std::string(k) + "/3");
    args.insert(args.end(), {"--traces", "summary"});
    const auto shard = run_caseload(args);
    ASSERT_EQ(shard.exit_code, kExitOk) << shard.err;
    EXPECT_TRUE(contains(shard.out, std::string("shard ") + k + "/3: 2 of 6 runs")) << shard.out;
    // A shard holds its own runs' traces only.
    EXPECT_EQ(listing(out / "traces").size(), 2u) << k;
    shards.push_back(out.string());
  }
  const fs::path merged = folder.path() / "merged";
  // Any order: the shard files say which is which.
  const auto merge = run_caseload({"merge", "-o", merged.string(), shards[2], shards[0], shards[1]});
  ASSERT_EQ(merge.exit_code, kExitOk) << merge.err;
  EXPECT_TRUE(contains(merge.out, "6 runs, 6 done")) << merge.out;
  expect_same_files(whole, merged,
                    {"design.csv", "runs.csv", "points.csv", "sweep.h5", "manifest.tsv"});
  // The whole folder: the same files, traces included (their bytes hold the time they were
  // written, so only their names are compared).
  EXPECT_EQ(listing(merged), listing(whole));
}

TEST(ShardMerge, TwoShardsOfAComparisonMergedEqualTheUnshardedComparison) {
  ScratchFolder folder;
  const std::vector<std::string> arms{"compare", smoke(), smoke(), "--set", "run.weeks=4",
                                      "--set", "run.warmup_weeks=0", "-r", "3", "--seed", "9"};
  const fs::path whole = folder.path() / "whole";
  auto args = arms;
  args.insert(args.end(), {"-o", whole.string(), "--quiet", "-j", "2"});
  const auto unsharded = run_caseload(args);
  ASSERT_EQ(unsharded.exit_code, kExitOk) << unsharded.err;
  std::vector<std::string> merge_args{"merge", "-o", (folder.path() / "merged").string()};
  for (const char* k : {"1", "2"}) {
    const fs::path out = folder.path() / (std::string("shard") + k);
    args = arms;
    args.insert(args.end(), {"-o", out.string(), "--quiet", "--shard", std::string(k) + "/2"});
    const auto shard = run_caseload(args);
    ASSERT_EQ(shard.exit_code, kExitOk) << shard.err;
    merge_args.push_back(out.string());
  }
  const auto merge = run_caseload(merge_args);
  ASSERT_EQ(merge.exit_code, kExitOk) << merge.err;
  // The same headline; only the footer's folder differs.
  const auto headline = [](const std::string& text) { return text.substr(0, text.find("Every metric")); };
  EXPECT_FALSE(headline(merge.out).empty());
  EXPECT_EQ(headline(merge.out), headline(unsharded.out));
  expect_same_files(whole, folder.path() / "merged",
                    {"runs.csv", "comparison.csv", "comparison_by_group.csv", "comparison.txt",
                     "compare.h5", "manifest.tsv"});
  EXPECT_EQ(listing(folder.path() / "merged"), listing(whole));
}

TEST(ShardMerge, APointThatFailsInItsShardFailsAlikeAfterTheMerge) {
  ScratchFolder folder;
  // Point 1's value is out of range: its runs fail in whichever shard holds them.
  const fs::path sweep = folder.write("points.yaml", "base: " + smoke() + "\n" + R"(
set: [run.weeks=4, run.warmup_weeks=0, 'regime={indicators: [{kind: job_entry, attribution: matched}]}']
parameters: [regime.indicators.0.false_negative]
design: {points: [{regime.indicators.0.false_negative: 0.1}, {regime.indicators.0.false_negative: 1.5}]}
replications: 2
)");
  const fs::path whole = folder.path() / "whole";
  const auto unsharded =
      run_caseload({"sweep", sweep.string(), "-o", whole.string(), "--quiet", "-j", "1"});
  ASSERT_EQ(unsharded.exit_code, kExitBadInput) << unsharded.err;
  ASSERT_TRUE(contains(unsharded.err, "2 of 4 runs failed")) << unsharded.err;
  std::vector<std::string> merge_args{"merge", "-o", (folder.path() / "merged").string()};
  for (const char* k : {"1", "2"}) {
    const fs::path out = folder.path() / (std::string("shard") + k);
    const auto shard = run_caseload(sweep_shard(sweep, out, std::string(k) + "/2"));
    ASSERT_EQ(shard.exit_code, kExitOk) << shard.err;
    EXPECT_TRUE(contains(shard.out, "2 of 4 runs, 1 failed")) << shard.out;
    merge_args.push_back(out.string());
  }
  const auto merge = run_caseload(merge_args);
  EXPECT_EQ(merge.exit_code, kExitBadInput);
  EXPECT_EQ(merge.err, unsharded.err) << "the failures are reported as the unsharded run does";
  expect_same_files(whole, folder.path() / "merged",
                    {"design.csv", "runs.csv", "points.csv", "sweep.h5", "manifest.tsv"});
}

// Three finished shards of `sweep` in folder/shard1..3; their folders.
std::vector<std::string> three_shards(const ScratchFolder& folder, const fs::path& sweep) {
  std::vector<std::string> shards;
  for (const char* k : {"1", "2", "3"}) {
    const fs::path out = folder.path() / (std::string("shard") + k);
    const auto shard = run_caseload(sweep_shard(sweep, out, std::string(k) + "/3"));
    EXPECT_EQ(shard.exit_code, kExitOk) << shard.err;
    shards.push_back(out.string());
  }
  return shards;
}

TEST(ShardMerge, AMissingShardExits2AndWritesNothing) {
  ScratchFolder folder;
  const auto shards = three_shards(folder, small_sweep(folder, "sweep.yaml", 5));
  const fs::path merged = folder.path() / "merged";
  const auto merge = run_caseload({"merge", "-o", merged.string(), shards[0], shards[2]});
  EXPECT_EQ(merge.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(merge.err, "shard 2/3 is missing")) << merge.err;
  EXPECT_FALSE(fs::exists(merged));
  // Nor a temporary beside it.
  for (const auto& name : fs::directory_iterator(folder.path()))
    EXPECT_FALSE(contains(name.path().filename().string(), "merged")) << name.path();
}

TEST(ShardMerge, AShardGivenTwiceExits2NamingBothFolders) {
  ScratchFolder folder;
  const auto shards = three_shards(folder, small_sweep(folder, "sweep.yaml", 5));
  const fs::path merged = folder.path() / "merged";
  const auto merge =
      run_caseload({"merge", "-o", merged.string(), shards[0], shards[1], shards[2], shards[1]});
  EXPECT_EQ(merge.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(merge.err, "'" + shards[1] + "' and '" + shards[1] + "' are both shard 2/3"))
      << merge.err;
  EXPECT_FALSE(fs::exists(merged));
}

TEST(ShardMerge, AShardOfAnotherSeedExits2NamingItsFolder) {
  ScratchFolder folder;
  auto shards = three_shards(folder, small_sweep(folder, "sweep.yaml", 5));
  const fs::path other = folder.path() / "other2";
  const auto shard =
      run_caseload(sweep_shard(small_sweep(folder, "other.yaml", 6), other, "2/3"));
  ASSERT_EQ(shard.exit_code, kExitOk) << shard.err;
  const fs::path merged = folder.path() / "merged";
  const auto merge =
      run_caseload({"merge", "-o", merged.string(), shards[0], other.string(), shards[2]});
  EXPECT_EQ(merge.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(merge.err, "'" + other.string() + "' is a shard of another experiment"))
      << merge.err;
  EXPECT_TRUE(contains(merge.err, "seed 6")) << merge.err;
  EXPECT_FALSE(fs::exists(merged));
}

TEST(ShardMerge, AFolderThatIsNoShardExits2NamingIt) {
  ScratchFolder folder;
  const fs::path sweep = small_sweep(folder, "sweep.yaml", 5);
  const fs::path whole = folder.path() / "whole";
  ASSERT_EQ(run_caseload({"sweep", sweep.string(), "-o", whole.string(), "--quiet"}).exit_code,
            kExitOk);
  const auto merge = run_caseload({"merge", "-o", (folder.path() / "m").string(), whole.string()});
  EXPECT_EQ(merge.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(merge.err, "'" + whole.string() + "' is not the folder of a shard"))
      << merge.err;
}

TEST(ShardMerge, AnExistingOutputIsRefused) {
  ScratchFolder folder;
  const auto shards = three_shards(folder, small_sweep(folder, "sweep.yaml", 5));
  const fs::path merged = folder.path() / "merged";
  fs::create_directories(merged);
  const auto merge =
      run_caseload({"merge", "-o", merged.string(), shards[0], shards[1], shards[2]});
  EXPECT_EQ(merge.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(merge.err, "'" + merged.string() + "' exists")) << merge.err;
  EXPECT_TRUE(fs::is_empty(merged));
}

TEST(ShardMerge, ShardOutsideOneToNExits2) {
  ScratchFolder folder;
  const fs::path sweep = small_sweep(folder, "sweep.yaml", 5);
  for (const char* bad : {"0/3", "4/3", "1/0", "2", "a/b", "-1/3"}) {
    const fs::path out = folder.path() / "out";
    const auto outcome = run_caseload(sweep_shard(sweep, out, bad));
    EXPECT_EQ(outcome.exit_code, kExitBadInput) << bad;
    EXPECT_TRUE(contains(outcome.err, std::string("--shard '") + bad + "': expected K/N"))
        << outcome.err;
    EXPECT_FALSE(fs::exists(out)) << bad;
  }
  const auto no_folder = run_caseload({"sweep", sweep.string(), "--shard", "1/2"});
  EXPECT_EQ(no_folder.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(no_folder.err, "--shard needs -o DIR")) << no_folder.err;
}

#if !CASELOAD_HAS_MPI
TEST(ShardMerge, MpiWithoutMpiBuiltExits2NamingTheBuildOption) {
  ScratchFolder folder;
  const auto outcome =
      run_caseload({"sweep", small_sweep(folder, "sweep.yaml", 5).string(), "--mpi"});
  EXPECT_EQ(outcome.exit_code, kExitBadInput);
  EXPECT_TRUE(contains(outcome.err, "-DCASELOAD_MPI=ON")) << outcome.err;
}
#endif

}  // namespace
}  // namespace caseload::cli
