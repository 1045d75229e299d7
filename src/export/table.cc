// Terminal table layout.
#include "export/table.h"

#include <algorithm>

#include "common/utf8.h"

namespace rasd {
namespace {

// The first `n` code points of a valid UTF-8 string.
std::string FirstCodePoints(const std::string& s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < n && i < s.size(); ++k) {
    std::size_t len = 1;
    utf8::Decode(s, i, &len);
    i += len;
  }
  return s.substr(0, i);
}

std::string Fit(const std::string& cell, std::size_t max) {
  std::string flat = cell;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  std::replace(flat.begin(), flat.end(), '\t', ' ');
  if (utf8::CountCodePoints(flat) <= max) return flat;
  return FirstCodePoints(flat, max - 1) + "\u2026";
}

}  // namespace

void TextTable::AddRow(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  for (std::string& c : cells) c = Fit(c, max_cell_);
  rows_.push_back(std::move(cells));
}

std::string TextTable::Render() const {
  std::vector<std::size_t> width(headers_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c) {
    width[c] = utf8::CountCodePoints(headers_[c]);
    for (const auto& row : rows_) width[c] = std::max(width[c], utf8::CountCodePoints(row[c]));
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      out += cells[c];
      if (c + 1 < cells.size()) out.append(width[c] - utf8::CountCodePoints(cells[c]) + 2, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
  };
  line(headers_);
  std::vector<std::string> rule;
  rule.reserve(width.size());
  for (const std::size_t w : width) rule.emplace_back(w, '-');
  line(rule);
  for (const auto& row : rows_) line(row);
  return out;
}

}  // namespace rasd
