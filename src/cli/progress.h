// Internal header. A one-line progress display on stderr for long runs
// (documents, MB, MB/s, events, ETA when the total is known), redrawn at
// most every half second, and the summary line printed at the end.
#ifndef RASD_CLI_PROGRESS_H_
#define RASD_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace rasd::cli {

class Progress {
 public:
  // `live`: redraw the line (stderr is a terminal); otherwise only Summary prints.
  // `total_bytes`: input size when known (for the ETA), else 0.
  Progress(bool live, std::uint64_t total_bytes);

  void Add(std::size_t documents, std::uint64_t bytes, std::size_t events);
  void AddRejected(std::size_t n) { rejected_ += n; }
  // "rasd: 65 documents (0.33 MB) in 0.1 s, 3.3 MB/s, 344 events, 0 rejected"
  std::string Summary(const char* verb) const;
  void Finish(const char* verb);

  std::size_t documents() const { return documents_; }
  std::size_t rejected() const { return rejected_; }

 private:
  void Redraw();
  double Seconds() const;

  bool live_;
  std::uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  std::size_t documents_ = 0;
  std::uint64_t bytes_ = 0;
  std::size_t events_ = 0;
  std::size_t rejected_ = 0;
};

}  // namespace rasd::cli

#endif  // RASD_CLI_PROGRESS_H_
