#include "ValidationContext.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace mt::api {

namespace {

// graphql-js's budget for fragment work (ASTValidationContext._remainingFragmentWork).
constexpr std::ptrdiff_t kFragmentWorkBudget = 50'000;

// How much stack recursion along fragment spreads may take. A level of a fragment
// chain costs under a kilobyte in a release build (ten times that with
// AddressSanitizer), so documents nest a thousand levels before this, which graphql-js
// does not survive either (it overflows its call stack), and a worker thread's 8 MiB
// stack is never at risk.
constexpr std::uintptr_t kMaxRecursionStackBytes = 1024 * 1024;

std::uintptr_t stackPosition() {
  return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
}

}  // namespace

ValidationContext::ValidationContext(const Schema& schema, const ast::Document& document,
                                     const ValidationOptions& options,
                                     std::pmr::memory_resource* memory)
    : schema_(schema),
      document_(document),
      options_(options),
      memory_(memory),
      arena_(schema),
      typeInfo_(schema, arena_, memory),
      fragments_(memory),
      documentDirectives_(memory),
      fragmentSpreads_(memory),
      referencedFragments_(memory),
      usages_(memory),
      recursiveUsages_(memory),
      remainingFragmentWork_(kFragmentWorkBudget),
      stackBase_(stackPosition()),
      deferred_(memory) {
  for (const ast::Definition& definition : document.definitions) {
    if (const auto* fragment = std::get_if<ast::FragmentDefinition>(&definition)) {
      fragments_[fragment->name.value] = fragment;
    } else if (const auto* directive = std::get_if<ast::DirectiveDefinition>(&definition)) {
      documentDirectives_[directive->name.value] = directive;
    }
  }
}

std::vector<ErrorLocation> ValidationContext::locationsOf(
    std::initializer_list<ast::Location> locations) {
  std::vector<ErrorLocation> result;
  result.reserve(locations.size());
  for (const ast::Location& location : locations)
    result.push_back(locationOf(location));
  return result;
}

void ValidationContext::append(std::uint64_t key, const std::string& message,
                               std::vector<ErrorLocation> locations) {
  errors_.emplace_back(key, GraphQLError(message, std::move(locations)));
  if (errors_.size() > options_.maxErrors) {
    tooManyErrors_ = true;
    throw ValidationAborted{};
  }
}

void ValidationContext::reportError(const std::string& message,
                                    std::vector<ErrorLocation> locations) {
  if (running_ == nullptr) {
    append(nextSequence_++ << 32, message, std::move(locations));
    return;
  }
  deferredErrors_ = true;
  append(running_->sequence << 32 | runningErrors_++, message, std::move(locations));
}

void ValidationContext::runDeferred() {
  for (const Deferred& deferred : deferred_) {
    running_ = &deferred;
    runningErrors_ = 0;
    deferred.check(deferred.rule, *deferred.operation);
  }
  running_ = nullptr;
}

std::vector<GraphQLError> ValidationContext::takeErrors() {
  std::vector<GraphQLError> errors;
  if (errors_.empty() && !tooManyErrors_ && !workExhausted_) return errors;
  if (deferredErrors_) {
    std::stable_sort(errors_.begin(), errors_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  errors.reserve(errors_.size() + 1);
  for (auto& [key, error] : errors_) {
    if (errors.size() == options_.maxErrors) break;
    errors.push_back(std::move(error));
  }
  if (tooManyErrors_) {
    errors.emplace_back("Too many validation errors, error limit reached. Validation aborted.");
  } else if (workExhausted_) {
    errors.emplace_back("Validation aborted.");
  }
  errors_.clear();
  return errors;
}

void ValidationContext::spendFragmentWork(std::size_t cost) {
  remainingFragmentWork_ -= static_cast<std::ptrdiff_t>(cost);
  if (remainingFragmentWork_ < 0) abort();
}

void ValidationContext::abort() {
  workExhausted_ = true;
  throw ValidationAborted{};
}

void ValidationContext::checkStack() {
  const std::uintptr_t here = stackPosition();
  const std::uintptr_t used = here < stackBase_ ? stackBase_ - here : here - stackBase_;
  if (used > kMaxRecursionStackBytes) abort();
}

const ast::FragmentDefinition* ValidationContext::fragment(std::string_view name) const {
  const auto found = fragments_.find(name);
  return found == fragments_.end() ? nullptr : found->second;
}

std::span<const ast::FragmentSpread* const> ValidationContext::fragmentSpreads(
    const ast::SelectionSet& set) {
  auto [entry, inserted] = fragmentSpreads_.try_emplace(&set);
  auto& spreads = entry->second;
  if (!inserted) return spreads;
  // graphql-js's order: a set's own spreads, then its sub-selections last first.
  std::pmr::vector<const ast::SelectionSet*> pending(memory_);
  pending.push_back(&set);
  while (!pending.empty()) {
    const ast::SelectionSet* current = pending.back();
    pending.pop_back();
    for (const ast::Selection& selection : current->selections) {
      if (const auto* spread = std::get_if<ast::FragmentSpread>(&selection)) {
        spreads.push_back(spread);
      } else if (const auto* field = std::get_if<ast::Field>(&selection)) {
        if (field->selectionSet) pending.push_back(&*field->selectionSet);
      } else {
        pending.push_back(&std::get<ast::InlineFragment>(selection).selectionSet);
      }
    }
  }
  return spreads;
}

std::span<const ast::FragmentDefinition* const> ValidationContext::recursivelyReferencedFragments(
    const ast::OperationDefinition& operation) {
  const ast::OperationDefinition* operations[] = {&operation};
  return referencedFragmentList(operations);
}

std::span<const ast::FragmentDefinition* const>
ValidationContext::recursivelyReferencedFragmentsForOperations(
    std::span<const ast::OperationDefinition* const> operations) {
  return referencedFragmentList(operations);
}

ValidationContext::FragmentList& ValidationContext::referencedFragmentList(
    std::span<const ast::OperationDefinition* const> operations) {
  // The names spread directly, first occurrence first; they are also the start of the
  // breadth-first list of names to follow.
  std::pmr::vector<std::string_view> names(memory_);
  std::pmr::unordered_set<std::string_view> seen(memory_);
  for (const ast::OperationDefinition* operation : operations) {
    for (const ast::FragmentSpread* spread : fragmentSpreads(operation->selectionSet)) {
      if (seen.insert(spread->name.value).second) names.push_back(spread->name.value);
    }
  }

  std::pmr::vector<std::string_view> sorted(names, memory_);
  std::sort(sorted.begin(), sorted.end());
  std::pmr::string key(memory_);
  for (std::string_view name : sorted) {
    key.append(name);
    key.push_back(',');  // never part of a name
  }
  auto [entry, inserted] = referencedFragments_.try_emplace(std::move(key));
  FragmentList& fragments = entry->second;
  if (!inserted) return fragments;

  spendFragmentWork(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const ast::FragmentDefinition* fragment = this->fragment(names[i]);
    if (fragment == nullptr) continue;
    fragments.push_back(fragment);
    const auto spreads = fragmentSpreads(fragment->selectionSet);
    spendFragmentWork(spreads.size());
    for (const ast::FragmentSpread* spread : spreads) {
      if (seen.insert(spread->name.value).second) names.push_back(spread->name.value);
    }
  }
  return fragments;
}

ValidationContext::Usages& ValidationContext::usagesOf(const void* definition) {
  return usages_.try_emplace(definition).first->second;
}

std::span<const VariableUsage> ValidationContext::recursiveVariableUsages(
    const ast::OperationDefinition& operation) {
  if (const auto found = recursiveUsages_.find(&operation); found != recursiveUsages_.end()) {
    return found->second;
  }
  // The same work graphql-js does, cached as it caches (the fragments' usages by the
  // fragment list, which operations spreading the same fragments share), so that the
  // budget runs out on the same documents.
  const ast::OperationDefinition* operations[] = {&operation};
  const FragmentList& fragments = referencedFragmentList(operations);
  auto fragmentEntry = recursiveUsages_.find(&fragments);
  if (fragmentEntry == recursiveUsages_.end()) {
    Usages fragmentUsages(memory_);
    spendFragmentWork(fragments.size());
    for (const ast::FragmentDefinition* fragment : fragments) {
      const Usages& local = usagesOf(fragment);
      spendFragmentWork(local.size());
      fragmentUsages.insert(fragmentUsages.end(), local.begin(), local.end());
    }
    fragmentEntry = recursiveUsages_.emplace(&fragments, std::move(fragmentUsages)).first;
  }
  const Usages& fragmentUsages = fragmentEntry->second;
  spendFragmentWork(fragmentUsages.size());
  Usages usages(usagesOf(&operation), memory_);
  usages.insert(usages.end(), fragmentUsages.begin(), fragmentUsages.end());
  return recursiveUsages_.emplace(&operation, std::move(usages)).first->second;
}

}  // namespace mt::api
