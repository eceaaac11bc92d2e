#include "CommonLogFormat.h"

#include <charconv>
#include <ctime>

namespace mt::views {
namespace {

constexpr char kMonths[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void appendTwoDigits(std::string& out, int value) {
  out += static_cast<char>('0' + value / 10);
  out += static_cast<char>('0' + value % 10);
}

// "[10/Oct/2000:13:55:36 +0000]". Every request in a second shares the text, so each
// thread keeps the last one it made.
const std::string& bracketedTime(std::chrono::system_clock::time_point when) {
  thread_local std::time_t cachedSecond = -1;
  thread_local std::string cached;
  std::time_t second = std::chrono::system_clock::to_time_t(when);
  if (second != cachedSecond) {
    std::tm utc{};
    gmtime_r(&second, &utc);
    cached.clear();
    cached += '[';
    appendTwoDigits(cached, utc.tm_mday);
    cached += '/';
    cached += kMonths[utc.tm_mon];
    cached += '/';
    cached += std::to_string(utc.tm_year + 1900);
    cached += ':';
    appendTwoDigits(cached, utc.tm_hour);
    cached += ':';
    appendTwoDigits(cached, utc.tm_min);
    cached += ':';
    appendTwoDigits(cached, utc.tm_sec);
    cached += " +0000]";
    cachedSecond = second;
  }
  return cached;
}

void appendEscaped(std::string& out, std::string_view text) {
  constexpr char kHex[] = "0123456789abcdef";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte >= 0x7f) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    } else {
      out += c;
    }
  }
}

void appendNumber(std::string& out, std::uint64_t value) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

}  // namespace

void appendCommonLogLine(std::string& out, const http::AccessRecord& entry) {
  if (entry.peerAddress.empty()) {
    out += '-';
  } else {
    appendEscaped(out, entry.peerAddress);
  }
  out += " - - ";
  out += bracketedTime(entry.received);
  out += " \"";
  appendEscaped(out, entry.method);
  out += ' ';
  appendEscaped(out, entry.target);
  out += " HTTP/1.";
  appendNumber(out, static_cast<std::uint64_t>(entry.versionMinor));
  out += "\" ";
  appendNumber(out, static_cast<std::uint64_t>(entry.status));
  out += ' ';
  if (entry.bodyBytes == 0) {
    out += '-';
  } else {
    appendNumber(out, entry.bodyBytes);
  }
  out += '\n';
}

}  // namespace mt::views
