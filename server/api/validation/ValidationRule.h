#pragma once

#include <array>
#include <cstddef>
#include <memory_resource>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

#include "Ast.h"

namespace mt::api {

class ValidationContext;

// How rules plug into validation (graphql-js's ValidationRule + visitInParallel).
//
// A rule is a class constructed from a ValidationContext& that declares, for the node
// kinds it cares about, `void enter(const ast::X&)` and/or `void leave(const ast::X&)`.
// The document is walked once (ParallelVisitor) and each node's hooks are called in
// registry order, so the errors come out in graphql-js's order. Which hooks a rule has
// is found at compile time, and only those are called: a rule that looks at fields
// costs nothing on arguments or values.
//
// Unlike graphql-js, a hook cannot return `false` to skip a subtree for its rule; the
// few rules whose results depend on skipping track it themselves, which keeps the
// dispatch loop free of per-rule state.

// The node kinds of an executable document that have hooks. Names, and the ListType
// and NonNullType wrappers of a variable's type, have none (no rule needs them).
template <class... Nodes>
struct HookedNodeList {
  static constexpr std::size_t size = sizeof...(Nodes);

  template <class Node>
  static constexpr std::size_t indexOf() {
    std::size_t index = 0;
    const bool found = ((std::is_same_v<Node, Nodes> || (++index, false)) || ...);
    return found ? index : size;
  }
};

using HookedNodes =
    HookedNodeList<ast::Document, ast::OperationDefinition, ast::VariableDefinition,
                   ast::FragmentDefinition, ast::SelectionSet, ast::Field, ast::FragmentSpread,
                   ast::InlineFragment, ast::Directive, ast::Argument, ast::Variable, ast::IntValue,
                   ast::FloatValue, ast::StringValue, ast::BooleanValue, ast::NullValue,
                   ast::EnumValue, ast::ListValue, ast::ObjectValue, ast::ObjectField,
                   ast::NamedType>;

// The enter and leave hooks of every rule of one validation, by node kind. Hooks are
// added while the rules are instantiated, then seal() lays them out by node kind (in
// order of addition, i.e. registry order) for the walk.
class RuleHooks {
 public:
  using Callback = void (*)(void* rule, const void* node);

  explicit RuleHooks(std::pmr::memory_resource* memory) : entries_(memory) {}

  template <class Node>
  void addEnter(void* rule, Callback callback) {
    entries_.push_back({slot<Node>(false), rule, callback});
  }
  template <class Node>
  void addLeave(void* rule, Callback callback) {
    entries_.push_back({slot<Node>(true), rule, callback});
  }

  void seal();

  template <class Node>
  void enter(const Node& node) const {
    run(slot<Node>(false), &node);
  }
  template <class Node>
  void leave(const Node& node) const {
    run(slot<Node>(true), &node);
  }

 private:
  static constexpr std::size_t kSlots = HookedNodes::size * 2;

  struct Entry {
    std::size_t slot;
    void* rule;
    Callback callback;
  };

  template <class Node>
  static constexpr std::size_t slot(bool leave) {
    constexpr std::size_t index = HookedNodes::indexOf<Node>();
    static_assert(index < HookedNodes::size, "no hooks for this node kind");
    return index * 2 + (leave ? 1 : 0);
  }

  void run(std::size_t slot, const void* node) const {
    const Entry* end = entries_.data() + begin_[slot + 1];
    for (const Entry* entry = entries_.data() + begin_[slot]; entry != end; ++entry) {
      entry->callback(entry->rule, node);
    }
  }

  std::pmr::vector<Entry> entries_;
  std::array<std::size_t, kSlots + 1> begin_{};  // entries of slot s: [begin_[s], begin_[s + 1])
};

// The rules of one validation: owns their instances (allocated from the validation's
// arena) and their hooks. Rules are destroyed in reverse order of creation.
class RuleSet {
 public:
  explicit RuleSet(std::pmr::memory_resource* memory) : memory_(memory), hooks_(memory) {}
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;
  ~RuleSet();

  template <class Rule>
  Rule& create(ValidationContext& context) {
    void* storage = memory_->allocate(sizeof(Rule), alignof(Rule));
    Rule* rule = new (storage) Rule(context);
    instances_.push_back({rule, [](void* instance) { static_cast<Rule*>(instance)->~Rule(); }});
    return *rule;
  }

  RuleHooks& hooks() { return hooks_; }
  const RuleHooks& hooks() const { return hooks_; }

 private:
  struct Instance {
    void* rule;
    void (*destroy)(void*);
  };

  std::pmr::memory_resource* memory_;
  RuleHooks hooks_;
  std::pmr::vector<Instance> instances_{memory_};
};

// A rule in a registry: its graphql-js name and how to instantiate it for one
// validation. Constant-initialised, so registries can be plain arrays of pointers.
struct ValidationRule {
  std::string_view name;
  void (*instantiate)(RuleSet& rules, ValidationContext& context);
};

namespace detail {

template <class Rule, class Node>
void bindHooksFor(RuleHooks& hooks, Rule& rule) {
  // An exact signature, so that a hook for one node kind never binds to another kind
  // through a converting constructor.
  if constexpr (requires { static_cast<void (Rule::*)(const Node&)>(&Rule::enter); }) {
    hooks.addEnter<Node>(&rule, [](void* self, const void* node) {
      static_cast<Rule*>(self)->enter(*static_cast<const Node*>(node));
    });
  }
  if constexpr (requires { static_cast<void (Rule::*)(const Node&)>(&Rule::leave); }) {
    hooks.addLeave<Node>(&rule, [](void* self, const void* node) {
      static_cast<Rule*>(self)->leave(*static_cast<const Node*>(node));
    });
  }
}

template <class Rule, class... Nodes>
void bindHooks(RuleHooks& hooks, Rule& rule, HookedNodeList<Nodes...> /*nodes*/) {
  (bindHooksFor<Rule, Nodes>(hooks, rule), ...);
}

template <class Rule>
void instantiateRule(RuleSet& rules, ValidationContext& context) {
  Rule& rule = rules.create<Rule>(context);
  bindHooks(rules.hooks(), rule, HookedNodes{});
}

}  // namespace detail

template <class Rule>
constexpr ValidationRule makeValidationRule(std::string_view name) {
  return {name, &detail::instantiateRule<Rule>};
}

}  // namespace mt::api
