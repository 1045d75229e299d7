// The engine the whole-pipeline fuzz entries share, and the document they
// make of the fuzzer's bytes: valid UTF-8 only, as intake guarantees.
#ifndef RASD_FUZZ_ENGINE_INPUT_H_
#define RASD_FUZZ_ENGINE_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "rasd/engine.h"

#include "common/utf8.h"

namespace rasd::fuzz {

inline const Engine& TheEngine() {
  static const std::unique_ptr<Engine> engine = [] {
    auto made = Engine::Create({RASD_SOURCE_DIR "/data"});
    if (!made.ok()) std::abort();
    return std::move(made).value();
  }();
  return *engine;
}

// The input as an article, or nothing when it is not UTF-8.
inline std::optional<Document> DocumentOf(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (utf8::FirstInvalid(text) != text.size()) return std::nullopt;
  Document doc;
  doc.doc_id = "fuzz";
  doc.text = std::string(text);
  doc.pub_date = "2015-08-01";
  return doc;
}

}  // namespace rasd::fuzz

#endif  // RASD_FUZZ_ENGINE_INPUT_H_
