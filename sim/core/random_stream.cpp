#include "sim/core/random_stream.hpp"

#include "sim/core/assert.hpp"

namespace caseload::core {

RandomStream::RandomStream(const StreamKey& key) noexcept {
  CASELOAD_ASSERT(key.purpose < (1u << 24), "stream purpose must fit in 24 bits");
  key_[0] = static_cast<std::uint32_t>(key.seed);
  key_[1] = static_cast<std::uint32_t>(key.seed >> 32);
  // Counter words: the entity, (kind, purpose), the occasion, and the block number within the
  // stream. Distinct names never share a counter, so their draws are independent.
  counter_[0] = key.entity_id;
  counter_[1] = (static_cast<std::uint32_t>(key.entity_kind) << 24) | key.purpose;
  counter_[2] = key.occasion;
  counter_[3] = 0;
}

void RandomStream::refill() noexcept {
  counter_[3] = block_counter_++;
  const auto out = r123::Philox4x32{}(counter_, key_);
  for (std::size_t i = 0; i < block_.size(); ++i) block_[i] = out[i];
  index_ = 0;
}

double RandomStream::uniform01() noexcept {
  const std::uint64_t high = (*this)() >> 5;  // 27 bits
  const std::uint64_t low = (*this)() >> 6;   // 26 bits
  return static_cast<double>((high << 26) | low) * 0x1.0p-53;
}

}  // namespace caseload::core
