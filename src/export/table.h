// Internal header. A plain-text table for the terminal: columns padded to
// their widest cell (counted in code points, so Arabic lines up as well as a
// terminal allows), long cells cut with an ellipsis.
#ifndef RASD_EXPORT_TABLE_H_
#define RASD_EXPORT_TABLE_H_

#include <cstddef>
#include <string>
#include <vector>

namespace rasd {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers, std::size_t max_cell = 40)
      : headers_(std::move(headers)), max_cell_(max_cell) {}
  void AddRow(std::vector<std::string> cells);
  std::size_t rows() const { return rows_.size(); }
  // Header, a rule, then one line per row; every line ends with '\n'.
  std::string Render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  std::size_t max_cell_;
};

}  // namespace rasd

#endif  // RASD_EXPORT_TABLE_H_
