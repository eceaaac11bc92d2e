#include "Progress.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace mt::experiment::runner {

namespace {

constexpr std::string_view kDriverPrefix = "driver: ";
constexpr std::string_view kClearLine = "\r\033[K";

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::string clockText(double seconds) {
  const long total = std::max(0L, static_cast<long>(seconds + 0.5));
  char text[32];
  if (total >= 3600)
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  else
    std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
  return text;
}

Progress::Progress(std::ostream& out, bool terminal, std::vector<ProgressRun> runs,
                   double setUpGuess)
    : out_(out),
      terminal_(terminal),
      runs_(std::move(runs)),
      setUpGuess_(setUpGuess),
      began_(std::chrono::steady_clock::now()),
      runBegan_(began_) {}

double Progress::setUpEstimate() const {
  return setUpCount_ > 0 ? setUpSum_ / setUpCount_ : setUpGuess_;
}

double Progress::remainingSeconds() const {
  const double setUp = setUpEstimate();
  double left = 0;
  std::size_t next = current_;
  if (running_) {
    const ProgressRun& run = runs_[current_];
    left += std::max(0.0, run.measuredSeconds + setUp - secondsSince(runBegan_));
    ++next;
  }
  for (std::size_t i = next; i < runs_.size(); ++i)
    left += runs_[i].measuredSeconds + setUp;
  return left;
}

std::string Progress::statusText(std::size_t index) const {
  if (runs_.empty()) return {};
  const ProgressRun& run = runs_[std::min(index, runs_.size() - 1)];
  std::string text = "[" + run.point + " " + std::to_string(run.pointNumber) + "/" +
                     std::to_string(run.pointCount) + " r" + std::to_string(run.repetition) + "/" +
                     std::to_string(run.repetitions) + "]";
  if (!run.assignments.empty()) text += " " + run.assignments;
  if (!phase_.empty()) text += ": " + phase_;
  text += " · elapsed " + clockText(secondsSince(began_)) + ", ~" + clockText(remainingSeconds()) +
          " left";
  return text;
}

void Progress::show(bool permanent) {
  if (terminal_) {
    out_ << kClearLine << statusText(current_);
    if (permanent) out_ << "\n";
    statusShown_ = !permanent;
  } else {
    out_ << statusText(current_) << "\n";
  }
  out_.flush();
}

void Progress::runStarted(std::size_t index) {
  current_ = std::min(index, runs_.size() - 1);
  running_ = true;
  runBegan_ = std::chrono::steady_clock::now();
  phase_ = "starting";
  show(false);
}

void Progress::driverLine(const std::string& line) {
  if (!line.starts_with(kDriverPrefix) || line.starts_with("driver: error: ")) return;
  std::string phase = line.substr(kDriverPrefix.size());
  if (phase == phase_) return;
  phase_ = std::move(phase);
  show(false);
}

void Progress::tick() {
  if (terminal_ && running_) show(false);
}

void Progress::runFinished(const std::string& outcome, double wallSeconds) {
  if (running_) {
    setUpSum_ += std::max(0.0, wallSeconds - runs_[current_].measuredSeconds);
    ++setUpCount_;
  }
  running_ = false;
  phase_ = outcome + " in " + clockText(wallSeconds);
  // The finished run's line, with the estimate for the runs after it.
  const std::size_t finished = current_++;
  const std::string text = statusText(finished);
  if (terminal_) out_ << kClearLine;
  out_ << text << "\n";
  out_.flush();
  statusShown_ = false;
  phase_.clear();
}

void Progress::note(const std::string& text) {
  if (terminal_ && statusShown_) out_ << kClearLine;
  out_ << text << "\n";
  if (terminal_ && statusShown_) out_ << statusText(current_);
  out_.flush();
}

void Progress::finish() {
  if (terminal_ && statusShown_) out_ << kClearLine;
  statusShown_ = false;
  out_.flush();
}

}  // namespace mt::experiment::runner
