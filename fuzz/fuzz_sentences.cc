// Fuzzer for the text pipeline up to sentences: Normalize, Tokenize and
// SplitSentences on arbitrary bytes. Checks that tokens are non-empty, in
// order, within the text and no longer than the limit, that readings stay
// inside their word, and that sentences cover every token exactly once.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "common/limits.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckTokens(const rasd::text::NormalizedText& norm,
                 const std::vector<rasd::text::Token>& tokens, std::size_t original_size) {
  std::uint32_t last_end = 0;
  for (std::uint32_t i = 0; i < tokens.size(); ++i) {
    const rasd::text::Token& t = tokens[i];
    Check(t.norm.begin.value >= last_end && t.norm.begin < t.norm.end);
    Check(t.norm.end.value <= norm.text.size());
    Check(t.norm.size() <= rasd::limits::kMaxTokenBytes);
    Check(t.original.begin <= t.original.end && t.original.end.value <= original_size);
    last_end = t.norm.end.value;
    const bool word = t.kind == rasd::text::TokenKind::kArabicWord;
    Check(word ? t.reading_count >= 1 : t.reading_count == 0);
    Check(t.reading_count <= rasd::text::kMaxReadings);
    for (std::size_t k = 0; k < t.reading_count; ++k) {
      const rasd::text::CliticReading& r = t.readings[k];
      const auto cut =
          static_cast<std::uint32_t>(r.proclitic_bytes + r.article_bytes + r.enclitic_bytes);
      Check(cut < t.norm.size() || (k == 0 && cut == 0));
      Check(!rasd::text::StemOf(norm, t, r).empty());
    }
    const std::uint32_t p = rasd::text::DetachedProcliticOf(tokens, i);
    Check(p == rasd::text::kNoToken || (p < i && tokens[p].detached_proclitic));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  rasd::text::NormalizedText norm;
  rasd::text::Normalize(in, &norm);
  std::vector<rasd::text::Token> tokens;
  rasd::text::Tokenize(norm, &tokens);
  CheckTokens(norm, tokens, size);
  std::vector<rasd::text::Sentence> sentences;
  rasd::text::SplitSentences(norm, tokens, &sentences);
  std::uint32_t next = 0;
  for (const rasd::text::Sentence& s : sentences) {
    Check(s.first_token == next && s.first_token < s.end_token);
    Check(s.end_token - s.first_token <= rasd::limits::kMaxSentenceTokens);
    Check(s.dateline_end_token >= s.first_token && s.dateline_end_token <= s.end_token);
    Check(s.norm.begin == tokens[s.first_token].norm.begin);
    Check(s.norm.end == tokens[s.end_token - 1].norm.end);
    next = s.end_token;
  }
  Check(next == tokens.size());
  return 0;
}
