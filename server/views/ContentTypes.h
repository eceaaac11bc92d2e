#pragma once

#include <string_view>

namespace mt::views {

// The Content-Type for a file name, chosen by its extension (case-insensitive);
// text types carry "; charset=utf-8". Unknown extensions get
// application/octet-stream, so a browser downloads rather than guesses.
std::string_view contentTypeForPath(std::string_view path);

}  // namespace mt::views
