#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "Model.h"

// Page cursors: opaque to clients (base64url of "t:<tweet id>" or "f:<follow edge id>"),
// so the encoding can change without breaking a client that only passes them back.
namespace mt::twitter {

enum class CursorKind : char { Tweet = 't', FollowEdge = 'f' };

std::string encodeCursor(CursorKind kind, db::Id id);
// The id inside a cursor of `kind`; nullopt for anything else (another kind's cursor,
// text that is not base64url, a non-positive id).
std::optional<db::Id> decodeCursor(CursorKind kind, std::string_view cursor);

// A positive decimal integer that fits an int64 (IDs in the API are their decimal
// strings); nullopt for anything else.
std::optional<db::Id> parsePositiveId(std::string_view text) noexcept;

}  // namespace mt::twitter
