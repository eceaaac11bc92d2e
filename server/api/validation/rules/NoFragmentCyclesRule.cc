#include <cstddef>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Fragments must not form cycles": expanding a fragment that spreads itself,
// directly or through others, never ends.
//
// graphql-js's depth-first search, each fragment entered once, reporting every spread
// that closes a cycle on the current path. The search keeps its own stack instead of
// recursing, since a chain of fragments can be as long as the document allows.
class NoFragmentCyclesRule {
 public:
  explicit NoFragmentCyclesRule(ValidationContext& context)
      : context_(context),
        visited_(context.memory()),
        pathIndexByName_(context.memory()),
        path_(context.memory()),
        stack_(context.memory()) {}

  void enter(const ast::FragmentDefinition& fragment) {
    if (!visited_.insert(fragment.name.value).second) return;
    if (!push(fragment)) return;
    while (!stack_.empty()) {
      Frame& frame = stack_.back();
      if (frame.next == frame.spreads.size()) {
        pathIndexByName_.erase(frame.name);
        stack_.pop_back();
        if (!stack_.empty()) path_.pop_back();  // the spread that led into the fragment
        continue;
      }
      const ast::FragmentSpread* spread = frame.spreads[frame.next++];
      const std::string_view name = spread->name.value;
      const auto cycle = pathIndexByName_.find(name);
      path_.push_back(spread);
      if (cycle == pathIndexByName_.end()) {
        const ast::FragmentDefinition* target = context_.fragment(name);
        // The spread stays on the path while the fragment it leads to is searched.
        if (target != nullptr && visited_.insert(name).second && push(*target)) continue;
      } else {
        report(name, std::span(path_).subspan(cycle->second));
      }
      path_.pop_back();
    }
  }

 private:
  struct Frame {
    std::string_view name;
    std::span<const ast::FragmentSpread* const> spreads;
    std::size_t next;
  };

  // Starts searching a fragment; false if it spreads nothing.
  bool push(const ast::FragmentDefinition& fragment) {
    const auto spreads = context_.fragmentSpreads(fragment.selectionSet);
    if (spreads.empty()) return false;
    pathIndexByName_[fragment.name.value] = path_.size();
    stack_.push_back({fragment.name.value, spreads, 0});
    return true;
  }

  void report(std::string_view name, std::span<const ast::FragmentSpread* const> cycle) {
    std::string via;
    std::vector<ErrorLocation> locations;
    for (std::size_t i = 0; i < cycle.size(); ++i) {
      if (i + 1 < cycle.size()) {
        if (!via.empty()) via += ", ";
        via += "\"" + std::string(cycle[i]->name.value) + "\"";
      }
      locations.push_back(ValidationContext::locationOf(cycle[i]->loc));
    }
    context_.reportError("Cannot spread fragment \"" + std::string(name) + "\" within itself" +
                             (via.empty() ? std::string(".") : " via " + via + "."),
                         std::move(locations));
  }

  ValidationContext& context_;
  std::pmr::unordered_set<std::string_view> visited_;
  std::pmr::unordered_map<std::string_view, std::size_t> pathIndexByName_;
  std::pmr::vector<const ast::FragmentSpread*> path_;
  std::pmr::vector<Frame> stack_;
};

}  // namespace

constinit const ValidationRule kNoFragmentCyclesRule =
    makeValidationRule<NoFragmentCyclesRule>("NoFragmentCyclesRule");

}  // namespace mt::api
