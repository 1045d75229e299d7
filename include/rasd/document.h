// A news article as rasd reads it: decoded UTF-8 text plus metadata. Every
// offset rasd reports refers to `text` exactly as stored here.
#ifndef RASD_DOCUMENT_H_
#define RASD_DOCUMENT_H_

#include <string>

namespace rasd {

struct Document {
  std::string doc_id;
  std::string title;
  std::string text;      // UTF-8, never modified after intake
  std::string pub_date;  // ISO yyyy-mm-dd, or empty when unknown
  std::string source;    // outlet, as given by the input
  std::string url;
  std::string origin;  // where it was read from: "dir/a.txt", "dev.jsonl:12"
};

}  // namespace rasd

#endif  // RASD_DOCUMENT_H_
