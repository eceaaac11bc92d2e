#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "ChangeFeed.h"
#include "SubscriberList.h"

namespace mt::db {

// The change feed of a database one process owns (SQLite). publish() takes a ticket
// and asks the connection to hand the changes over after the commit; tickets are
// delivered strictly in order, so listeners see changes in commit order (SQLite's
// writers hold the write lock from BEGIN IMMEDIATE to COMMIT, so the order in which
// they publish is the order in which they commit). A rolled-back transaction's ticket
// is skipped. Listeners run on a committing thread.
class InProcessChangeFeed final : public ChangeFeed {
 public:
  InProcessChangeFeed();
  ~InProcessChangeFeed() override;

  void publish(SqlConnection& connection, std::span<const Change> changes) override;
  SubscriptionId subscribe(Listener listener) override;
  void unsubscribe(SubscriptionId id) override;

  // The ordering and delivery state, shared with the tickets that pending
  // transactions hold (a connection may drop its callbacks after the feed is gone).
  class Sequencer;

 private:
  std::shared_ptr<Sequencer> sequencer_;
};

}  // namespace mt::db
