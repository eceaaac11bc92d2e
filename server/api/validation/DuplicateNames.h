#pragma once

#include <cstddef>
#include <memory_resource>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mt::api {

// graphql-js's groupBy as the uniqueness rules use it: calls report(name, group) for
// every name that several items share, `group` listing those items in order, names
// in the order of their first item.
//
// Lists are short (a field's arguments), so they are compared pairwise without
// allocating; a long list, which only a hostile document has, is grouped through a
// hash map so that it costs linear time.
template <class Item, class NameOf, class Report>
void forEachDuplicateName(const std::vector<Item>& items, NameOf nameOf,
                          std::pmr::memory_resource* memory, Report report) {
  constexpr std::size_t kPairwiseLimit = 16;
  if (items.size() < 2) return;
  std::pmr::vector<const Item*> group(memory);
  if (items.size() <= kPairwiseLimit) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string_view name = nameOf(items[i]);
      bool seenBefore = false;
      for (std::size_t j = 0; j < i && !seenBefore; ++j)
        seenBefore = nameOf(items[j]) == name;
      if (seenBefore) continue;
      group.clear();
      for (std::size_t j = i; j < items.size(); ++j) {
        if (nameOf(items[j]) == name) group.push_back(&items[j]);
      }
      if (group.size() > 1) report(name, group);
    }
    return;
  }
  std::pmr::unordered_map<std::string_view, std::size_t> indexByName(memory);
  std::pmr::vector<std::pmr::vector<const Item*>> groups(memory);
  for (const Item& item : items) {
    const auto [entry, inserted] = indexByName.try_emplace(nameOf(item), groups.size());
    if (inserted) groups.emplace_back();
    groups[entry->second].push_back(&item);
  }
  for (const auto& sameName : groups) {
    if (sameName.size() > 1) report(nameOf(*sameName.front()), sameName);
  }
}

}  // namespace mt::api
