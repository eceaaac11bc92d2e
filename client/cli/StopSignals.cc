#include "StopSignals.h"

#include <pthread.h>

#include <cerrno>
#include <ctime>

namespace mt::client::cli {

namespace {

sigset_t stopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

StopSignals::StopSignals(std::function<void()> onStop) : onStop_(std::move(onStop)) {
  const sigset_t set = stopSignals();
  pthread_sigmask(SIG_BLOCK, &set, &previousMask_);
  watcher_ = std::thread([this] { watch(); });
}

StopSignals::~StopSignals() {
  done_ = true;
  watcher_.join();
  pthread_sigmask(SIG_SETMASK, &previousMask_, nullptr);
}

void StopSignals::watch() {
  const sigset_t set = stopSignals();
  const timespec tick{0, 100'000'000};
  while (!done_) {
    if (signalled_) {
      onStop_();
      nanosleep(&tick, nullptr);
      continue;
    }
    if (sigtimedwait(&set, nullptr, &tick) > 0) {
      signalled_ = true;
      onStop_();
    }
  }
}

}  // namespace mt::client::cli
