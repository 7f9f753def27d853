#pragma once
// Counter-based random streams. A stream is named by (seed, entity kind, entity id, purpose,
// occasion) and costs nothing to keep: the Philox4x32 generator turns the name plus a draw
// counter into bits, so no generator state is stored per entity and the same name always
// yields the same draws, whatever else the run did. This is what lets a treatment run and its
// counterfactual give one jobseeker the same luck. Draws go through Boost.Random
// distributions, whose output is the same on every standard library.

#include <array>
#include <cstdint>
#include <limits>

#include <Random123/philox.h>

namespace caseload::core {

/// Everything that names one stream. `purpose` distinguishes independent uses for one entity;
/// `occasion` numbers repeated uses (the k-th fortnightly review, the n-th vacancy).
struct StreamKey {
  std::uint64_t seed = 0;
  std::uint8_t entity_kind = 0;
  std::uint32_t entity_id = 0;
  std::uint32_t purpose = 0;  ///< at most 2^24 - 1
  std::uint32_t occasion = 0;
};

/// A uniform random bit generator over one stream; satisfies the URBG requirements that
/// Boost.Random distributions take. Copying a stream copies its position.
class RandomStream {
 public:
  using result_type = std::uint32_t;

  explicit RandomStream(const StreamKey& key) noexcept;

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() noexcept {
    if (index_ == block_.size()) refill();
    return block_[index_++];
  }

  /// A double in [0, 1) with 53 random bits.
  double uniform01() noexcept;

  /// How many 32-bit words this stream has produced.
  std::uint64_t words_drawn() const noexcept {
    return std::uint64_t{block_counter_} * 4 - (block_.size() - index_);
  }

 private:
  void refill() noexcept;

  r123::Philox4x32::key_type key_{};
  r123::Philox4x32::ctr_type counter_{};
  std::array<std::uint32_t, 4> block_{};
  std::uint32_t block_counter_ = 0;
  std::size_t index_ = 4;
};

}  // namespace caseload::core
