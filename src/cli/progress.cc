// Progress and summary lines; the only output is to stderr.
#include "cli/progress.h"

#include <cstdio>

#include <fmt/core.h>

namespace rasd::cli {

Progress::Progress(bool live, std::uint64_t total_bytes)
    : live_(live),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

double Progress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Add(std::size_t documents, std::uint64_t bytes, std::size_t events) {
  documents_ += documents;
  bytes_ += bytes;
  events_ += events;
  if (live_ && std::chrono::steady_clock::now() - last_draw_ > std::chrono::milliseconds(500)) {
    Redraw();
  }
}

void Progress::Redraw() {
  last_draw_ = std::chrono::steady_clock::now();
  const double secs = Seconds();
  const double mb = static_cast<double>(bytes_) / 1e6;
  const double rate = secs > 0 ? mb / secs : 0.0;
  std::string eta;
  if (total_bytes_ > bytes_ && rate > 0) {
    eta = fmt::format(", ETA {:.0f} s", static_cast<double>(total_bytes_ - bytes_) / 1e6 / rate);
  }
  std::fprintf(stderr, "\r\x1b[K%zu documents, %.1f MB, %.1f MB/s, %zu events%s", documents_, mb,
               rate, events_, eta.c_str());
  std::fflush(stderr);
}

std::string Progress::Summary(const char* verb) const {
  const double secs = Seconds();
  const double mb = static_cast<double>(bytes_) / 1e6;
  return fmt::format(
      "rasd: {} {} documents ({:.2f} MB) in {:.2f} s, {:.1f} MB/s, {} events, {} rejected", verb,
      documents_, mb, secs, secs > 0 ? mb / secs : 0.0, events_, rejected_);
}

void Progress::Finish(const char* verb) {
  if (live_) std::fputs("\r\x1b[K", stderr);
  std::fprintf(stderr, "%s\n", Summary(verb).c_str());
}

}  // namespace rasd::cli
