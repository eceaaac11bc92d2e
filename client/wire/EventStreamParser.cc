#include "EventStreamParser.h"

#include <limits>

namespace mt::load {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool allDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

void EventStreamParser::reset() {
  line_.clear();
  lineInBuffer_ = false;
  skipLf_ = false;
  bomMatched_ = 0;
  bomDecided_ = false;
  type_.clear();
  data_.clear();
  lastEventId_.clear();
  retryMs_.reset();
  comments_ = 0;
  error_.clear();
}

bool EventStreamParser::skipByteOrderMark(std::string_view& input) {
  while (!input.empty() && bomMatched_ < kByteOrderMark.size()) {
    if (input.front() != kByteOrderMark[bomMatched_]) {
      // Not a byte order mark after all: the bytes taken for one start the first line.
      line_.append(kByteOrderMark.substr(0, bomMatched_));
      bomDecided_ = true;
      return true;
    }
    ++bomMatched_;
    input.remove_prefix(1);
  }
  bomDecided_ = bomMatched_ == kByteOrderMark.size();
  return bomDecided_;
}

bool EventStreamParser::takeLine(std::string_view& input, std::string_view& line) {
  if (lineInBuffer_) {
    line_.clear();
    lineInBuffer_ = false;
  }
  if (!bomDecided_ && !skipByteOrderMark(input)) return false;
  if (skipLf_ && !input.empty()) {
    skipLf_ = false;
    if (input.front() == '\n') input.remove_prefix(1);
  }
  const std::size_t end = input.find_first_of("\r\n");
  const std::size_t length = end == std::string_view::npos ? input.size() : end;
  if (line_.size() + length > kMaxEventBytes) {
    fail("event stream line longer than 1 MiB");
    return false;
  }
  if (end == std::string_view::npos) {
    line_.append(input);
    input = {};
    return false;
  }
  if (line_.empty()) {
    line = input.substr(0, end);
  } else {
    line_.append(input.substr(0, end));
    line = line_;
    lineInBuffer_ = true;
  }
  std::size_t lineEnd = 1;
  if (input[end] == '\r') {
    if (end + 1 == input.size()) {
      skipLf_ = true;  // the LF of a CRLF may start the next feed
    } else if (input[end + 1] == '\n') {
      lineEnd = 2;
    }
  }
  input.remove_prefix(end + lineEnd);
  return true;
}

bool EventStreamParser::onLine(std::string_view line) {
  if (line.empty()) {
    if (data_.empty()) {
      type_.clear();
      return false;
    }
    data_.pop_back();  // the '\n' after the last data line
    return true;
  }
  if (line.front() == ':') {
    ++comments_;
    return false;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    onField(line, {});
    return false;
  }
  std::string_view value = line.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  onField(line.substr(0, colon), value);
  return false;
}

void EventStreamParser::onField(std::string_view name, std::string_view value) {
  if (name == "data") {
    if (data_.size() + value.size() + 1 > kMaxEventBytes) {
      fail("event stream event larger than 1 MiB");
      return;
    }
    data_.append(value);
    data_.push_back('\n');
  } else if (name == "event") {
    type_.assign(value);
  } else if (name == "id") {
    if (value.find('\0') == std::string_view::npos) lastEventId_.assign(value);
  } else if (name == "retry") {
    if (!allDigits(value)) return;
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t ms = 0;
    for (char c : value) {
      const auto digit = static_cast<std::uint64_t>(c - '0');
      ms = ms > (kMax - digit) / 10 ? kMax : ms * 10 + digit;
    }
    retryMs_ = ms;
  }
}

void EventStreamParser::endEvent() {
  type_.clear();
  data_.clear();
}

}  // namespace mt::load
