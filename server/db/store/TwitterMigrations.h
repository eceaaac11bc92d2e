#pragma once

#include <span>

#include "Migrations.h"

namespace mt::db {

// The Twitter's schema as versioned migrations, for both dialects.
std::span<const Migration> twitterMigrations();

}  // namespace mt::db
