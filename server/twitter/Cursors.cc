#include "Cursors.h"

#include <sodium.h>

#include <charconv>

#include "Sodium.h"

namespace mt::twitter {

namespace {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::size_t kMaxCursorLength = 64;  // "t:" and 19 digits encode to 28

}  // namespace

std::string encodeCursor(CursorKind kind, db::Id id) {
  ensureSodium();
  const std::string plain = std::string(1, static_cast<char>(kind)) + ":" + std::to_string(id);
  std::string encoded(sodium_base64_ENCODED_LEN(plain.size(), kVariant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), kVariant);
  encoded.resize(encoded.size() - 1);  // the terminating NUL
  return encoded;
}

std::optional<db::Id> decodeCursor(CursorKind kind, std::string_view cursor) {
  if (cursor.empty() || cursor.size() > kMaxCursorLength) return std::nullopt;
  ensureSodium();
  unsigned char plain[kMaxCursorLength];
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(plain, sizeof plain, cursor.data(), cursor.size(), nullptr, &length, &end,
                        kVariant) != 0 ||
      end != cursor.data() + cursor.size()) {
    return std::nullopt;
  }
  const std::string_view text(reinterpret_cast<const char*>(plain), length);
  if (text.size() < 3 || text[0] != static_cast<char>(kind) || text[1] != ':') return std::nullopt;
  return parsePositiveId(text.substr(2));
}

std::optional<db::Id> parsePositiveId(std::string_view text) noexcept {
  if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
  db::Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace mt::twitter
