#include <gtest/gtest.h>

#include "FileCache.h"

namespace mt::views {
namespace {

std::shared_ptr<CachedFile> fileOf(std::size_t size, std::int64_t usedAt = 0) {
  auto file = std::make_shared<CachedFile>();
  file->body.assign(size, 'x');
  file->usedAt = usedAt;
  return file;
}

TEST(FileCacheTest, FindInsertReplaceErase) {
  FileCache cache(100);
  EXPECT_EQ(cache.find("a"), nullptr);
  auto a = fileOf(10);
  cache.insert("a", a);
  EXPECT_EQ(cache.find("a").get(), a.get());
  auto a2 = fileOf(30);
  cache.insert("a", a2);
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(cache.bytes(), 30u);
  cache.erase("a", a.get());  // stale: a2 replaced it
  EXPECT_EQ(cache.entries(), 1u);
  cache.erase("a", a2.get());
  EXPECT_EQ(cache.entries(), 0u);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(FileCacheTest, StaysWithinBudgetEvictingLeastRecentlyUsed) {
  FileCache cache(100);
  cache.insert("old", fileOf(40));
  cache.insert("new", fileOf(40));
  // insert() stamps entries with the current second; make "old" older than that.
  cache.find("old")->usedAt.store(-1);
  cache.insert("third", fileOf(40));
  EXPECT_LE(cache.bytes(), 100u);
  EXPECT_EQ(cache.find("old"), nullptr);
  EXPECT_NE(cache.find("third"), nullptr);
}

TEST(FileCacheTest, FileLargerThanTheBudgetIsNotKept) {
  FileCache cache(10);
  cache.insert("huge", fileOf(11));
  EXPECT_EQ(cache.entries(), 0u);
}

}  // namespace
}  // namespace mt::views
