#pragma once

#include <filesystem>
#include <string>

// Writing into a results folder: a reader (a report, a person, a crash) never sees half
// a file.
namespace mt::experiment::runner {

// Writes `text` to a temporary file beside `path`, then renames it over `path`. Throws
// std::runtime_error (or std::filesystem::filesystem_error) when it cannot.
void writeFileAtomically(const std::filesystem::path& path, const std::string& text);

// The current time as RFC 3339 UTC to the second, "2026-11-28T19:00:00Z".
std::string nowRfc3339();

// The current UTC time in a strftime format.
std::string nowUtc(const char* format);

}  // namespace mt::experiment::runner
