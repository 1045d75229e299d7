// Errors as values. Every fallible rasd call returns a Status or a Result<T>;
// no exception crosses a component edge. The codes are stable: the CLI maps
// them to exit codes and the server to HTTP statuses (see ExitCodeFor).
#ifndef RASD_STATUS_H_
#define RASD_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace rasd {

enum class StatusCode : std::uint8_t {
  kOk = 0,
  kInvalidArgument = 1,    // the caller asked for something malformed
  kNotFound = 2,           // a file, id or record that does not exist
  kBadInput = 3,           // input text or data that cannot be read as promised
  kIoError = 4,            // the operating system refused a read or write
  kResourceExhausted = 5,  // a limit in limits.h was reached
  kFailedPrecondition = 6,
  kInternal = 7,  // a bug in rasd
};

std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "bad_input: corpus.jsonl:12: not JSON"
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status BadInput(std::string m) { return {StatusCode::kBadInput, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status ResourceExhausted(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}
inline Status FailedPrecondition(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// Process exit code for a status: 0 ok, 2 usage, 3 bad input, 4 I/O, 1 other.
int ExitCodeFor(const Status& status);

// A value or the reason there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace rasd

// Returns early from the enclosing function when `expr` is not ok.
#define RASD_RETURN_IF_ERROR(expr)               \
  do {                                           \
    ::rasd::Status rasd_status_ = (expr);        \
    if (!rasd_status_.ok()) return rasd_status_; \
  } while (0)

#endif  // RASD_STATUS_H_
