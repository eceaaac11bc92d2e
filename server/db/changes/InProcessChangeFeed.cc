#include "InProcessChangeFeed.h"

#include <utility>

#include "SqlConnection.h"

namespace mt::db {

class InProcessChangeFeed::Sequencer {
 public:
  SubscriberList subscribers;

  std::uint64_t take() {
    std::lock_guard lock(mutex_);
    return nextTicket_++;
  }

  // Ticket `ticket` is done: its changes (none when rolled back) may go out once
  // every earlier ticket has. Whoever completes the next ticket in line delivers all
  // that are ready; a delivery already running on another thread picks them up.
  void complete(std::uint64_t ticket, std::vector<Change> changes) {
    std::unique_lock lock(mutex_);
    ready_.emplace(ticket, std::move(changes));
    if (delivering_) return;
    delivering_ = true;
    for (auto next = ready_.find(nextToDeliver_); next != ready_.end();
         next = ready_.find(nextToDeliver_)) {
      std::vector<Change> batch = std::move(next->second);
      ready_.erase(next);
      ++nextToDeliver_;
      lock.unlock();
      subscribers.deliver(batch);
      lock.lock();
    }
    delivering_ = false;
  }

 private:
  std::mutex mutex_;
  std::uint64_t nextTicket_ = 0;
  std::uint64_t nextToDeliver_ = 0;
  std::map<std::uint64_t, std::vector<Change>> ready_;
  bool delivering_ = false;
};

namespace {

// One publish() waiting for its transaction. Run after the commit, it hands its
// changes over; destroyed without having run (the transaction rolled back and the
// connection dropped the callback), it gives up its ticket so later ones can go.
class PendingChanges {
 public:
  PendingChanges(std::shared_ptr<InProcessChangeFeed::Sequencer> sequencer, std::uint64_t ticket,
                 std::vector<Change> changes)
      : sequencer_(std::move(sequencer)), ticket_(ticket), changes_(std::move(changes)) {}
  ~PendingChanges() {
    if (!done_) sequencer_->complete(ticket_, {});
  }
  PendingChanges(const PendingChanges&) = delete;
  PendingChanges& operator=(const PendingChanges&) = delete;

  void committed() {
    if (done_) return;
    done_ = true;
    sequencer_->complete(ticket_, std::move(changes_));
  }

 private:
  std::shared_ptr<InProcessChangeFeed::Sequencer> sequencer_;
  std::uint64_t ticket_;
  std::vector<Change> changes_;
  bool done_ = false;
};

}  // namespace

InProcessChangeFeed::InProcessChangeFeed() : sequencer_(std::make_shared<Sequencer>()) {}

InProcessChangeFeed::~InProcessChangeFeed() = default;

void InProcessChangeFeed::publish(SqlConnection& connection, std::span<const Change> changes) {
  if (changes.empty()) return;
  auto pending = std::make_shared<PendingChanges>(
      sequencer_, sequencer_->take(), std::vector<Change>(changes.begin(), changes.end()));
  connection.afterCommit([pending] { pending->committed(); });
}

ChangeFeed::SubscriptionId InProcessChangeFeed::subscribe(Listener listener) {
  return sequencer_->subscribers.add(std::move(listener));
}

void InProcessChangeFeed::unsubscribe(SubscriptionId id) {
  sequencer_->subscribers.remove(id);
}

}  // namespace mt::db
