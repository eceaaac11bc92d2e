#include "InterruptSignals.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace mt::experiment::runner {

namespace {

constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};

volatile std::sig_atomic_t firstSignal = 0;
int pipeRead = -1;
int pipeWrite = -1;

extern "C" void onSignal(int number) {
  const int saved = errno;
  if (firstSignal == 0) firstSignal = number;
  const char byte = 1;
  [[maybe_unused]] const ssize_t ignored = ::write(pipeWrite, &byte, 1);
  errno = saved;
}

}  // namespace

InterruptSignals::InterruptSignals() {
  if (pipeRead >= 0) throw std::logic_error("InterruptSignals: one at a time");
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
    throw std::runtime_error("cannot create the signal pipe");
  pipeRead = fds[0];
  pipeWrite = fds[1];
  firstSignal = 0;
  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  for (int i = 0; i < 3; ++i)
    ::sigaction(kSignals[i], &action, &previous_[i]);
}

InterruptSignals::~InterruptSignals() {
  for (int i = 0; i < 3; ++i)
    ::sigaction(kSignals[i], &previous_[i], nullptr);
  ::close(pipeRead);
  ::close(pipeWrite);
  pipeRead = pipeWrite = -1;
}

int InterruptSignals::fd() const {
  return pipeRead;
}

int InterruptSignals::received() const {
  return firstSignal;
}

void InterruptSignals::drain() const {
  char buffer[64];
  while (::read(pipeRead, buffer, sizeof buffer) > 0) {
  }
}

}  // namespace mt::experiment::runner
