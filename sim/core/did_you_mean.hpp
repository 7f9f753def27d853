#pragma once
// Suggests the known word nearest to a misspelt one, for "did you mean" hints.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caseload::core {

/// Edit distance between two words: insertions, deletions, substitutions and swaps of two
/// neighbouring letters each count one (optimal string alignment distance).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible typo:
/// at most a third of the word's length in edits (and at least one edit allowed).
std::optional<std::string> nearest_word(std::string_view word,
                                        const std::vector<std::string>& candidates);

/// "a, b, c" for listing what is allowed.
std::string join_words(const std::vector<std::string>& words);

}  // namespace caseload::core
