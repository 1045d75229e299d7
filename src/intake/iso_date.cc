// Strict ISO date recognition for publication dates, by hand: std::chrono's
// parse is not in g++ 12, and ICU's date formats accept far more than ISO.
#include "intake/iso_date.h"

namespace rasd::intake {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<int> Digits(std::string_view s, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!IsDigit(s[i])) return std::nullopt;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> IsoDatePart(std::string_view value) {
  constexpr std::size_t kDateChars = 10;  // yyyy-mm-dd
  const std::string_view s = TrimSpaces(value);
  if (s.size() < kDateChars || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (s.size() > kDateChars && s[kDateChars] != 'T' && s[kDateChars] != ' ') return std::nullopt;
  const std::optional<int> year = Digits(s, 0, 4);
  const std::optional<int> month = Digits(s, 5, 2);
  const std::optional<int> day = Digits(s, 8, 2);
  if (!year || !month || !day || *year < 1 || *month < 1 || *month > 12 || *day < 1 ||
      *day > DaysInMonth(*year, *month)) {
    return std::nullopt;
  }
  return std::string(s.substr(0, kDateChars));
}

}  // namespace rasd::intake
