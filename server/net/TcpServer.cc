#include "TcpServer.h"

#include <errno.h>
#include <signal.h>
#include <sys/socket.h>

#include <future>
#include <system_error>
#include <thread>

namespace mt::net {

namespace {
std::size_t defaultLoopThreads() {
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

// Every loop binds its own SO_REUSEPORT socket, which would happily share the port
// with another process doing the same. A plain bind first makes "port in use" an
// error, as users expect.
void checkPortIsFree(const SocketAddress& address) {
  FileDescriptor probe(::socket(address.family(), SOCK_STREAM | SOCK_CLOEXEC, 0));
  int one = 1;
  ::setsockopt(probe.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  if (::bind(probe.get(), address.get(), address.length()) < 0) {
    throw std::system_error(errno, std::generic_category(),
                            "cannot listen on " + address.toString());
  }
}
}  // namespace

TcpServer::TcpServer(ServerOptions options, ProtocolFactory& factory)
    : options_(std::move(options)),
      factory_(factory),
      workers_(options_.workerThreads, options_.workerQueueCapacity),
      shared_{options_, factory_, workers_, stats_} {
  if (options_.loopThreads == 0) options_.loopThreads = defaultLoopThreads();
}

TcpServer::~TcpServer() {
  if (running_) shutdown(std::chrono::milliseconds(0));
}

void TcpServer::start() {
  // A peer that resets while we write must be an error code, not a signal.
  ::signal(SIGPIPE, SIG_IGN);
  SocketAddress address = SocketAddress::parse(options_.bindAddress, options_.port);
  if (options_.port != 0) checkPortIsFree(address);
  for (std::size_t i = 0; i < options_.loopThreads; ++i) {
    loops_.push_back(std::make_unique<ServerLoop>(shared_, address));
    // Port 0: the first socket picks a port and the others join it.
    if (i == 0) address = SocketAddress::parse(options_.bindAddress, loops_[0]->port());
  }
  port_ = loops_.front()->port();
  for (auto& loop : loops_)
    loop->start();
  running_ = true;
}

void TcpServer::onEveryLoop(void (ServerLoop::*task)()) {
  std::vector<std::future<void>> done;
  for (auto& loop : loops_) {
    auto promise = std::make_shared<std::promise<void>>();
    done.push_back(promise->get_future());
    ServerLoop* target = loop.get();
    target->loop().runInLoop([target, task, promise] {
      (target->*task)();
      promise->set_value();
    });
  }
  for (auto& f : done)
    f.wait();
}

std::size_t TcpServer::shutdown(std::chrono::milliseconds grace) {
  if (!running_) return 0;
  running_ = false;
  onEveryLoop(&ServerLoop::stopAccepting);
  onEveryLoop(&ServerLoop::beginShutdown);
  auto deadline = std::chrono::steady_clock::now() + grace;
  while (stats_.connectionsOpen.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  auto forced = static_cast<std::size_t>(std::max<std::int64_t>(0, stats_.connectionsOpen.load()));
  onEveryLoop(&ServerLoop::closeAll);
  // Workers finish what they hold before the loops stop; their completions find
  // their connections gone and do nothing.
  workers_.stop();
  for (auto& loop : loops_)
    loop->loop().quit();
  for (auto& loop : loops_)
    loop->join();
  loops_.clear();
  return forced;
}

}  // namespace mt::net
