// Internal header. The reader shared by the small TSV lexicons of data/text/
// (number words, qualifiers, month names, relative date words): each row is
// a phrase, a kind and an integer value, with optional flags. Phrases are
// folded with NormalizeForMatch when loaded, so a linguist writes ordinary
// spelling (مئة، أمس) and the table matches normalised tokens (مئه، امس).
#ifndef RASD_TEXT_LEXICON_H_
#define RASD_TEXT_LEXICON_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace rasd::text {

// One lexicon row: `phrase <TAB> kind <TAB> value [<TAB> flags]`.
struct PhraseEntry {
  std::vector<std::string> words;  // normalised, at least one
  std::string kind;
  std::int64_t value = 0;
  std::string flags;  // space-separated words, e.g. "wf ctx"
  bool HasFlag(std::string_view flag) const;
};

struct PhraseMatch {
  const PhraseEntry* entry = nullptr;
  std::uint32_t end_token = 0;  // one past the last word of the phrase
  std::string_view proclitic;   // cut from the first word ("" when none)
};

// Flag "wf": the first word takes only the conjunctions و and ف, so that
// لليوم ("for the day") is not اليوم ("today").
inline constexpr std::string_view kOnlyConjunctionFlag = "wf";

class PhraseTable {
 public:
  // Parses `tsv`; '#' starts a comment line. Malformed rows are skipped and
  // described in errors() (the lexicon tests require it to be empty).
  static PhraseTable FromTsv(std::string_view tsv);

  // The longest phrase starting at tokens[i] whose kind passes `accept`.
  // The first word may carry a proclitic (و ف ب ل ك) and keeps its article;
  // later words must match whole tokens, separated by spaces only.
  std::optional<PhraseMatch> MatchAt(const NormalizedText& norm, const std::vector<Token>& tokens,
                                     std::uint32_t i,
                                     const std::function<bool(const PhraseEntry&)>& accept) const;

  // True when some form of `token` is the first word of some phrase: a cheap
  // test that lets readers skip most tokens before trying each kind.
  bool MayStartAt(const NormalizedText& norm, const Token& token) const;

  const std::vector<PhraseEntry>& entries() const { return entries_; }
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<PhraseEntry> entries_;
  // First word -> indices into entries_, longest phrase first.
  std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>> by_first_;
  std::vector<std::string> errors_;
};

// The normalised text of a token.
inline std::string_view TokenText(const NormalizedText& norm, const Token& token) {
  return norm.View(token.norm);
}

// Calls visit(proclitic, word) for the surface of an Arabic word and for each
// clitic reading without an enclitic pronoun, where `word` is the text after
// the proclitic with its article kept (the ل of لل is given back as ال).
// Stops and returns true as soon as visit returns true.
bool AnyWordForm(
    const NormalizedText& norm, const Token& token,
    const std::function<bool(std::string_view proclitic, std::string_view word)>& visit);

// True when the proclitic is empty or only the conjunction و or ف.
bool IsConjunctionOnly(std::string_view proclitic);

// True when `proclitic` is exactly the conjunction و.
bool IsWaw(std::string_view proclitic);

}  // namespace rasd::text

#endif  // RASD_TEXT_LEXICON_H_
