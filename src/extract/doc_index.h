// Internal header. The per-document lookups that event assembly, place
// choice and fatality counting read: which mention, cue class, number and
// count noun stands at each token, built once per document; and the
// positions in the text they ask of it (the token or sentence at a byte, the
// dates of a clause, where a clause ends).
#ifndef RASD_EXTRACT_DOC_INDEX_H_
#define RASD_EXTRACT_DOC_INDEX_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "rasd/document.h"
#include "rasd/span.h"

#include "extract/lexicon.h"
#include "link/mention.h"
#include "text/analyzer.h"

namespace rasd::extract {

inline constexpr std::int32_t kNone = -1;
inline constexpr std::uint8_t kNoCue = 0xFF;
// How far (in tokens) a cue reaches to the name it governs: Arabic news puts
// them next to each other.
inline constexpr std::uint32_t kCueReach = 2;
// U+0648 (waw), the conjunction و, as it appears in normalised text.
inline constexpr std::string_view kWaw = "\xD9\x88";
// U+0641 U+064A, the preposition في, as it appears in normalised text.
inline constexpr std::string_view kIn = "\xD9\x81\xD9\x8A";
// U+062B U+0645, ثم ("then"), which opens a clause of its own.
inline constexpr std::string_view kThen = "\xD8\xAB\xD9\x85";
// U+0645 U+0646, the preposition من ("of", partitive), in normalised text.
inline constexpr std::string_view kOf = "\xD9\x85\xD9\x86";
// U+0627 U+0644 U+064A, the preposition إلى ("to") as normalised: الي.
inline constexpr std::string_view kTo = "\xD8\xA7\xD9\x84\xD9\x8A";
// U+0639 U+0644 U+064A, the preposition على ("on") as normalised: علي.
inline constexpr std::string_view kOn = "\xD8\xB9\xD9\x84\xD9\x8A";
// U+0645 U+0639, the preposition مع ("with"), in normalised text.
inline constexpr std::string_view kWithWord = "\xD9\x85\xD8\xB9";
// U+062A ت and U+064A ي, the prefixes of a verb in the present tense (تقصف،
// يقصف), and ت also the ending of a past one (تعرضت).
inline constexpr std::string_view kTa = "\xD8\xAA";
inline constexpr std::string_view kYa = "\xD9\x8A";
// U+0628 ب and U+0644 ل, prepositions no verb takes (بسيطرته، لسيطرة), and
// U+0647 ه, which ends a folded ة or a pronoun of possession.
inline constexpr std::string_view kBa = "\xD8\xA8";
inline constexpr std::string_view kLam = "\xD9\x84";
inline constexpr std::string_view kHeh = "\xD9\x87";

// Per-document lookups, built once.
struct DocIndex {
  const Lexicon* lexicon = nullptr;
  const Document* doc = nullptr;
  const text::AnalyzedText* text = nullptr;
  const link::LinkedText* linked = nullptr;
  std::optional<text::CivilDate> pub_date;
  std::vector<std::int32_t> mention_at;  // token -> index into linked->mentions
  std::vector<std::uint8_t> cue_at;      // token -> CueClass
  std::vector<std::int32_t> number_at;   // token -> index into text->numbers
  std::vector<std::uint8_t> count_at;    // token -> 1 or 2 for a singular or dual person noun
  // The tokens of each cue class in text order, for CueInRange: class c's
  // are cue_tokens[cue_from[c], cue_from[c + 1]). Rules ask whether a cue
  // stands anywhere in a window or a sentence thousands of times a document.
  std::vector<std::uint32_t> cue_tokens;
  std::array<std::uint32_t, kCueClassCount + 1> cue_from{};

  const link::Mention& mention(std::int32_t i) const { return linked->mentions[i]; }
  bool Cue(std::uint32_t token, CueClass c) const {
    return token < cue_at.size() && cue_at[token] == static_cast<std::uint8_t>(c);
  }
  ByteSpan Original(std::uint32_t first, std::uint32_t end) const {
    return {text->tokens[first].original.begin, text->tokens[end - 1].original.end};
  }
};

DocIndex BuildIndex(const Document& doc, const text::AnalyzedText& at,
                    const link::LinkedText& linked, std::optional<text::CivilDate> pub,
                    const Lexicon& lexicon);

// True when a cue of class c stands on a token of [begin, end).
bool CueInRange(const DocIndex& ix, CueClass c, std::uint32_t begin, std::uint32_t end);
// The first token of [begin, end) with a cue of class c, if any.
std::optional<std::uint32_t> FirstCueIn(const DocIndex& ix, CueClass c, std::uint32_t begin,
                                        std::uint32_t end);

// True when an actor or place (not a news source) is named in [begin, end).
bool HasMentionIn(const DocIndex& ix, std::uint32_t begin, std::uint32_t end);

// The mentions of one kind that start in [begin, end), in text order.
std::vector<std::int32_t> MentionsIn(const DocIndex& ix, link::MentionKind kind,
                                     std::uint32_t begin, std::uint32_t end);

// True when token t opens with the conjunction و (and has a reading that cuts it).
bool StartsWithConjunction(const DocIndex& ix, std::uint32_t t);

// True when token t is the punctuation mark `mark` (",", "(", ")").
bool IsPunct(const DocIndex& ix, std::uint32_t t, std::string_view mark);

// True when token t reads `word` in normalised text (kIn, kOf).
bool IsWord(const DocIndex& ix, std::uint32_t t, std::string_view word);

// Positions in the text: tokens, sentences, dates and clause ends.

// The token that starts at or holds byte `at` of the original text.
std::uint32_t TokenAtByte(const DocIndex& ix, std::uint32_t at);

// The index of the sentence whose original text holds byte `at`.
std::size_t SentenceAt(const DocIndex& ix, std::uint32_t at);

// The date expressions that start in [from, to): the reader lists them in
// text order, so a question about one clause does not read the whole article's.
std::span<const text::DateMention> DatesIn(const DocIndex& ix, std::uint32_t from,
                                           std::uint32_t to);

// True when token t is punctuation that ends a clause (، ؛ : .); quotes and
// brackets around a name do not.
bool EndsAClause(const DocIndex& ix, std::uint32_t t);

// The first comma in [from, end), or `end`: where a clause that opens at
// `from` ends.
std::uint32_t CommaFrom(const DocIndex& ix, std::uint32_t from, std::uint32_t end);

// True when a cue of class c stands within `reach` words before `token`, with
// no name between; the quotes around a name (مقاتلين من «النصرة») are no words.
bool CueBefore(const DocIndex& ix, std::uint32_t token, std::uint32_t floor, CueClass c,
               std::uint32_t reach = kCueReach);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_DOC_INDEX_H_
