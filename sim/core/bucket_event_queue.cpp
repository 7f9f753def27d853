#include "sim/core/bucket_event_queue.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <utility>

#include "sim/core/assert.hpp"

namespace caseload::core {

namespace {

// Spares kept for reuse: enough for the weeks of buckets a model fills ahead of today and the
// days entering the calendar; beyond this, spent storage is freed.
constexpr std::size_t max_spares = 64;
// Buckets this close take the roomiest spare: they fill with a busy day's events.
constexpr std::int64_t spare_reach_days = 32;
// A bucket further ahead holds a few strays (a job's separation years away) for a long time, so
// it takes only a spare this small (1 KiB of events): the ring's far days together then hold at
// most a few megabytes beyond their own events.
constexpr std::size_t far_spare_events = 32;

// Whole days beyond +-2^62 share one day number; any monotone map of time to day keeps the
// order exact, since events within one day are ordered by (time, sequence) anyway.
constexpr double saturation = 0x1p62;

std::int64_t day_of(Days time) {
  CASELOAD_ASSERT(!std::isnan(time), "event time is NaN");
  if (time >= saturation) return std::int64_t{1} << 62;
  if (time <= -saturation) return -(std::int64_t{1} << 62);
  return static_cast<std::int64_t>(std::floor(time));
}

}  // namespace

BucketEventQueue::BucketEventQueue(std::size_t calendar_days)
    : buckets_(std::bit_ceil(std::max<std::size_t>(calendar_days, 2))),
      mask_(buckets_.size() - 1) {
  spares_.reserve(max_spares);
}

void BucketEventQueue::push(const Event& event) {
  const std::int64_t day = day_of(event.time);
  if (size_ == 0) {
    // Nothing pending: start the calendar at this event's day.
    current_day_ = day;
    run_.clear();
    cursor_ = 0;
  }
  ++size_;
  if (day <= current_day_) {
    today_.push(event);
  } else if (day - current_day_ < static_cast<std::int64_t>(buckets_.size())) {
    push_to_bucket(day, event);
    ++in_ring_;
  } else {
    far_.push(event);
  }
}

void BucketEventQueue::push_to_bucket(std::int64_t day, const Event& event) {
  std::vector<Event>& bucket = bucket_of(day);
  if (bucket.size() == bucket.capacity() && !spares_.empty()) {
    if (day - current_day_ < spare_reach_days) {
      // A near bucket, empty or full and about to grow, moves into the roomiest spare: a day
      // that began far ahead with a few strays fills like any other as it comes near. Its old
      // storage becomes a spare, small enough for a day far ahead.
      const auto roomiest = std::max_element(spares_.begin(), spares_.end(), [](const auto& a, const auto& b) {
        return a.capacity() < b.capacity();
      });
      if (roomiest->capacity() > bucket.size()) {
        roomiest->assign(bucket.begin(), bucket.end());
        bucket.swap(*roomiest);
        roomiest->clear();
        if (roomiest->capacity() == 0) spares_.erase(roomiest);
      }
    } else if (bucket.empty()) {
      // A day far ahead takes the smallest spare, if it is small: it may hold it for years.
      const auto smallest = std::min_element(spares_.begin(), spares_.end(), [](const auto& a, const auto& b) {
        return a.capacity() < b.capacity();
      });
      if (smallest->capacity() <= far_spare_events) {
        bucket.swap(*smallest);
        spares_.erase(smallest);
      }
    }
  }
  bucket.push_back(event);
}

Event BucketEventQueue::pop() {
  CASELOAD_ASSERT(size_ > 0, "pop from an empty event queue");
  const Event event = run_is_next() ? run_[cursor_++] : today_.pop();
  --size_;
  if (cursor_ == run_.size() && today_.empty() && size_ > 0) advance();
  return event;
}

void BucketEventQueue::advance() {
  std::int64_t next = 0;
  if (in_ring_ > 0) {
    next = current_day_ + 1;
    while (bucket_of(next).empty()) ++next;
  } else {
    next = day_of(far_.top().time);
  }
  current_day_ = next;

  // The day's bucket becomes the run; the spent run's storage goes to the spares.
  run_.clear();
  cursor_ = 0;
  if (spares_.size() < max_spares && run_.capacity() > 0) spares_.push_back(std::move(run_));
  run_ = std::move(bucket_of(next));
  bucket_of(next) = std::vector<Event>{};
  in_ring_ -= run_.size();

  // The calendar now reaches further: bring far events inside it.
  const auto horizon = current_day_ + static_cast<std::int64_t>(buckets_.size());
  while (!far_.empty() && day_of(far_.top().time) < horizon) {
    const Event event = far_.pop();
    const std::int64_t day = day_of(event.time);
    if (day == current_day_) {
      run_.push_back(event);
    } else {
      push_to_bucket(day, event);
      ++in_ring_;
    }
  }
  // A lambda, not the function pointer, so the comparison inlines: a national day sorts ~10^5.
  std::sort(run_.begin(), run_.end(), [](const Event& a, const Event& b) { return runs_before(a, b); });
  CASELOAD_ASSERT(!run_.empty(), "advanced to a day without events");
}

std::size_t BucketEventQueue::reserved_events() const {
  std::size_t reserved = run_.capacity();
  for (const auto& bucket : buckets_) reserved += bucket.capacity();
  for (const auto& spare : spares_) reserved += spare.capacity();
  return reserved;
}

void BucketEventQueue::clear() {
  run_.clear();
  cursor_ = 0;
  today_.clear();
  for (auto& bucket : buckets_) bucket.clear();
  in_ring_ = 0;
  far_.clear();
  current_day_ = 0;
  size_ = 0;
}

}  // namespace caseload::core
