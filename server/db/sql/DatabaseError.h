#pragma once

#include <stdexcept>
#include <string>

namespace mt::db {

// Anything the database refused or failed to do. Messages are safe to show to a
// client: they never contain SQL, parameters or connection strings.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The database cannot be reached (down, restarting, connection lost). The request
// fails; the pool reconnects by itself on a later request. Maps to HTTP 503 and to a
// GraphQL error with extensions.code "DATABASE_UNAVAILABLE".
class DatabaseUnavailable : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// A UNIQUE, FOREIGN KEY or CHECK constraint refused a change. `constraint` is the
// constraint's (or, for SQLite, the index's or columns') name as far as the driver
// can tell, so the store can say which rule was broken.
class ConstraintViolation : public DatabaseError {
 public:
  ConstraintViolation(const std::string& message, std::string constraint)
      : DatabaseError(message), constraint_(std::move(constraint)) {}
  const std::string& constraint() const noexcept { return constraint_; }

 private:
  std::string constraint_;
};

// Two transactions collided (PostgreSQL serialization failure or deadlock, SQLite
// SQLITE_BUSY past the busy timeout). Safe to retry the whole transaction.
class TransactionConflict : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// The schema on disk is newer than this binary, or a migration failed.
class MigrationError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

}  // namespace mt::db
