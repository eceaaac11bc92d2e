#include "Sodium.h"

#include <sodium.h>

#include <stdexcept>

namespace mt::twitter {

void ensureSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace mt::twitter
