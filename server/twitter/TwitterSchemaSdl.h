#pragma once

#include <string_view>

namespace mt::twitter {

// The text of schema.graphql, compiled in so the executable needs no file beside it.
std::string_view twitterSchemaSdl();

}  // namespace mt::twitter
