#include "sim/core/did_you_mean.hpp"

#include <gtest/gtest.h>

namespace caseload::core {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("weeks", "weeks"), 0u);
  EXPECT_EQ(edit_distance("", "seed"), 4u);
  EXPECT_EQ(edit_distance("seed", ""), 4u);
  EXPECT_EQ(edit_distance("pressur", "pressure"), 1u);
  EXPECT_EQ(edit_distance("pressure", "pressur"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(EditDistance, CountsASwapOfNeighbouringLettersAsOneEdit) {
  // The commonest typo; plain Levenshtein would count it as two and miss short keys.
  EXPECT_EQ(edit_distance("sede", "seed"), 1u);
  EXPECT_EQ(edit_distance("wekes", "weeks"), 1u);
  EXPECT_EQ(edit_distance("ab", "ba"), 1u);
  EXPECT_EQ(edit_distance("abc", "ca"), 3u);  // optimal string alignment: no edits inside a swap
}

TEST(EditDistance, IsSymmetric) {
  const std::vector<std::string> words{"", "a", "team", "tem", "office", "offices", "jot", "jet"};
  for (const auto& a : words) {
    for (const auto& b : words) EXPECT_EQ(edit_distance(a, b), edit_distance(b, a)) << a << b;
  }
}

TEST(NearestWord, SuggestsTheClosestCandidate) {
  const std::vector<std::string> known{"weeks", "warmup_weeks", "seed", "pressure"};
  EXPECT_EQ(nearest_word("pressur", known), "pressure");
  EXPECT_EQ(nearest_word("warmup_wekes", known), "warmup_weeks");
  EXPECT_EQ(nearest_word("sede", known), "seed");
  EXPECT_EQ(nearest_word("week", known), "weeks");
}

TEST(NearestWord, SuggestsNothingWhenNoCandidateIsAPlausibleTypo) {
  const std::vector<std::string> known{"weeks", "seed", "pressure"};
  EXPECT_EQ(nearest_word("colour", known), std::nullopt);
  EXPECT_EQ(nearest_word("x", {}), std::nullopt);
  // A third of the length in edits at most: 'prsr' is 4 edits from 'pressure'.
  EXPECT_EQ(nearest_word("prsr", known), std::nullopt);
}

TEST(NearestWord, AllowsAtLeastOneEditForShortWords) {
  EXPECT_EQ(nearest_word("jat", {"jet", "team"}), "jet");
  EXPECT_EQ(nearest_word("a", {"b"}), "b");
  EXPECT_EQ(nearest_word("ab", {"xy"}), std::nullopt);
}

TEST(NearestWord, PrefersTheFirstOfEquallyCloseCandidates) {
  EXPECT_EQ(nearest_word("jxt", {"jot", "jet"}), "jot");
  EXPECT_EQ(nearest_word("jxt", {"jet", "jot"}), "jet");
}

TEST(JoinWords, SeparatesWithCommas) {
  EXPECT_EQ(join_words({}), "");
  EXPECT_EQ(join_words({"jet"}), "jet");
  EXPECT_EQ(join_words({"jet", "jot", "outcome"}), "jet, jot, outcome");
}

}  // namespace
}  // namespace caseload::core
