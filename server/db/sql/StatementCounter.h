#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

namespace mt::db {

// The count behind Database::statementsExecuted(): one per database, shared by every
// connection its pool opens (a connection may outlive nothing but it must not dangle,
// hence the shared ownership).
using StatementCounter = std::atomic<std::uint64_t>;
using SharedStatementCounter = std::shared_ptr<StatementCounter>;

}  // namespace mt::db
