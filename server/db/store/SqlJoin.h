#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace mt::db {

// SQL text assembled at compile time from fragments, so that a piece many statements
// share (the tweet view's columns, the block filter) is written once while every
// statement stays a constant with static storage, as Statement requires:
//
//   inline constexpr auto kPageSql = joinSql(kTweetView, " WHERE t.id < $2");
//   inline constexpr Statement kPage{"page", kPageSql.view()};
template <std::size_t N>
struct JoinedSql {
  std::array<char, N> chars{};
  constexpr std::string_view view() const { return {chars.data(), N}; }
};

namespace sqljoin_detail {

template <std::size_t N>
consteval JoinedSql<N> asJoinedSql(const JoinedSql<N>& text) {
  return text;
}

template <std::size_t L>
consteval JoinedSql<L - 1> asJoinedSql(const char (&literal)[L]) {
  JoinedSql<L - 1> text;
  for (std::size_t i = 0; i + 1 < L; ++i)
    text.chars[i] = literal[i];
  return text;
}

template <std::size_t... Ns>
consteval JoinedSql<(Ns + ...)> concatenate(const JoinedSql<Ns>&... parts) {
  JoinedSql<(Ns + ...)> text;
  std::size_t at = 0;
  ((std::copy_n(parts.chars.begin(), Ns, text.chars.begin() + at), at += Ns), ...);
  return text;
}

}  // namespace sqljoin_detail

// Concatenates string literals and JoinedSql values.
template <class... Parts>
consteval auto joinSql(const Parts&... parts) {
  return sqljoin_detail::concatenate(sqljoin_detail::asJoinedSql(parts)...);
}

}  // namespace mt::db
