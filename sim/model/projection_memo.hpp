#pragma once
// What project() computed for one client this week, so the next candidate for the same client
// reuses the parts whose inputs its action left alone (an interview changes the search chance
// and the job's hazard; a submission changes neither). Each part is a pure function of the
// inputs it is keyed on, and keys compare bit for bit, so a forecast is exactly the one computed
// without the memo: the memo saves the exp, pow and erfc calls that dominated the weekly plan.
// Valid for one ForecastModel: a plan keeps one per client and drops it with the week.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace caseload::model {

/// The last `Slots` results of one function of `Inputs` doubles giving `Outputs` doubles.
template <std::size_t Inputs, std::size_t Outputs, std::size_t Slots = 2>
class MemoTable {
 public:
  using Key = std::array<double, Inputs>;
  using Value = std::array<double, Outputs>;

  /// The stored value for `key`, or nullptr.
  const Value* find(const Key& key) const {
    for (std::size_t s = 0; s < used_; ++s) {
      if (same_bits(keys_[s], key)) return &values_[s];
    }
    return nullptr;
  }
  /// Keeps `value` for `key`, replacing the oldest slot once all are used.
  const Value& store(const Key& key, const Value& value) {
    const std::size_t s = next_;
    keys_[s] = key;
    values_[s] = value;
    next_ = (next_ + 1) % Slots;
    if (used_ < Slots) ++used_;
    return values_[s];
  }
  /// The value for `key`, computed by `compute()` only if not stored.
  template <class Compute>
  const Value& get(const Key& key, Compute&& compute) {
    if (const Value* found = find(key)) return *found;
    return store(key, compute());
  }

 private:
  // Bit for bit, so -0.0 and 0.0 (or two NaNs) never stand in for each other.
  static bool same_bits(const Key& a, const Key& b) {
    for (std::size_t i = 0; i < Inputs; ++i) {
      if (std::bit_cast<std::uint64_t>(a[i]) != std::bit_cast<std::uint64_t>(b[i])) return false;
    }
    return true;
  }
  std::array<Key, Slots> keys_{};
  std::array<Value, Slots> values_{};
  std::size_t used_ = 0;
  std::size_t next_ = 0;
};

struct ProjectionMemo {
  MemoTable<1, 1> mean_boost;     ///< boost -> its mean over the horizon
  MemoTable<1, 1> other_exit;     ///< inactivity per week -> P(other exit) per review interval
  MemoTable<7, 1> search;         ///< review_search_probability's inputs -> its value
  MemoTable<2, 1> survival;       ///< (stay, intervals) -> stay^intervals
  MemoTable<5, 4> job;            ///< separation hazard's inputs -> hazard and its survival terms
};

}  // namespace caseload::model
