#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "GraphQLError.h"
#include "ResponsePath.h"
#include "Value.h"

namespace mt::api {

// The response's data as execution builds it, with what null propagation needs.
//
// Execution completes values level by level, so an object's fields are filled in
// after the object has been placed in its parent, and an error deep down may have to
// null an object placed long before (the spec's "propagate to the nearest nullable
// parent"). The tree keeps one node per object and list in the response, in a vector
// indexed by NodeId: where its Value sits, its parent, its key or index there (its
// path), and whether its position is non-null. Node 0 is the root: the data itself.
//
// Slots are pointers into the parents' Values. They stay valid because a container
// is sized once, when made (an object gets all its response keys, a list all its
// items), and never grows. A node whose ancestor has been nulled is dead: its slot
// points into freed storage, so every write first asks isAlive().
class ResultTree {
 public:
  using NodeId = std::uint32_t;
  static constexpr NodeId kRoot = 0;

  // Where a value goes: inside `container`, under a response key or at a list index.
  struct Step {
    std::string_view key;
    std::uint32_t index = 0;
    bool isIndex = false;

    static Step field(std::string_view key) { return {key, 0, false}; }
    static Step item(std::size_t index) { return {{}, static_cast<std::uint32_t>(index), true}; }
  };

  // The root's slot is `data`, which must outlive the tree.
  explicit ResultTree(Value& data);

  // A node for the object or list at `slot`, found at `step` in `parent`; `nonNull`
  // when the type at that position is non-null.
  NodeId add(Value* slot, NodeId parent, Step step, bool nonNull);

  Value& value(NodeId node) noexcept { return *nodes_[node].slot; }

  // False once this node or an ancestor has been nulled.
  bool isAlive(NodeId node) const noexcept { return kills_ == 0 || isAliveSlow(node); }

  // Nulls `node` or, while its position is non-null, its parent instead (up to the
  // root, which nulls the data).
  void nullify(NodeId node) noexcept;

  // The path of the value at `step` in `container`, or of `container` itself.
  std::vector<PathSegment> path(NodeId container, const Step& step) const;
  std::vector<PathSegment> path(NodeId node) const;

  // The same as a ResponsePath chain for resolvers' info.path, built in `buffer`
  // (cleared); the chain is valid as long as the buffer is untouched.
  const ResponsePath* responsePath(NodeId container, const Step& step,
                                   std::vector<ResponsePath>& buffer) const;

  std::size_t size() const noexcept { return nodes_.size(); }

 private:
  struct Node {
    Value* slot;
    NodeId parent;
    Step step;
    bool nonNull;
    bool dead;
  };

  bool isAliveSlow(NodeId node) const noexcept;
  void appendPath(NodeId node, std::vector<PathSegment>& out) const;

  std::vector<Node> nodes_;
  std::size_t kills_ = 0;
};

}  // namespace mt::api
