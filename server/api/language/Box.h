#pragma once

#include <memory>
#include <utility>

namespace mt::api::ast {

// An owning pointer with value semantics, never null until moved from: copying a Box copies what it
// holds. The AST needs it where a node contains a node of its own kind directly
// (a list type holds a type), which a std::variant member cannot, and keeps the whole
// tree copyable like a plain value.
template <class T>
class Box {
 public:
  Box() : value_(std::make_unique<T>()) {}
  Box(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit on purpose
  Box(const Box& other) : value_(std::make_unique<T>(*other.value_)) {}
  // A moved-from Box may only be assigned to or destroyed.
  Box(Box&& other) noexcept : value_(std::exchange(other.value_, nullptr)) {}
  Box& operator=(const Box& other) {
    if (this != &other) value_ = std::make_unique<T>(*other.value_);
    return *this;
  }
  Box& operator=(Box&& other) noexcept {
    std::swap(value_, other.value_);
    return *this;
  }
  ~Box() = default;

  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace mt::api::ast
