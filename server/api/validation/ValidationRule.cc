#include "ValidationRule.h"

namespace mt::api {

void RuleHooks::seal() {
  // A counting sort by slot: stable, so each slot keeps registry order, and without
  // the temporary buffer std::stable_sort would take from the heap.
  std::array<std::size_t, kSlots + 1> counts{};
  for (const Entry& entry : entries_)
    ++counts[entry.slot + 1];
  for (std::size_t slot = 0; slot < kSlots; ++slot)
    counts[slot + 1] += counts[slot];
  begin_ = counts;
  std::pmr::vector<Entry> sorted(entries_.size(), entries_.get_allocator());
  for (const Entry& entry : entries_)
    sorted[counts[entry.slot]++] = entry;
  entries_.swap(sorted);
}

RuleSet::~RuleSet() {
  for (auto instance = instances_.rbegin(); instance != instances_.rend(); ++instance) {
    instance->destroy(instance->rule);
  }
}

}  // namespace mt::api
