#include "ResultTree.h"

#include <string>

namespace mt::api {

ResultTree::ResultTree(Value& data) {
  nodes_.reserve(16);
  // The root's position is nullable: an error that reaches it nulls the data.
  nodes_.push_back({&data, kRoot, {}, false, false});
}

ResultTree::NodeId ResultTree::add(Value* slot, NodeId parent, Step step, bool nonNull) {
  const auto id = static_cast<NodeId>(nodes_.size());
  nodes_.push_back({slot, parent, step, nonNull, false});
  return id;
}

bool ResultTree::isAliveSlow(NodeId node) const noexcept {
  for (;;) {
    const Node& current = nodes_[node];
    if (current.dead) return false;
    if (node == kRoot) return true;
    node = current.parent;
  }
}

void ResultTree::nullify(NodeId node) noexcept {
  while (node != kRoot && nodes_[node].nonNull)
    node = nodes_[node].parent;
  Node& target = nodes_[node];
  if (target.dead) return;
  // Frees the subtree's storage; the dead mark keeps anyone from writing into it.
  *target.slot = Value();
  target.dead = true;
  ++kills_;
}

void ResultTree::appendPath(NodeId node, std::vector<PathSegment>& out) const {
  if (node == kRoot) return;
  appendPath(nodes_[node].parent, out);
  const Step& step = nodes_[node].step;
  if (step.isIndex) {
    out.emplace_back(static_cast<int>(step.index));
  } else {
    out.emplace_back(std::string(step.key));
  }
}

std::vector<PathSegment> ResultTree::path(NodeId node) const {
  std::vector<PathSegment> out;
  appendPath(node, out);
  return out;
}

std::vector<PathSegment> ResultTree::path(NodeId container, const Step& step) const {
  std::vector<PathSegment> out;
  appendPath(container, out);
  if (step.isIndex) {
    out.emplace_back(static_cast<int>(step.index));
  } else {
    out.emplace_back(std::string(step.key));
  }
  return out;
}

const ResponsePath* ResultTree::responsePath(NodeId container, const Step& step,
                                             std::vector<ResponsePath>& buffer) const {
  buffer.clear();
  std::size_t depth = 1;
  for (NodeId node = container; node != kRoot; node = nodes_[node].parent)
    ++depth;
  // Filled from the leaf up, each step pointing at the next slot: no reallocation may
  // happen once pointers are taken, hence the exact size up front.
  buffer.resize(depth);
  auto fill = [](ResponsePath& out, const Step& from, const ResponsePath* prev) {
    out = from.isIndex ? ResponsePath::item(prev, from.index) : ResponsePath::field(prev, from.key);
  };
  std::size_t at = 0;
  fill(buffer[at], step, depth > 1 ? &buffer[at + 1] : nullptr);
  for (NodeId node = container; node != kRoot; node = nodes_[node].parent) {
    ++at;
    fill(buffer[at], nodes_[node].step, at + 1 < depth ? &buffer[at + 1] : nullptr);
  }
  return &buffer[0];
}

}  // namespace mt::api
