// Internal header. The reader shared by the small TSV lexicons of data/text/
// (number words, qualifiers, month names, relative date words): each row is
// a phrase, a kind and an integer value, with optional flags. Phrases are
// folded with NormalizeForMatch when loaded, so a linguist writes ordinary
// spelling (مئة، أمس) and the table matches normalised tokens (مئه، امس).
#ifndef RASD_TEXT_LEXICON_H_
#define RASD_TEXT_LEXICON_H_

#include <array>
#include <cstdint>
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
  std::string flags;              // space-separated words, e.g. "wf ctx"
  bool only_conjunction = false;  // HasFlag(kOnlyConjunctionFlag), read once
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

// True when the proclitic is empty or only the conjunction و or ف.
bool IsConjunctionOnly(std::string_view proclitic);

// True when `proclitic` is exactly the conjunction و.
bool IsWaw(std::string_view proclitic);

// An entry whose first word is a reading of a token (PhraseTable::CandidatesAt).
struct PhraseCandidate {
  std::uint32_t entry = 0;      // index into PhraseTable::entries()
  std::uint32_t end_token = 0;  // one past its last word; 0 when the later words differ
  std::uint8_t reading = 0;     // the reading of the first token
};

// Where a reader finds each token's start hits in one lexicon
// (PhraseTable::StartHits): nowhere (the reader computes them), a byte per
// token given by the caller, or the byte of Token::start_hits that Tokenize
// set from that lexicon's start filter (Analyze tokenises with the number
// lexicon's filter in the low byte and the date lexicon's in the high one),
// so that no pass copies them out of the tokens first.
class StartHitsView {
 public:
  StartHitsView() = default;
  explicit StartHitsView(const std::uint8_t* bytes) : bytes_(bytes) {}
  // Bits `shift` to `shift` + 7 of each token's start_hits.
  StartHitsView(const std::vector<Token>& tokens, std::uint32_t shift)
      : tokens_(tokens.data()), shift_(shift) {}

  bool given() const { return bytes_ != nullptr || tokens_ != nullptr; }
  // Only when given().
  std::uint32_t operator[](std::uint32_t i) const {
    return bytes_ != nullptr ? bytes_[i] : (tokens_[i].start_hits >> shift_) & 0xFFu;
  }

 private:
  const std::uint8_t* bytes_ = nullptr;
  const Token* tokens_ = nullptr;
  std::uint32_t shift_ = 0;
};

class PhraseTable {
 public:
  // Parses `tsv`; '#' starts a comment line. Malformed rows are skipped and
  // described in errors() (the lexicon tests require it to be empty).
  static PhraseTable FromTsv(std::string_view tsv);

  // The longest phrase starting at tokens[i] for which accept(entry) is true.
  // The first word may carry a proclitic (و ف ب ل ك) and keeps its article;
  // later words must match whole tokens, separated by spaces only.
  template <typename Accept>
  std::optional<PhraseMatch> MatchAt(const NormalizedText& norm, const std::vector<Token>& tokens,
                                     std::uint32_t i, const Accept& accept) const;

  // Every entry listed under a reading of tokens[i], in the order MatchAt
  // tries them, with whether its later words follow; *out is cleared first.
  // A reader that asks for several kinds of phrase at one token (the date
  // reader tries a dozen) probes the indexes once and picks with BestOf.
  void CandidatesAt(const NormalizedText& norm, const std::vector<Token>& tokens, std::uint32_t i,
                    std::vector<PhraseCandidate>* out) const;

  // What MatchAt(norm, tokens, i, accept) returns, chosen from
  // CandidatesAt(norm, tokens, i).
  template <typename Accept>
  std::optional<PhraseMatch> BestOf(const NormalizedText& norm, const std::vector<Token>& tokens,
                                    std::uint32_t i, const std::vector<PhraseCandidate>& candidates,
                                    const Accept& accept) const;

  // True when some form of `token` is the first word of some phrase: a cheap
  // test that lets readers skip most tokens before trying each kind. It runs
  // for every token of every text, and nearly every reading of nearly every
  // token fails the start filter, so it is inline and tests the filter for
  // all readings before it branches.
  bool MayStartAt(const NormalizedText& norm, const Token& token) const {
    return MayStartAt(norm, token, StartHits(token));
  }
  // The same, given StartHits(token) (as StartHitsOfBoth computes it).
  bool MayStartAt(const NormalizedText& norm, const Token& token, std::uint32_t start_hits) const {
    for (std::uint32_t hits = start_hits; hits != 0; hits &= hits - 1) {
      const auto r = static_cast<std::uint8_t>(__builtin_ctz(hits));
      if (StartingWith(norm, token, r) != nullptr) return true;
    }
    return false;
  }

  // Calls visit(entry index) for every entry whose first word is a form of
  // `token`: the entries CandidatesAt lists, without looking at later words.
  // A reader that keeps a kind per entry learns from them which of its
  // kinds of phrase it need not try at all.
  template <typename Visit>
  void ForEachStartingAt(const NormalizedText& norm, const Token& token, const Visit& visit) const {
    ForEachStartingAt(norm, token, StartHits(token), visit);
  }
  // The same, given StartHits(token).
  template <typename Visit>
  void ForEachStartingAt(const NormalizedText& norm, const Token& token, std::uint32_t start_hits,
                         const Visit& visit) const {
    for (std::uint32_t hits = start_hits; hits != 0; hits &= hits - 1) {
      const auto r = static_cast<std::uint8_t>(__builtin_ctz(hits));
      if (const std::vector<std::uint32_t>* indices = StartingWith(norm, token, r)) {
        for (const std::uint32_t index : *indices) visit(index);
      }
    }
  }

  const std::vector<PhraseEntry>& entries() const { return entries_; }
  const std::vector<std::string>& errors() const { return errors_; }

  // Bit r set when reading r of an Arabic word has no pronoun suffix and
  // passes the start filter (0 for any other token): the readings
  // StartingWith may find entries for. The loop body does not branch:
  // which readings pass is unpredictable, and nearly none does.
  std::uint32_t StartHits(const Token& token) const {
    const std::uint32_t count = token.kind == TokenKind::kArabicWord ? token.reading_count : 0;
    std::uint32_t hits = 0;
    for (std::uint32_t r = 0; r < count; ++r) {
      const CliticReading& reading = token.readings[r];
      const std::uint32_t bit = StartBit(token.stem_hash[r], reading.definite());
      const auto pass = static_cast<std::uint32_t>(start_filter_[bit / 64] >> (bit % 64)) &
                        static_cast<std::uint32_t>(reading.enclitic_bytes == 0);
      hits |= pass << r;
    }
    return hits;
  }

 private:
  // Eight times the bits of a StemMap's filter for a table of a few hundred
  // words: true for one reading in thirty that starts nothing, where
  // MayContain says true for one in sixteen.
  static constexpr std::uint32_t kStartFilterBits = text::kStartFilterBits;

 public:
  // StartHits(token) of two tables at once, `first` in bits 0-7 and
  // `second` in bits 8-15, from one loop over the readings (the loop's
  // exit, after one to six readings, is mispredicted on most words, and the
  // number and the date readers would each pay for it at every token) and
  // one load per reading: the two start filters are kept side by side, a
  // 16-bit word per filter bit holding the first filter's bit at bit 0 and
  // the second's at bit 8, built once from the tables.
  class StartFilterPair {
   public:
    StartFilterPair(const PhraseTable& first, const PhraseTable& second) {
      for (std::uint32_t bit = 0; bit < kStartFilterBits; ++bit) {
        both_[bit] =
            static_cast<std::uint16_t>((first.start_filter_[bit / 64] >> (bit % 64) & 1) |
                                       (second.start_filter_[bit / 64] >> (bit % 64) & 1) << 8);
      }
    }
    std::uint32_t HitsOf(const Token& token) const {
      const std::uint32_t count = token.kind == TokenKind::kArabicWord ? token.reading_count : 0;
      std::uint32_t hits = 0;
      for (std::uint32_t r = 0; r < count; ++r) {
        const CliticReading& reading = token.readings[r];
        const std::uint32_t in_both = both_[StartBit(token.stem_hash[r], reading.definite())] *
                                      static_cast<std::uint32_t>(reading.enclitic_bytes == 0);
        hits |= in_both << r;
      }
      return hits;
    }
    // The filters as Tokenize takes them: Token::start_hits is then HitsOf.
    const std::uint16_t* words() const { return both_.data(); }

   private:
    std::array<std::uint16_t, kStartFilterBits> both_{};
  };

 private:
  // Entries whose first word is the form of reading r of `token` (see
  // AnyWordForm), longest phrase first; nullptr when none, or when the
  // reading has a pronoun suffix.
  const std::vector<std::uint32_t>* StartingWith(const NormalizedText& norm, const Token& token,
                                                 std::uint8_t r) const;
  bool RestMatches(const NormalizedText& norm, const std::vector<Token>& tokens, std::uint32_t i,
                   const PhraseEntry& entry, std::uint32_t* end) const;

  // The start filter (kStartFilterBits, above): one bit per (stem hash,
  // definite) of the first words, in a fixed array, so that a reading is
  // rejected with one load and no test of an empty table.
  static std::uint32_t StartBit(std::uint32_t stem_hash, bool definite) {
    return StartFilterBit(stem_hash, definite);
  }
  bool MayStartWith(std::uint32_t stem_hash, bool definite) const {
    const std::uint32_t bit = StartBit(stem_hash, definite);
    return (start_filter_[bit / 64] >> (bit % 64) & 1) != 0;
  }

  std::vector<PhraseEntry> entries_;
  // A word form is the stem of a reading, with ال before it for a definite
  // reading; so the first words are indexed by stem, twice: as written
  // (bare_first_) and, for words that start with ال, without it
  // (definite_first_). A reading then finds its entries with the stem hash
  // the tokenizer computed.
  StemMap<std::vector<std::uint32_t>> bare_first_;
  StemMap<std::vector<std::uint32_t>> definite_first_;
  std::array<std::uint64_t, kStartFilterBits / 64> start_filter_{};
  std::vector<std::string> errors_;
};

// The normalised text of a token.
inline std::string_view TokenText(const NormalizedText& norm, const Token& token) {
  return norm.View(token.norm);
}

template <typename Accept>
std::optional<PhraseMatch> PhraseTable::MatchAt(const NormalizedText& norm,
                                                const std::vector<Token>& tokens, std::uint32_t i,
                                                const Accept& accept) const {
  if (i >= tokens.size() || tokens[i].kind != TokenKind::kArabicWord) return std::nullopt;
  const Token& token = tokens[i];
  std::optional<PhraseMatch> best;
  // Every reading is tried: a later one may give a longer phrase.
  for (std::uint8_t r = 0; r < token.reading_count; ++r) {
    const std::vector<std::uint32_t>* indices = StartingWith(norm, token, r);
    if (indices == nullptr) continue;
    const std::string_view proclitic =
        TokenText(norm, token).substr(0, token.readings[r].proclitic_bytes);
    for (const std::uint32_t index : *indices) {
      const PhraseEntry& entry = entries_[index];
      if (best && best->entry->words.size() >= entry.words.size()) break;
      if (!accept(entry)) continue;
      if (entry.only_conjunction && !IsConjunctionOnly(proclitic)) continue;
      std::uint32_t end = 0;
      if (RestMatches(norm, tokens, i, entry, &end)) best = PhraseMatch{&entry, end, proclitic};
    }
  }
  return best;
}

template <typename Accept>
std::optional<PhraseMatch> PhraseTable::BestOf(const NormalizedText& norm,
                                               const std::vector<Token>& tokens, std::uint32_t i,
                                               const std::vector<PhraseCandidate>& candidates,
                                               const Accept& accept) const {
  std::optional<PhraseMatch> best;
  // MatchAt leaves a reading's list (longest first) at the first entry no
  // longer than the best so far; candidates of that reading are skipped alike.
  std::uint32_t skipped_reading = kMaxReadings;
  for (const PhraseCandidate& c : candidates) {
    if (c.reading == skipped_reading) continue;
    const PhraseEntry& entry = entries_[c.entry];
    if (best && best->entry->words.size() >= entry.words.size()) {
      skipped_reading = c.reading;
      continue;
    }
    if (!accept(entry)) continue;
    const std::string_view proclitic =
        TokenText(norm, tokens[i]).substr(0, tokens[i].readings[c.reading].proclitic_bytes);
    if (entry.only_conjunction && !IsConjunctionOnly(proclitic)) continue;
    if (c.end_token != 0) best = PhraseMatch{&entry, c.end_token, proclitic};
  }
  return best;
}

// Calls visit(proclitic, word) for the surface of an Arabic word and for each
// clitic reading without an enclitic pronoun, where `word` is the text after
// the proclitic with its article kept (the ل of لل is given back as ال).
// Stops and returns true as soon as visit returns true.
template <typename Visit>
bool AnyWordForm(const NormalizedText& norm, const Token& token, const Visit& visit) {
  if (token.kind != TokenKind::kArabicWord) return false;
  const std::string_view text = TokenText(norm, token);
  if (token.reading_count == 0) return visit(std::string_view(), text);
  std::string restored;  // "ال" + stem, for a reading of لل
  for (std::uint8_t r = 0; r < token.reading_count; ++r) {
    const CliticReading& reading = token.readings[r];
    if (reading.enclitic_bytes != 0 || reading.proclitic_bytes > text.size()) continue;
    const std::string_view proclitic = text.substr(0, reading.proclitic_bytes);
    std::string_view word = text.substr(reading.proclitic_bytes);
    if (reading.article_bytes == 2) {
      restored.assign("\xD8\xA7");  // U+0627: the alef of the article
      restored.append(word);
      word = restored;
    }
    if (visit(proclitic, word)) return true;
  }
  return false;
}

}  // namespace rasd::text

#endif  // RASD_TEXT_LEXICON_H_
