#pragma once

namespace mt::twitter {

// Initialises libsodium once per process (thread-safe); every user of libsodium here
// calls it first. Throws std::runtime_error if libsodium cannot start (no entropy).
void ensureSodium();

}  // namespace mt::twitter
