// Prints the SQL the server runs for one authenticated timeline request, in the order
// it runs it: the session lookup (RequestContext::viewer -> SqlStore::sessionUser),
// then the page (SqlStore::timeline), both in their PostgreSQL text. tools/bench-timeline.sh turns
// this output into the pgbench script, so the database-only side of that benchmark reads the
// store's own Statement constants and cannot drift from what the server sends.
//
// Output: one line per statement, `<name><TAB><sql>`. A statement's text never holds
// a tab or a newline (checked here), so the format needs no quoting.
#include <cstdio>
#include <string_view>

#include "AccountStatements.h"
#include "Statement.h"
#include "TweetReadStatements.h"

namespace {

constexpr mt::db::Statement kTimelineRequest[] = {
    mt::db::account_sql::kSessionUser,
    mt::db::tweet_read_sql::kTimelinePostgres,
};

bool fitsOnOneLine(std::string_view text) {
  return text.find_first_of("\t\r\n") == std::string_view::npos;
}

}  // namespace

int main() {
  for (const mt::db::Statement& statement : kTimelineRequest) {
    if (!fitsOnOneLine(statement.name) || !fitsOnOneLine(statement.sql)) {
      std::fprintf(stderr,
                   "timeline_sql: statement '%.*s' spans lines; the format cannot hold it\n",
                   static_cast<int>(statement.name.size()), statement.name.data());
      return 1;
    }
    std::printf("%.*s\t%.*s\n", static_cast<int>(statement.name.size()), statement.name.data(),
                static_cast<int>(statement.sql.size()), statement.sql.data());
  }
  return 0;
}
