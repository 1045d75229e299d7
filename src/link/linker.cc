// The matcher: one left-to-right pass over the tokens that takes, at each
// position, the longest registry name (exact on the clitic readings, then
// fuzzy for long actor names), else an unknown group or place announced by a
// pattern word; then a second pass that resolves weak aliases against the
// actors the article named, and marks datelines.
//
// Speed: every token's readings are looked up once, in one stem index that
// holds all lexicons (TokenFacts); the rules then test bits. Exact lookups
// are memoised per token, edit distances run on the stack with a cap, and
// per-document state lives in the caller's LinkedText::scratch.
#include "link/linker.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <span>

#include "common/utf8.h"
#include "kb/knowledge_base.h"
#include "link/linker_tables.h"

namespace rasd::link {
namespace {

using text::Token;
using text::TokenKind;

constexpr double kWeakConfidence = 0.8;
constexpr double kFuzzyConfidence = 0.7;
constexpr double kPatternConfidence = 0.6;
constexpr double kCommonWordConfidence = 0.8;
constexpr std::uint32_t kMaxPatternNameWords = 3;
// Words inside the quotes of a quoted group name (لواء «صقور الجبل»).
constexpr std::uint32_t kMaxQuotedNameWords = 4;
// alias_index of mentions found by a pattern or a lexicon, not a registry name.
// U+0627 ا and U+0627 U+0644 ال, the article, as written.
constexpr std::string_view kAlef = "\xD8\xA7";
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";
constexpr std::uint32_t kNoAlias = 0xFFFFFFFFu;
constexpr std::uint32_t kNoListItem = 0xFFFFFFFFu;

kb::DayKey DayKeyOf(const text::CivilDate& d) { return kb::MakeDayKey(d.year, d.month, d.day); }
// The inverse of kb::MakeDayKey.
text::CivilDate CivilDateOf(kb::DayKey k) { return {k / 10000, k / 100 % 100, k % 100}; }

// Decodes up to N code points; false when the word is longer.
template <std::size_t N>
bool DecodeLetters(std::string_view s, std::array<char32_t, N>* out, std::size_t* count) {
  std::size_t n = 0;
  for (std::size_t i = 0, len = 0; i < s.size(); i += len) {
    if (n == N) return false;
    (*out)[n++] = utf8::Decode(s, i, &len);
  }
  *count = n;
  return true;
}

// Code points in s, counted by their lead bytes.
std::uint32_t LetterCount(std::string_view s) {
  std::uint32_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The LetterMask and LetterCount of a word. A word of two-byte letters
// (every Arabic word) is checked and masked in one pass, four letters (eight
// bytes) at a time: its count is half its bytes and each letter's last byte
// is every second one. Any other word is read letter by letter.
WordShape ShapeOf(std::string_view word) {
  const auto other = [word] { return WordShape{LetterMask(word), LetterCount(word)}; };
  if (word.size() % 2 != 0) return other();
  const auto* p = reinterpret_cast<const unsigned char*>(word.data());
  std::uint64_t mask = 0;
  std::size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t kPattern = 0xC0E0C0E0C0E0C0E0ULL;  // lead 110xxxxx, then 10xxxxxx
    constexpr std::uint64_t kLetters = 0x80C080C080C080C0ULL;
    // Adds the four letters at p + at to the mask; false when they are not
    // four two-byte letters.
    const auto four_letters = [p, &mask](std::size_t at) {
      std::uint64_t eight = 0;
      std::memcpy(&eight, p + at, 8);
      mask |= std::uint64_t{1} << (eight >> 8 & 63) | std::uint64_t{1} << (eight >> 24 & 63) |
              std::uint64_t{1} << (eight >> 40 & 63) | std::uint64_t{1} << (eight >> 56 & 63);
      return (eight & kPattern) == kLetters;
    };
    if (word.size() >= 8) {
      for (; i + 8 <= word.size(); i += 8) {
        if (!four_letters(i)) return other();
      }
      // The last letters, as the last eight bytes: a letter read twice
      // sets its bit twice, and the loop over them is gone.
      if (i < word.size() && !four_letters(word.size() - 8)) return other();
      return {mask, static_cast<std::uint32_t>(word.size() / 2)};
    }
  }
  for (; i < word.size(); i += 2) {
    if ((p[i] & 0xE0) != 0xC0 || (p[i + 1] & 0xC0) != 0x80) return other();
    mask |= std::uint64_t{1} << (p[i + 1] & 63);
  }
  return {mask, static_cast<std::uint32_t>(word.size() / 2)};
}

// Letter edits between two words, capped at `cap` (all a fuzzy match needs
// to know: whether the edits fit its remaining budget), without touching
// the heap. `a_letters` and `b_letters` are the LetterCounts, known in
// advance: words whose lengths differ by `cap` letters are never decoded.
int BoundedDistance(std::string_view a, std::uint32_t a_letters, std::string_view b,
                    std::uint32_t b_letters, int cap) {
  if (a == b) return 0;
  const auto length_gap = std::abs(static_cast<int>(a_letters) - static_cast<int>(b_letters));
  if (length_gap >= cap) return cap;
  constexpr std::size_t kMaxLetters = 40;
  std::array<char32_t, kMaxLetters> x{}, y{};
  std::size_t nx = 0, ny = 0;
  if (!DecodeLetters(a, &x, &nx) || !DecodeLetters(b, &y, &ny)) return cap;
  std::array<int, kMaxLetters + 1> row_a{}, row_b{};
  int* prev = row_a.data();
  int* cur = row_b.data();
  for (std::size_t j = 0; j <= ny; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= nx; ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (std::size_t j = 1; j <= ny; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] != y[j - 1])});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min >= cap) return cap;
    std::swap(prev, cur);
  }
  return std::min(prev[ny], cap);
}

// LookUpExact's next word when a quote there may be skipped: any name is read.
constexpr std::uint32_t kAnyWord = 0xFFFFFFFEu;
constexpr std::uint8_t kWholeSurface = 0xFF;   // TokenFacts::reading of a Latin word
constexpr std::uint8_t kShapesUnknown = 0xFF;  // TokenFacts::shape_count before ShapesOf
static_assert(TokenFacts::kReadings == text::kMaxReadings);
constexpr TokenFacts kFreshFacts{};
static_assert((kStemFuzzyAt0 << (kMaxFuzzyWords - 1)) != 0, "fuzzy position bits fit in 32");

// A candidate found at one position before resolution.
struct Found {
  std::uint32_t end = 0;  // one past the last token
  std::uint32_t name = 0;
  std::uint8_t proclitic_bytes = 0;
  bool definite_reading = false;
  double confidence = 1.0;
};

class LinkRun {
 public:
  // `original` is the text `a` was analysed from, or empty (surfaces and
  // new: ids are then taken from the normalised text).
  LinkRun(const LinkerTables& t, const text::AnalyzedText& a, std::string_view original,
          std::optional<text::CivilDate> date, LinkedText* out)
      : t_(t),
        a_(a),
        tokens_(a.tokens),
        original_(original),
        out_(out),
        fact_store_(out->scratch.tokens),
        shapes_(out->scratch.shapes),
        pending_weak_(out->scratch.pending_weak) {
    if (date) date_ = DayKeyOf(*date);
  }

  void Run() {
    RecycleMentions();
    out_->scratch.actor_records.clear();
    pending_weak_.clear();
    ComputeFacts();
    const auto n = static_cast<std::uint32_t>(tokens_.size());
    std::uint32_t i = 0;
    while (i < n) i = Quiet(i) ? i + 1 : Step(i);
    ResolveWeak();
    ResolveAbroadNames();
    // Mentions are emitted left to right, so they are usually in order already:
    // checking is cheaper than a stable sort that moves every Mention.
    const auto by_first_token = [](const Mention& x, const Mention& y) {
      return x.first_token < y.first_token;
    };
    if (!std::is_sorted(out_->mentions.begin(), out_->mentions.end(), by_first_token)) {
      std::stable_sort(out_->mentions.begin(), out_->mentions.end(), by_first_token);
    }
    ResolveAbroadCuePlaces();
    ResolveTheLatter();
    MarkDatelines();
  }

 private:
  // ---- token helpers ------------------------------------------------------
  bool IsWord(std::uint32_t i) const {
    return i < tokens_.size() &&
           (tokens_[i].kind == TokenKind::kArabicWord || tokens_[i].kind == TokenKind::kLatinWord);
  }
  std::string_view Surface(std::uint32_t i) const { return a_.norm.View(tokens_[i].norm); }

  // ---- token facts ----------------------------------------------------------
  // One lookup per reading of every word. Readings with a pronoun suffix only
  // contribute the stop bit (سيطرته ends a name like سيطرة); names, cues and
  // lexicon words are matched without a suffix (حمصي is not حمص).
  // Each token's facts are reset in this loop, not by an assign before it:
  // a long document's facts outgrow the cache, and a fill before the loop
  // would write them all once more. They are copied from a constant: a
  // TokenFacts{} built on the stack (a byte of it 0xFF) and read back at
  // once stalls on store forwarding.
  void ComputeFacts() {
    fact_store_.resize(tokens_.size());
    facts_ = fact_store_;
    if (shapes_.size() < tokens_.size() * TokenFacts::kReadings) {
      shapes_.resize(tokens_.size() * TokenFacts::kReadings);
    }
    // Locals: a byte stored into the facts may alias anything, and would
    // make the compiler reload the vectors' pointers and sizes per token.
    const Token* tokens = tokens_.data();
    TokenFacts* facts = facts_.data();
    const auto n = static_cast<std::uint32_t>(tokens_.size());
    const text::StemMap<std::uint32_t>::Filter stem_filter(t_.stem_index);
    for (std::uint32_t i = 0; i < n; ++i) {
      const Token& tok = tokens[i];
      TokenFacts& f = facts[i];
      f = kFreshFacts;
      if (tok.kind == TokenKind::kLatinWord) {
        AddStem(&f, t_.StemOf(Surface(i), tok.stem_hash[0]), kWholeSurface);
        continue;
      }
      if (tok.kind != TokenKind::kArabicWord) continue;
      // The filter is tested for every reading before any branch on its
      // answer (which readings pass is unpredictable), then only the
      // readings that pass are looked up, in order.
      const std::uint8_t readings = tok.reading_count;
      std::uint32_t pass = 0;
      for (std::uint8_t r = 0; r < readings; ++r) {
        pass |= static_cast<std::uint32_t>(stem_filter.MayContain(tok.stem_hash[r])) << r;
      }
      for (; pass != 0; pass &= pass - 1) {
        const auto r = static_cast<std::uint8_t>(__builtin_ctz(pass));
        const text::CliticReading& rd = tok.readings[r];
        const std::uint32_t id = t_.StemOf(text::StemOf(a_.norm, tok, rd), tok.stem_hash[r]);
        if (id == kNoStem) continue;
        if (rd.enclitic_bytes != 0) {
          f.flags |= t_.stems[id].flags & kStemStop;
        } else {
          AddStem(&f, id, r);
        }
      }
      MarkFuzzyStarts(i);
    }
  }

  // A token whose stem anchors a fuzzy name on its word k makes token i - k
  // a place where such a name may start; FuzzyAt runs only there, and reads
  // only the anchors marked. Few tokens anchor any name, so this costs
  // almost nothing per token.
  void MarkFuzzyStarts(std::uint32_t i) {
    const std::uint32_t anchors = facts_[i].flags / kStemFuzzyAt0 & ((1u << kMaxFuzzyWords) - 1);
    for (std::uint32_t rest = anchors; rest != 0; rest &= rest - 1) {
      const auto k = static_cast<std::uint32_t>(__builtin_ctz(rest));
      if (k <= i) facts_[i - k].fuzzy_anchors |= 1u << k;
    }
  }

  void AddStem(TokenFacts* f, std::uint32_t id, std::uint8_t reading) const {
    if (id == kNoStem || f->stem_count == TokenFacts::kReadings) return;
    const std::uint32_t flags = t_.stem_flags[id];
    if (f->cue == 0 && (flags & kStemCueAny) != 0) {
      f->cue = (flags & kStemCueSettlement) ? 1 + static_cast<int>(CueRole::kSettlement)
               : (flags & kStemCueLandmark) ? 1 + static_cast<int>(CueRole::kLandmark)
               : (flags & kStemCueArea)     ? 1 + static_cast<int>(CueRole::kArea)
                                            : 1 + static_cast<int>(CueRole::kContext);
    }
    f->flags |= flags;
    f->stem[f->stem_count] = id;
    f->reading[f->stem_count] = reading;
    ++f->stem_count;
  }

  // Calls fn(info, definite, proclitic_bytes) for each known stem of token
  // i that has one of the `need` bits (StemFlag): the others hold nothing
  // the caller reads, and their StemInfo is not touched.
  template <typename Fn>
  void ForStems(std::uint32_t i, std::uint32_t need, Fn fn) const {
    const TokenFacts& f = facts_[i];
    if ((f.flags & need) == 0) return;
    for (std::uint8_t k = 0; k < f.stem_count; ++k) {
      if ((t_.stem_flags[f.stem[k]] & need) == 0) continue;
      const StemInfo& info = t_.stems[f.stem[k]];
      if (f.reading[k] == kWholeSurface) {
        fn(info, false, std::uint8_t{0});
      } else {
        const text::CliticReading& rd = tokens_[i].readings[f.reading[k]];
        fn(info, rd.definite(), rd.proclitic_bytes);
      }
    }
  }

  bool Has(std::uint32_t i, std::uint32_t flag) const {
    return i < tokens_.size() && (facts_[i].flags & flag) != 0;
  }

  // The token read whole (first reading, nothing cut) is a one-word foreign place.
  bool WholeIsForeign(std::uint32_t i) const {
    const TokenFacts& f = facts_[i];
    return f.stem_count > 0 && f.reading[0] == 0 && tokens_[i].readings[0].proclitic_bytes == 0 &&
           tokens_[i].readings[0].article_bytes == 0 &&
           (t_.stems[f.stem[0]].flags & kStemForeign) != 0;
  }

  const CueRole* CueAt(std::uint32_t i) const {
    static constexpr std::array<CueRole, 4> kRoles = {CueRole::kSettlement, CueRole::kLandmark,
                                                      CueRole::kContext, CueRole::kArea};
    if (!IsWord(i) || facts_[i].cue == 0) return nullptr;
    return &kRoles[facts_[i].cue - 1];
  }

  // ---- exact and fuzzy names -----------------------------------------------
  // One past the last token of name `words` read from token i, or 0 when the
  // words after the first differ. A quote between two words is skipped (the
  // التحالف الذي يقود العملية العسكرية ضد "داعش"): quotes mark a name inside
  // a longer one, they do not end it.
  std::uint32_t RestEnd(NameWords words, std::uint32_t i) const {
    std::uint32_t j = i + 1;
    for (std::uint32_t k = 0; k < words.count; ++k, ++j) {
      const std::uint32_t word = t_.name_words[words.first + k];
      if (j < tokens_.size() && WordOf(j) != word && IsQuote(j)) ++j;
      if (j >= tokens_.size() || WordOf(j) != word) return 0;
    }
    return j;
  }

  // The id of token j's text among the later words of names
  // (LinkerTables::word_ids), or kNoWord; looked up once per token.
  std::uint32_t WordOf(std::uint32_t j) const {
    TokenFacts& f = facts_[j];
    if (f.word == TokenFacts::kWordUnknown) {
      // stem_hash[0] is the hash of the token's whole text (its first reading cuts nothing).
      const std::uint32_t hash = tokens_[j].stem_hash[0];
      const std::uint32_t* id =
          t_.word_ids.MayContain(hash) ? t_.word_ids.Find(Surface(j), hash) : nullptr;
      f.word = id == nullptr ? kNoWord : *id;
    }
    return f.word;
  }

  // The longest registry name starting at token i, memoised per token.
  std::optional<Found> ExactAt(std::uint32_t i) {
    // Most tokens start no name: answered without the memo's call.
    if (i >= tokens_.size() || (facts_[i].flags & kStemNames) == 0) return std::nullopt;
    return MemoisedExactAt(i);
  }

  std::optional<Found> MemoisedExactAt(std::uint32_t i) {
    TokenFacts& f = facts_[i];
    if (f.exact_state == 0) {
      const std::optional<Found> found = LookUpExact(i);
      f.exact_state = found ? 2 : 1;
      if (found) {
        f.exact_end = found->end;
        f.exact_name = found->name;
        f.exact_proclitic = found->proclitic_bytes;
        f.exact_definite = found->definite_reading;
      }
    }
    if (f.exact_state == 1) return std::nullopt;
    return Found{f.exact_end, f.exact_name, f.exact_proclitic, f.exact_definite, 1.0};
  }

  std::optional<Found> LookUpExact(std::uint32_t i) const {
    std::optional<Found> best;
    // The word after token i, unless a quote may be skipped there: a name
    // of two words or more whose second word is another cannot match.
    const std::uint32_t next = i + 1;
    const std::uint32_t next_word = next >= tokens_.size() ? kNoWord
                                    : IsQuote(next)        ? kAnyWord
                                                           : WordOf(next);
    ForStems(i, kStemNames, [&](const StemInfo& info, bool definite, std::uint8_t proclitic) {
      const auto consider = [&](std::uint32_t n) {
        const std::uint32_t end = RestEnd(t_.name_words_of[n], i);
        if (end != 0 && (!best || end > best->end)) best = Found{end, n, proclitic, definite, 1.0};
      };
      if (next_word == kAnyWord) {
        for (const std::uint32_t n : definite ? info.definite_names : info.indefinite_names) {
          consider(n);
        }
        return;
      }
      // The one-word name ends before any longer one: reading it first
      // keeps the list's choice among names of one length. One-word names
      // (kOneWordName, the least id) open the list; a next token that is no
      // name word (kNoWord) has no names to read.
      const auto& keyed = definite ? info.definite_by_second : info.indefinite_by_second;
      auto it = keyed.begin();
      for (; it != keyed.end() && it->first == kOneWordName; ++it) consider(it->second);
      if (next_word == kNoWord) return;
      it = std::lower_bound(it, keyed.end(), next_word,
                            [](const auto& entry, std::uint32_t id) { return entry.first < id; });
      for (; it != keyed.end() && it->first == next_word; ++it) consider(it->second);
    });
    return best;
  }

  // Letters apart of a name word and token j, the article ignored on both,
  // capped at `cap`. Only the surface reading counts: a word read through a
  // proclitic cut is another word (كردية is not ك + ردية, one letter from
  // الرديفة). Only an Arabic word gets here (VerifyFuzzy). Each bound skips
  // the edit distance of a reading when it cannot be < best.
  int TokenDistance(const FuzzyWord& word, std::uint32_t j, int cap) const {
    int best = cap;
    const Token& tok = tokens_[j];
    const std::uint8_t count = ShapesOf(j);
    const WordShape* shapes = &shapes_[static_cast<std::size_t>(j) * TokenFacts::kReadings];
    for (std::uint8_t s = 0; s < count; ++s) {
      const WordShape& shape = shapes[s];
      if (LowerBound(word, shape, best) >= best) continue;
      best = std::min(best, BoundedDistance(t_.TextOf(word), word.letters,
                                            text::StemOf(a_.norm, tok, tok.readings[shape.reading]),
                                            shape.letters, best));
    }
    return best;
  }

  // The fewest edits between a name word and token j that its letter counts
  // and letter sets allow, capped at kMaxFuzzyBudget + 1: summed over the
  // words of a candidate, it dismisses most candidates before any distance.
  int LowerBound(const FuzzyWord& word, std::uint32_t j) const {
    constexpr int kCap = kMaxFuzzyBudget + 1;
    int best = kCap;
    const std::uint8_t count = ShapesOf(j);
    const WordShape* shapes = &shapes_[static_cast<std::size_t>(j) * TokenFacts::kReadings];
    for (std::uint8_t s = 0; s < count; ++s)
      best = std::min(best, LowerBound(word, shapes[s], kCap));
    return best;
  }

  // At least the gap between the letter counts, and half the letters in one
  // set and not the other (an edit changes at most two); `cap` or more when
  // either reaches it.
  static int LowerBound(const FuzzyWord& word, const WordShape& shape, int cap) {
    const int gap = std::abs(static_cast<int>(shape.letters) - static_cast<int>(word.letters));
    if (gap >= cap) return gap;
    const int differing_letters = Popcount(shape.mask ^ word.mask);
    return std::max(gap, (differing_letters + 1) / 2);
  }

  // The bits set in x without branches: the build targets machines that may
  // lack a popcount instruction, where std::popcount is a library call.
  static int Popcount(std::uint64_t x) {
    x -= (x >> 1) & 0x5555555555555555ULL;
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
  }

  // Fills token j's shapes (LinkScratch::shapes) once per document: the
  // letter count and set of each reading compared with name words (no
  // proclitic, no pronoun suffix), packed first. Returns how many. Asked
  // far more often than computed: the memo's test is inlined, the rest not.
  std::uint8_t ShapesOf(std::uint32_t j) const {
    const std::uint8_t count = facts_[j].shape_count;
    return count != kShapesUnknown ? count : ComputeShapes(j);
  }

  [[gnu::noinline]] std::uint8_t ComputeShapes(std::uint32_t j) const {
    TokenFacts& f = facts_[j];
    WordShape* shapes = &shapes_[static_cast<std::size_t>(j) * TokenFacts::kReadings];
    const Token& tok = tokens_[j];
    std::uint8_t count = 0;
    for (std::uint8_t r = 0; r < tok.reading_count; ++r) {
      const text::CliticReading& rd = tok.readings[r];
      if (rd.enclitic_bytes != 0 || rd.proclitic_bytes != 0) continue;  // never compared
      shapes[count] = ShapeOf(text::StemOf(a_.norm, tok, rd));
      shapes[count++].reading = r;
    }
    f.shape_count = count;
    return count;
  }

  // The longest name within a few edits starting at token i: each candidate
  // is anchored by one of its first words, which token i + k reads exactly.
  // Candidates are tried in index order and only a longer one replaces the
  // best, so one that cannot end later is not verified at all.
  std::optional<Found> FuzzyAt(std::uint32_t i) const {
    std::optional<Found> best;
    // Only the words k at which token i + k anchors a name, ascending.
    for (std::uint32_t anchors = facts_[i].fuzzy_anchors; anchors != 0; anchors &= anchors - 1) {
      const auto k = static_cast<std::uint32_t>(__builtin_ctz(anchors));
      ForStems(i + k, kStemFuzzyAt0 << k, [&](const StemInfo& info, bool, std::uint8_t proclitic) {
        // Every candidate here has its probe word, the first that is not
        // the anchor, at token `probe`: most differ from it by more letters
        // than their budget, which is checked before anything else.
        const std::uint32_t probe = k == 0 ? i + 1 : i;
        if (probe >= tokens_.size() || tokens_[probe].kind != TokenKind::kArabicWord) return;
        const std::uint8_t shape_count = ShapesOf(probe);
        const WordShape* shapes = &shapes_[static_cast<std::size_t>(probe) * TokenFacts::kReadings];
        const std::uint64_t probe_stems = StemBits(probe);
        for (const FuzzyCandidate& c : info.fuzzy[k]) {
          if (best && i + c.words <= best->end) continue;
          if (!ProbeWithinBudget(c, shapes, shape_count) &&
              ((probe_stems >> (c.probe_stem % 64) & 1) == 0 || !ReadsAs(c.probe_stem, probe))) {
            continue;
          }
          std::optional<Found> f = VerifyFuzzy(c, i, k == 0 ? proclitic : std::uint8_t{0});
          if (f) best = f;
        }
      });
    }
    return best;
  }

  // Some shape of the probe token may be within budget of the candidate's
  // probe word: its LowerBound is at most the budget, that is the letter
  // counts differ by at most the budget and the letter sets in at most
  // twice the budget letters.
  static bool ProbeWithinBudget(const FuzzyCandidate& c, const WordShape* shapes,
                                std::uint8_t count) {
    // The letter sets first: they dismiss nine candidates in ten, the
    // letter counts one in four.
    for (std::uint8_t s = 0; s < count; ++s) {
      if (!AtMostTwiceBudgetBits(shapes[s].mask ^ c.probe_mask, c.budget)) continue;
      const int gap =
          std::abs(static_cast<int>(shapes[s].letters) - static_cast<int>(c.probe_letters));
      if (gap <= c.budget) return true;
    }
    return false;
  }

  // Whether x has at most 2 * budget bits set: that many lowest bits are
  // cleared without a branch, cheaper than counting them all (Popcount).
  static bool AtMostTwiceBudgetBits(std::uint64_t x, int budget) {
    static_assert(kMaxFuzzyBudget == 2, "one or two pairs of bits are cleared");
    x &= x - 1;
    x &= x - 1;
    const std::uint64_t two_more = x & (x - 1) & ((x & (x - 1)) - 1);
    return (budget > 1 ? two_more : x) == 0;
  }

  std::optional<Found> VerifyFuzzy(const FuzzyCandidate& c, std::uint32_t i,
                                   std::uint8_t proclitic) const {
    const auto end = static_cast<std::uint32_t>(i + c.words);
    std::array<bool, 8> differs{};
    if (end > tokens_.size() || c.words > differs.size()) return std::nullopt;
    const int budget = c.budget;
    // Every word that differs costs at least one edit, and at least its
    // LowerBound: both are summed with cheap comparisons before any edit
    // distance is computed.
    const FuzzyWord* words = &t_.fuzzy_words[c.first_word];
    // The words that differ are counted before any bound is summed: the
    // count alone dismisses most candidates, and a bound may have to work
    // out the letter shapes of a token.
    int differing = 0;
    for (std::size_t k = 0; k < c.words; ++k) {
      const auto j = static_cast<std::uint32_t>(i + k);
      if (tokens_[j].kind != TokenKind::kArabicWord) return std::nullopt;
      if (ReadsAs(words[k].stem, j)) continue;
      differs[k] = true;
      if (++differing > budget) return std::nullopt;
    }
    int lower = 0;
    for (std::size_t k = 0; k < c.words; ++k) {
      if (!differs[k]) continue;
      lower += LowerBound(words[k], static_cast<std::uint32_t>(i + k));
      if (lower > budget) return std::nullopt;
    }
    int total = 0;
    for (std::size_t k = 0; k < c.words; ++k) {
      if (!differs[k]) continue;
      total += TokenDistance(words[k], static_cast<std::uint32_t>(i + k), budget - total + 1);
      if (total > budget) return std::nullopt;
    }
    return Found{end, c.name, proclitic, false, kFuzzyConfidence};
  }

  // Bit (stem % 64) for each stem of token j: a stem whose bit is clear is
  // not one of them, told without ReadsAs's loop.
  std::uint64_t StemBits(std::uint32_t j) const {
    const TokenFacts& f = facts_[j];
    std::uint64_t bits = 0;
    for (std::uint8_t s = 0; s < f.stem_count; ++s) bits |= std::uint64_t{1} << (f.stem[s] % 64);
    return bits;
  }

  // Token j reads as a name word whose stem is `word`, the article ignored
  // on both: one of its stems (readings without a pronoun suffix) is that word.
  bool ReadsAs(std::uint32_t word, std::uint32_t j) const {
    const TokenFacts& f = facts_[j];
    for (std::uint8_t s = 0; s < f.stem_count; ++s) {
      if (f.stem[s] == word) return true;
    }
    return false;
  }

  // ---- resolution ----------------------------------------------------------
  // The target of `kind` valid on the date: the containing range with the
  // latest start; with no date, the earliest period (the name's first meaning).
  // A strong name none of whose periods holds the date still names its
  // group: حركة حزم in an article written after the group dissolved recalls
  // it, so the period that ended last before the date (or, failing that, the
  // earliest) wins. Weak names stay bound to their periods.
  const Target* PickByDate(const NameEntry& e, TargetKind kind, bool want_weak) const {
    const Target* best = nullptr;
    const Target* past = nullptr;
    for (const Target& t : e.targets) {
      if (t.kind != kind || t.weak != want_weak) continue;
      if (date_) {
        if (!want_weak && (!past || EndsLater(t, *past, *date_))) past = &t;
        if (!t.range.Contains(*date_)) continue;
        if (!best || t.range.from > best->range.from) best = &t;
      } else if (!best || t.range.from < best->range.from) {
        best = &t;
      }
    }
    return best != nullptr ? best : past;
  }

  // Of two periods that do not hold `day`: one that ended before it beats one
  // that starts after it; among ended ones the later end wins.
  static bool EndsLater(const Target& a, const Target& b, kb::DayKey day) {
    const bool a_before = a.range.to <= day;
    const bool b_before = b.range.to <= day;
    if (a_before != b_before) return a_before;
    return a_before ? a.range.to > b.range.to : a.range.from < b.range.from;
  }

  const Target* BestPlace(const NameEntry& e) const {
    return e.best_place < 0 ? nullptr : &e.targets[static_cast<std::size_t>(e.best_place)];
  }

  // Appends a mention of tokens [i, end), the name after `proclitic` bytes,
  // and returns it to be filled in place (a Mention is a dozen strings: one
  // built aside and moved in costs a move and a destruction of each).
  Mention& Add(MentionKind kind, std::uint32_t i, std::uint32_t end, std::uint8_t proclitic) {
    Mention& m = out_->mentions.emplace_back();
    m.kind = kind;
    m.first_token = i;
    m.end_token = end;
    const Token& first = tokens_[i];
    const Token& last = tokens_[end - 1];
    m.original = {first.original.begin, last.original.end};
    m.name_span = {a_.norm.ToOriginal(NormOffset(first.norm.begin.value + proclitic)),
                   last.original.end};
    return m;
  }

  void FillActor(Mention* m, std::uint32_t record) const {
    std::vector<std::uint32_t>& records = out_->scratch.actor_records;
    const auto index = static_cast<std::size_t>(m - out_->mentions.data());
    if (records.size() <= index) records.resize(index + 1, LinkScratch::kNoActorRecord);
    records[index] = record;
    const kb::Actor& a = t_.kb.actors[record];
    Set(&m->id, a.id);
    m->inter = a.inter;
    m->generic = a.kind == "generic";
    Set(&m->lineage, a.lineage.empty() ? a.id : a.lineage);
  }

  void FillPlace(Mention* m, std::uint32_t record) const {
    const kb::Place& p = t_.kb.places[record];
    Set(&m->id, p.id);
    m->lat = p.lat;
    m->lon = p.lon;
    Set(&m->place_kind, p.kind);
    Set(&m->admin1, p.admin1);
    Set(&m->admin2, p.admin2);
    Set(&m->admin3, p.admin3);
    Set(&m->pcode, p.pcode);
    if (p.kind == "governorate") m->relation = PlaceRelation::kRegion;
  }

  bool ReportingCueBefore(std::uint32_t i) const {
    return (i >= 1 && Has(i - 1, kStemReporting)) || (i >= 2 && Has(i - 2, kStemReporting));
  }

  bool PlaceContextAround(std::uint32_t i, std::uint32_t end) {
    if (i >= 1 && CueAt(i - 1) != nullptr) return true;
    if (i >= 1 && Has(i - 1, kStemNear)) return true;
    // A place next to it in a list (نبل والزهراء، حلب، الباب), a comma at
    // most between: a place two words away is another phrase (شرقي حلب منذ
    // اندلاع الثورة). Mentions are emitted left to right, so only the last
    // few can end there.
    const std::uint32_t before = i >= 1 && IsPunct(i - 1) ? i - 1 : i;
    for (auto it = out_->mentions.rbegin(); it != out_->mentions.rend(); ++it) {
      if (it->end_token < before) break;
      if (it->kind == MentionKind::kPlace && it->end_token <= i) return true;
    }
    const std::uint32_t after = IsPunct(end) ? end + 1 : end;
    const std::optional<Found> f = ExactAt(after);
    return f && BestPlace(t_.names[f->name]) != nullptr;
  }

  bool IsPunct(std::uint32_t j) const {
    return j < tokens_.size() && tokens_[j].kind == TokenKind::kPunct;
  }

  // A weak name matches only in the form the registry writes it: a definite
  // one (الهيئة، التنظيم) only definite, never as a bare construct noun
  // (تنظيم «جيش الفتح»); one written without the article is a proper noun
  // (إيران، روسيا، أنقرة) and matches as written. Never by a fuzzy match.
  static bool WeakFormAllowed(const NameEntry& e, const Found& f) {
    if (f.confidence < 1.0) return false;
    return f.definite_reading || !e.definite;
  }

  // Emits what a name found at i stands for; false when it stands for nothing here.
  bool Emit(std::uint32_t i, const Found& f) {
    const NameEntry& e = t_.names[f.name];
    const Target* actor = PickByDate(e, TargetKind::kActor, false);
    const Target* source = nullptr;
    for (const Target& t : e.targets) {
      if (t.kind == TargetKind::kSource && !source) source = &t;
    }
    const Target* place = BestPlace(e);
    if (source && (!place || ReportingCueBefore(i))) {
      Mention& m = Add(MentionKind::kSource, i, f.end, f.proclitic_bytes);
      Set(&m.id, t_.kb.sources[source->record].id);
      Set(&m.surface, SurfaceOf(i, f.end, f.proclitic_bytes));
      m.alias_index = f.name;
      return true;
    }
    if (actor) {
      Mention& m = Add(MentionKind::kActor, i, f.end, f.proclitic_bytes);
      FillActor(&m, actor->record);
      Set(&m.surface, SurfaceOf(i, f.end, f.proclitic_bytes));
      m.alias_index = f.name;
      m.confidence = f.confidence;
      return true;
    }
    const bool has_weak = PickByDate(e, TargetKind::kActor, true) != nullptr;
    if (has_weak && WeakFormAllowed(e, f)) {
      Mention& m = Add(MentionKind::kActor, i, f.end, f.proclitic_bytes);
      Set(&m.surface, SurfaceOf(i, f.end, f.proclitic_bytes));
      m.alias_index = f.name;
      m.confidence = kWeakConfidence;
      pending_weak_.push_back(out_->mentions.size() - 1);
      // تركيا، إيران are also places: kept as such whether or not the
      // actor reading is licensed later.
      if (!e.definite) {
        if (place) EmitPlace(i, f, *place);
        EmitForeign(i);
      }
      return true;
    }
    if (place) return EmitPlace(i, f, *place);
    return false;
  }

  bool EmitPlace(std::uint32_t i, const Found& f, const Target& place) {
    const NameEntry& e = t_.names[f.name];
    const bool common = e.common;
    if (common && !PlaceContextAround(i, f.end)) return false;
    std::uint32_t end = f.end;
    while (Has(end, kStemDirection)) ++end;
    Mention& m = Add(MentionKind::kPlace, i, end, f.proclitic_bytes);
    FillPlace(&m, place.record);
    // The name proper: without a leading cue (مدينة اللاذقية، ريف حلب) and
    // trailing directions, which the relation and the original span keep;
    // a cue with the article is part of the name (المدينة الصناعية).
    std::uint32_t core = i;
    while (core + 1 < f.end && CueAt(core) != nullptr && *CueAt(core) != CueRole::kLandmark &&
           !Definite(core)) {
      ++core;
    }
    const std::uint8_t core_proclitic = core == i ? f.proclitic_bytes : std::uint8_t{0};
    m.name_span = {a_.norm.ToOriginal(NormOffset(tokens_[core].norm.begin.value + core_proclitic)),
                   tokens_[f.end - 1].original.end};
    Set(&m.surface, SurfaceOf(core, f.end, core_proclitic));
    m.alias_index = f.name;
    m.confidence = common ? kCommonWordConfidence : 1.0;
    if (m.relation == PlaceRelation::kRegion && e.definite == false && end > f.end) {
      m.relation = PlaceRelation::kCountryside;
    }
    if (e.countryside) m.relation = PlaceRelation::kCountryside;
    if (NearBefore(i)) m.relation = PlaceRelation::kNear;
    return true;
  }

  // قرب X، 50 كم شمال شرق X، جنوب مدينة X: a near word within three tokens
  // before, with only cue words, directions or من between.
  bool NearBefore(std::uint32_t i) const {
    for (std::uint32_t back = 1; back <= 3 && back <= i; ++back) {
      const std::uint32_t j = i - back;
      if (Has(j, kStemNear)) return true;
      if (!IsWord(j) || (CueAt(j) == nullptr)) return false;
    }
    return false;
  }

  // The name as written in the original text, proclitics cut (الفرقة, not
  // the folded الفرقه); the normalised form when Link was given no original.
  std::string_view SurfaceOf(std::uint32_t i, std::uint32_t end, std::uint8_t proclitic) const {
    const NormSpan norm{NormOffset(tokens_[i].norm.begin.value + proclitic),
                        tokens_[end - 1].norm.end};
    if (original_.empty()) return a_.norm.View(norm);
    const ByteSpan span = a_.norm.ToOriginal(norm);
    if (span.end.value > original_.size() || span.begin > span.end) return {};
    return original_.substr(span.begin.value, span.size());
  }

  // ---- mention strings ---------------------------------------------------------
  // A Mention's strings are copies of short KB strings and names: the last
  // document's heap buffers (LinkScratch::spare_strings) are reused for
  // them, so a worker's linking rarely calls malloc or free per mention.
  static constexpr std::size_t kMaxSpareStrings = 4096;

  // A string on the heap (longer than a fresh string holds inline) gives its
  // buffer to the spares.
  static void KeepBuffer(std::string* field, std::vector<std::string>* spare) {
    if (field->capacity() > std::string().capacity() && spare->size() < kMaxSpareStrings) {
      spare->push_back(std::move(*field));
    }
  }

  // Moves the heap buffers of the last document's mentions aside, then
  // clears them.
  void RecycleMentions() {
    std::vector<std::string>& spare = out_->scratch.spare_strings;
    for (Mention& m : out_->mentions) {
      for (std::string* field : {&m.id, &m.surface, &m.lineage, &m.place_kind, &m.admin1, &m.admin2,
                                 &m.admin3, &m.pcode, &m.country}) {
        KeepBuffer(field, &spare);
      }
    }
    out_->mentions.clear();
  }

  // Gives *field, empty, a spare buffer when its own cannot hold `size`
  // bytes. Most fields are short and fit their own: only the test is inlined.
  void Reserve(std::string* field, std::size_t size) const {
    if (size > field->capacity()) TakeSpare(field);
    field->clear();
  }

  [[gnu::noinline]] void TakeSpare(std::string* field) const {
    std::vector<std::string>& spare = out_->scratch.spare_strings;
    if (spare.empty()) return;
    *field = std::move(spare.back());
    spare.pop_back();
  }

  void Set(std::string* field, std::string_view value) const {
    if (value.size() > field->capacity()) TakeSpare(field);
    field->assign(value);
  }

  static constexpr std::string_view kNewPrefix = "new:";

  // *field = "new:" + name.
  void SetNew(std::string* field, std::string_view name) const {
    Reserve(field, kNewPrefix.size() + name.size());
    field->append(kNewPrefix).append(name);
  }

  // ---- patterns --------------------------------------------------------------
  bool NameWord(std::uint32_t j) const {
    return j < tokens_.size() && tokens_[j].kind == TokenKind::kArabicWord &&
           !Has(j, kStemStop | kStemNear) && CueAt(j) == nullptr;
  }

  // Place cue words may be part of a group's name (لواء صقور الجبل).
  bool GroupNameWord(std::uint32_t j) const {
    return j < tokens_.size() && tokens_[j].kind == TokenKind::kArabicWord &&
           !Has(j, kStemStop | kStemNear);
  }

  bool Definite(std::uint32_t j) const { return SplitArticle(Surface(j)).definite; }

  // The patterns whose first word is a reading of token i, in file order,
  // each with the proclitic bytes of the reading that matched it.
  std::size_t PatternHeads(std::uint32_t i,
                           std::array<std::pair<std::uint32_t, std::uint8_t>, 8>* out) const {
    std::size_t n = 0;
    ForStems(i, kStemGroupPattern, [&](const StemInfo& info, bool definite, std::uint8_t pc) {
      for (const std::uint32_t k : info.group_patterns) {
        if (t_.group_patterns[k].definite != definite || n == out->size()) continue;
        std::size_t at = 0;  // insertion keeps file order
        while (at < n && (*out)[at].first < k) ++at;
        if (at < n && (*out)[at].first == k) continue;
        for (std::size_t x = n; x > at; --x) (*out)[x] = (*out)[x - 1];
        (*out)[at] = {k, pc};
        ++n;
      }
    });
    return n;
  }

  std::optional<std::uint32_t> GroupPatternAt(std::uint32_t i, std::uint8_t* proclitic,
                                              bool* definite) {
    std::array<std::pair<std::uint32_t, std::uint8_t>, 8> heads{};
    const std::size_t count = PatternHeads(i, &heads);
    for (std::size_t h = 0; h < count; ++h) {
      const GroupPattern& p = t_.group_patterns[heads[h].first];
      *proclitic = heads[h].second;
      *definite = p.definite;
      std::uint32_t j = i + 1;
      bool rest = true;
      for (std::size_t k = 1; k < p.words.size(); ++k, ++j) {
        rest = rest && j < tokens_.size() && Surface(j) == p.words[k];
      }
      if (!rest) continue;
      if (p.definite) {  // الفرقة 30
        if (j < tokens_.size() && tokens_[j].kind == TokenKind::kNumber) return j + 1;
        if (Has(j, kStemOrdinal)) return OrdinalUnitEnd(j);
        continue;
      }
      if (j < tokens_.size() && tokens_[j].kind == TokenKind::kNumber) return j + 1;
      // «جيش الثوار»: quotes around the pattern and its name hold one name,
      // registry words inside it (الثوار) notwithstanding.
      if (i > 0 && IsQuote(i - 1) && GroupNameWord(j)) {
        const std::optional<std::uint32_t> close = ClosingQuote(j);
        if (close) return *close;
      }
      if (!GroupNameWord(j) || (p.strict && !Definite(j)) || ExactAt(j)) continue;
      std::uint32_t end = j;
      while (end < j + kMaxPatternNameWords && GroupNameWord(end) && !Has(end, kStemDirection) &&
             (end == j || !ExactAt(end))) {
        ++end;
      }
      return end;
    }
    return std::nullopt;
  }

  // A one-byte punctuation token that is '"' (every quote mark normalises
  // to it), tested without building a string_view.
  bool IsQuote(std::uint32_t j) const {
    if (j >= tokens_.size()) return false;
    const Token& tok = tokens_[j];
    return tok.kind == TokenKind::kPunct && tok.norm.end.value == tok.norm.begin.value + 1 &&
           a_.norm.text[tok.norm.begin.value] == '"';
  }

  // The quote closing a name whose first word is at `first`: the name is
  // one to kMaxQuotedNameWords group-name words or numbers.
  std::optional<std::uint32_t> ClosingQuote(std::uint32_t first) const {
    for (std::uint32_t j = first; j < tokens_.size() && j <= first + kMaxQuotedNameWords; ++j) {
      if (IsQuote(j)) return j > first ? std::optional<std::uint32_t>(j) : std::nullopt;
      if (!GroupNameWord(j) && tokens_[j].kind != TokenKind::kNumber) return std::nullopt;
    }
    return std::nullopt;
  }

  // A name in quotes after an indefinite pattern word, maybe after a few
  // name words (حركة «حزم»، لواء «صقور الجبل»، غرفة عمليات معركة «لهيب
  // داريا»): the quotes mark a name, so a strict pattern needs no article.
  struct QuotedName {
    std::uint32_t pattern = 0;
    std::uint32_t name_start = 0;  // after the pattern's words
    std::uint32_t open = 0;        // the opening quote
    std::uint32_t close = 0;       // the closing quote
    std::uint8_t proclitic = 0;
  };
  std::optional<QuotedName> QuotedNameAt(std::uint32_t i) {
    std::array<std::pair<std::uint32_t, std::uint8_t>, 8> heads{};
    const std::size_t count = PatternHeads(i, &heads);
    for (std::size_t h = 0; h < count; ++h) {
      const GroupPattern& p = t_.group_patterns[heads[h].first];
      if (p.definite) continue;
      auto j = static_cast<std::uint32_t>(i + 1);
      bool rest = true;
      for (std::size_t k = 1; k < p.words.size() && rest; ++k, ++j) {
        rest = j < tokens_.size() && Surface(j) == p.words[k];
      }
      if (!rest) continue;
      const std::uint32_t name_start = j;
      while (j < name_start + kMaxPatternNameWords && NameWord(j) && !IsQuote(j)) ++j;
      if (!IsQuote(j)) continue;
      const std::optional<std::uint32_t> close = ClosingQuote(j + 1);
      if (!close) continue;
      const QuotedName q{heads[h].first, name_start, j, *close, heads[h].second};
      if (RegistryNameOf(q) != nullptr) return q;
      // تنظيم «جيش الفتح»: a registry name alone in the quotes is that actor.
      const std::optional<Found> inner = j == name_start ? ExactAt(j + 1) : std::nullopt;
      if (inner && inner->end == *close) continue;
      return q;
    }
    return std::nullopt;
  }

  // The registry name spelled by the pattern, the words before the quote
  // and the quoted words (حركة + حزم = حركة حزم), if any.
  const NameEntry* RegistryNameOf(const QuotedName& q) const {
    const GroupPattern& p = t_.group_patterns[q.pattern];
    auto it = t_.indefinite_first.find(p.words[0]);
    if (it == t_.indefinite_first.end()) return nullptr;
    for (const std::uint32_t n : it->second) {
      const NameEntry& e = t_.names[n];
      if (SpellsName(e, p, q)) return &e;
    }
    return nullptr;
  }

  bool SpellsName(const NameEntry& e, const GroupPattern& p, const QuotedName& q) const {
    const std::size_t inner = (q.open - q.name_start) + (q.close - q.open - 1);
    if (e.words.size() != p.words.size() + inner) return false;
    std::size_t k = 1;
    for (; k < p.words.size(); ++k) {
      if (e.words[k] != p.words[k]) return false;
    }
    for (std::uint32_t j = q.name_start; j < q.close; ++j) {
      if (j == q.open) continue;
      if (e.words[k++] != Surface(j)) return false;
    }
    return true;
  }

  bool EmitQuotedGroup(std::uint32_t i) {
    const std::optional<QuotedName> q = QuotedNameAt(i);
    if (!q) return false;
    Mention& m = Add(MentionKind::kActor, i, q->close + 1, q->proclitic);
    const NameEntry* e = RegistryNameOf(*q);
    const Target* actor = e == nullptr ? nullptr : PickByDate(*e, TargetKind::kActor, false);
    if (actor != nullptr) {
      FillActor(&m, actor->record);
      m.alias_index = static_cast<std::uint32_t>(e - t_.names.data());
    } else {
      const std::string_view head = SurfaceOf(i, q->open, q->proclitic);
      const std::string_view quoted = SurfaceOf(q->open + 1, q->close, 0);
      Reserve(&m.id, kNewPrefix.size() + head.size() + 1 + quoted.size());
      m.id.append(kNewPrefix).append(head).append(1, ' ').append(quoted);
      Set(&m.lineage, m.id);
      m.confidence = kPatternConfidence;
      m.alias_index = kNoAlias;
    }
    Set(&m.surface, SurfaceOf(i, q->close + 1, q->proclitic));
    next_ = q->close + 1;
    return true;
  }

  // الفرقة الأولى الساحلية: the ordinal at j and one definite adjective.
  std::uint32_t OrdinalUnitEnd(std::uint32_t j) {
    const std::uint32_t next = j + 1;
    const bool adjective = IsWord(next) && Definite(next) && GroupNameWord(next) &&
                           !Has(next, kStemDirection | kStemOrdinal) && !ExactAt(next);
    return adjective ? next + 1 : next;
  }

  bool EmitGroup(std::uint32_t i) {
    std::uint8_t proclitic = 0;
    bool definite = false;
    const std::optional<std::uint32_t> end = GroupPatternAt(i, &proclitic, &definite);
    if (!end) return false;
    Mention& m = Add(MentionKind::kActor, i, *end, proclitic);
    Set(&m.surface, SurfaceOf(i, *end, proclitic));
    // ل before the article writes للفرقة: the words cut from it read لفرقة,
    // and the group is الفرقة 30, its alef restored in the id (spec: the name
    // without clitics).
    if (definite && !std::string_view(m.surface).starts_with(kArticle)) {
      SetNew(&m.id, std::string(kAlef).append(m.surface));
    } else {
      SetNew(&m.id, m.surface);
    }
    Set(&m.lineage, m.id);
    m.confidence = kPatternConfidence;
    m.alias_index = kNoAlias;
    next_ = *end;
    return true;
  }

  // في and a known place within a few words after `from`, in the same
  // clause (no punctuation between): the town a list of streets is in.
  bool TownHoldsListAfter(std::uint32_t from) {
    constexpr std::uint32_t kMaxListWords = 8;
    constexpr std::string_view kIn = "\xD9\x81\xD9\x8A";  // U+0641 U+064A
    for (std::uint32_t j = from; j < from + kMaxListWords && j + 1 < tokens_.size(); ++j) {
      if (!IsWord(j)) return false;
      if (Surface(j) != kIn) continue;
      const std::optional<Found> town = ExactAt(j + 1);
      return town && BestPlace(t_.names[town->name]) != nullptr;
    }
    return false;
  }

  // How the cue word at token i is written: the proclitic bytes before it
  // (وبلدة) and whether it has the article (المدينة).
  struct CueToken {
    std::uint8_t proclitic = 0;
    bool definite = false;
  };
  CueToken CueTokenAt(std::uint32_t i) const {
    CueToken cue;
    ForStems(i, kStemCueAny, [&](const StemInfo& info, bool definite, std::uint8_t pc) {
      if ((info.flags & kStemCueAny) == 0) return;
      if (cue.proclitic == 0) cue.proclitic = pc;
      cue.definite = cue.definite || definite;
    });
    return cue;
  }

  // بلدة X (the name is X), مطار X (the name is مطار X); X is one word, a
  // construct pair (دير العصافير), and any direction adjectives after it.
  bool EmitCuePlace(std::uint32_t i) {
    const CueRole* role = CueAt(i);
    if (role == nullptr) return false;
    // في، من، قرب ... are the commonest cues: only ريف is read further.
    if (*role == CueRole::kContext) {
      return Has(i, kStemCountryside) && EmitBareCountryside(i, CueTokenAt(i));
    }
    const CueToken cue = CueTokenAt(i);
    // المدينة، القرية، التلة point back to a place already named: what
    // follows them is an adjective or the rest of the clause (في المدينة
    // حفل تأبين، من القرية مركزا), never a new name.
    if (cue.definite) return false;
    const std::uint32_t x = i + 1;
    if (IsQuote(x)) return EmitQuotedPlace(i, x + 1);
    const std::optional<Found> known = ExactAt(x);
    if (known) return *role == CueRole::kLandmark && EmitNamedLandmark(i, cue, *known);
    if (!(NameWord(x) || CommonName(*role, x)) || !OpensName(*role, x)) return false;
    // سروج التركية: a place abroad, left to EmitForeign.
    // بلدة تركية أخرى: a nationality adjective is no name.
    if (Has(x, kStemForeign | kStemForeignAdjective) || Has(x + 1, kStemForeignAdjective)) {
      return false;
    }
    // مدينة ديار بكر، بمدينة شانلي أورفا: a known name abroad, not ديار.
    if (MultiForeignStartsAt(x)) return false;
    std::uint32_t end = NameEnd(x, Definite(x));
    const std::uint8_t proclitic = cue.proclitic;
    const std::uint32_t start = *role == CueRole::kLandmark ? i : x;
    Mention& m = Add(MentionKind::kPlace, start, end, start == i ? proclitic : std::uint8_t{0});
    m.first_token = i;  // the cue belongs to the mention either way
    m.original.begin = tokens_[i].original.begin;
    Set(&m.surface, SurfaceOf(start, end, start == i ? proclitic : std::uint8_t{0}));
    if (start == x) m.name_span = {tokens_[x].original.begin, tokens_[end - 1].original.end};
    FinishPatternPlace(m, i, end);
    return true;
  }

  // قرية الإمام: after a settlement cue, a word of common_words.txt with the
  // article is a name even when its folded stem is also a stop word (إمام,
  // folded like أمام "in front of", which never takes the article).
  bool CommonName(CueRole role, std::uint32_t x) const {
    return role == CueRole::kSettlement && IsWord(x) && Has(x, kStemCommon) && Definite(x) &&
           !Has(x, kStemNear) && CueAt(x) == nullptr;
  }

  std::uint32_t DirectionsEnd(std::uint32_t j) const {
    while (Has(j, kStemDirection)) ++j;
    return j;
  }

  // الريف الجنوبي: the countryside with the article and a direction, and no
  // place after it (بالريف الشمالي الشرقي لمدينة درعا is درعا's), is the
  // countryside of the town the article is about, known by its words only.
  bool EmitBareCountryside(std::uint32_t i, const CueToken& cue) {
    if (!cue.definite || !Has(i + 1, kStemDirection)) return false;
    const std::uint32_t end = DirectionsEnd(i + 1);
    if (end < tokens_.size() && (ExactAt(end) || ReadsWithLam(end))) return false;
    Mention& m = Add(MentionKind::kPlace, i, end, cue.proclitic);
    Set(&m.surface, SurfaceOf(i, end, cue.proclitic));
    FinishPatternPlace(m, i, end);
    m.relation = PlaceRelation::kCountryside;
    return true;
  }

  // Token j has a reading with the preposition ل (لدمشق، للمحافظة).
  bool ReadsWithLam(std::uint32_t j) const {
    const Token& tok = tokens_[j];
    if (tok.kind != TokenKind::kArabicWord) return false;
    constexpr std::string_view kLam = "\xD9\x84";  // U+0644
    const std::string_view word = Surface(j);
    for (std::uint8_t r = 0; r < tok.reading_count; ++r) {
      const std::uint8_t pc = tok.readings[r].proclitic_bytes;
      if (pc >= kLam.size() && word.substr(pc - kLam.size(), kLam.size()) == kLam) return true;
    }
    return false;
  }

  // Whether word x, after a cue of `role`, opens an unknown name.
  bool OpensName(CueRole role, std::uint32_t x) const {
    // بمخيم للاجئين السوريين: a preposition with the article opens a phrase.
    if (PrepositionAndArticle(x)) return false;
    const bool headed = Has(x, kStemToponymHead) && NameWord(x + 1);  // تل الشيخ حسين
    // After a settlement cue a common word is a name (قرية الإمام); after
    // other cues only as a toponym head.
    if (Has(x, kStemCommon) && role != CueRole::kSettlement && !headed) return false;
    // منطقة الصواغية، منطقة بئر قصب; not منطقة آمنة، منطقة حظر طيران.
    return role != CueRole::kArea || Definite(x) || headed;
  }

  // Token j reads as ب، ل or ك with the article (بالصواريخ، للاجئين),
  // و or ف allowed before: a prepositional phrase, which no place name is.
  bool PrepositionAndArticle(std::uint32_t j) const {
    const Token& tok = tokens_[j];
    const std::string_view word = Surface(j);
    for (std::uint8_t r = 0; r < tok.reading_count; ++r) {
      const text::CliticReading& rd = tok.readings[r];
      if (!rd.definite() || rd.proclitic_bytes == 0) continue;
      std::string_view proclitic = word.substr(0, rd.proclitic_bytes);
      constexpr std::string_view kWaw = "\xD9\x88";  // U+0648
      constexpr std::string_view kFa = "\xD9\x81";   // U+0641
      if (proclitic.starts_with(kWaw) || proclitic.starts_with(kFa)) {
        proclitic.remove_prefix(kWaw.size());  // one two-byte letter, as kFa
      }
      constexpr std::string_view kBa = "\xD8\xA8";   // U+0628
      constexpr std::string_view kLam = "\xD9\x84";  // U+0644
      constexpr std::string_view kKaf = "\xD9\x83";  // U+0643
      if (proclitic == kBa || proclitic == kLam || proclitic == kKaf) return true;
    }
    return false;
  }

  // تلة "جورة الماء"، قرى "بيت فارس": the quotes after a cue hold the
  // whole name, whose first word is at `first`. A registry name filling
  // them is left to the next step.
  bool EmitQuotedPlace(std::uint32_t i, std::uint32_t first) {
    if (!IsWord(first) || Has(first, kStemForeign | kStemForeignMulti)) return false;
    // Any words: quotes mark the name (بين حلبية, though بين ends other names).
    std::optional<std::uint32_t> close;
    for (std::uint32_t j = first + 1; j < tokens_.size() && j <= first + kMaxQuotedNameWords; ++j) {
      if (IsQuote(j)) close = j;
      if (close || !IsWord(j)) break;
    }
    if (!close) return false;
    const std::optional<Found> known = ExactAt(first);
    if (known && known->end == *close) return false;
    Mention& m = Add(MentionKind::kPlace, first, *close, 0);
    m.first_token = i;
    m.end_token = *close + 1;
    m.original = {tokens_[i].original.begin, tokens_[*close].original.end};
    Set(&m.surface, SurfaceOf(first, *close, 0));
    FinishPatternPlace(m, i, *close + 1);
    return true;
  }

  // شارع الثورة، سهل الزبداني، معبر أعزاز: a landmark named after a known
  // place is not that place. A street takes its name from anywhere (شارع
  // بغداد in Damascus): it gets no coordinates, and extraction places it in
  // the town that holds it. Other landmarks lie at their namesake (the plain
  // of al-Zabadani, the Azaz crossing): its coordinates, as near it.
  bool EmitNamedLandmark(std::uint32_t i, const CueToken& cue, const Found& known) {
    const NameEntry& e = t_.names[known.name];
    const Target* place = BestPlace(e);
    if (place == nullptr || PickByDate(e, TargetKind::kActor, false) != nullptr) return false;
    // جبال محافظة اللاذقية: an area named with its area word is no landmark's name.
    if (CueAt(i + 1) != nullptr) return false;
    const bool street = Has(i, kStemCueStreet);
    // شارعي الثورة وبغداد وحي باب توما في دمشق: a list said to be in a town
    // is left to extraction, which reads its items as parts of that town.
    if (street && TownHoldsListAfter(known.end)) return false;
    std::uint32_t end = known.end;
    while (Has(end, kStemDirection)) ++end;
    Mention& m = Add(MentionKind::kPlace, i, end, cue.proclitic);
    m.name_span.end = tokens_[known.end - 1].original.end;
    Set(&m.surface, SurfaceOf(i, known.end, cue.proclitic));
    if (!street) {
      const kb::Place& p = t_.kb.places[place->record];
      m.lat = p.lat;
      m.lon = p.lon;
      Set(&m.place_kind, "landmark");
      Set(&m.admin1, p.admin1);
      Set(&m.admin2, p.admin2);
      Set(&m.admin3, p.admin3);
      m.relation = PlaceRelation::kNear;
    }
    FinishPatternPlace(m, i, end);
    m.alias_index = known.name;  // جبل سنجار follows سنجار abroad (ResolveAbroadNames)
    return true;
  }

  // Completes an unknown place found by a pattern (a cue word, a list) and
  // moves past it.
  void FinishPatternPlace(Mention& m, std::uint32_t i, std::uint32_t end) {
    m.confidence = kPatternConfidence;
    m.alias_index = kNoAlias;
    if (NearBefore(i)) m.relation = PlaceRelation::kNear;
    next_ = end;
  }

  // The end of an unknown place name starting at x (after a cue or in a
  // list): one word, or an indefinite word and a definite one (دير العصافير),
  // or a toponym head and any name word (أم ولد، عين لاروز); then directions.
  std::uint32_t NameEnd(std::uint32_t x, bool x_definite) const {
    std::uint32_t end = x + 1;
    const bool headed = Has(x, kStemToponymHead) && NameWord(end) &&
                        !Has(end, kStemDirection);            // أم ولد، الشيخ حسين
    const bool construct = !x_definite && GenitiveWord(end);  // دير العصافير، طريق السد
    if (headed || construct) ++end;
    while (Has(end, kStemDirection)) ++end;
    return end;
  }

  // A definite word that can complete a construct name: a name word, or a
  // landmark word in the genitive (حي طريق السد: the road of the dam).
  bool GenitiveWord(std::uint32_t j) const {
    if (!IsWord(j) || !Definite(j) || Has(j, kStemDirection)) return false;
    if (NameWord(j)) return true;
    const CueRole* role = CueAt(j);
    return role != nullptr && *role == CueRole::kLandmark && GroupNameWord(j);
  }

  // وتل أبيض ونفذوا فيهما: a word ending in the plural verb suffix (U+0648
  // U+0627) goes on the sentence, not the list; no gazetteer name ends so.
  bool PluralVerbShape(std::uint32_t i) const {
    constexpr std::string_view kPluralSuffix = "\xD9\x88\xD8\xA7";
    return Surface(i).ends_with(kPluralSuffix);
  }

  // The reading of token i that cuts only the conjunction و (والحويجة، وعين).
  const text::CliticReading* ConjunctionReading(std::uint32_t i) const {
    const Token& tok = tokens_[i];
    if (tok.kind != TokenKind::kArabicWord) return nullptr;
    constexpr std::string_view kWaw = "\xD9\x88";  // U+0648
    const std::string_view word = Surface(i);
    if (!word.starts_with(kWaw)) return nullptr;
    for (std::uint8_t r = 0; r < tok.reading_count; ++r) {
      const text::CliticReading& rd = tok.readings[r];
      if (rd.proclitic_bytes == kWaw.size() && rd.enclitic_bytes == 0) return &rd;
    }
    return nullptr;
  }

  // بلدات صدد وفيروزة وزيدل، بلدتا قسطون والحويجة: after a plural or dual
  // cue, each name joined by و is one more place of the list, read like the
  // name after the cue (one word, or a construct pair: وعين الكروم).
  bool EmitListItem(std::uint32_t i) {
    const text::CliticReading* rd = ConjunctionReading(i);
    if (rd == nullptr || !NameWord(i) ||
        Has(i, kStemCommon | kStemForeign | kStemForeignAdjective) ||
        Has(i + 1, kStemForeignAdjective) || PluralVerbShape(i)) {
      return false;
    }
    const std::uint32_t end = NameEnd(i, rd->definite());
    Mention& m = Add(MentionKind::kPlace, i, end, rd->proclitic_bytes);
    Set(&m.surface, SurfaceOf(i, end, rd->proclitic_bytes));
    FinishPatternPlace(m, i, end);
    return true;
  }

  bool EmitForeign(std::uint32_t i) {
    std::optional<std::uint32_t> multi;
    const std::string* country = nullptr;
    std::uint8_t proclitic = 0;
    ForStems(i, kStemForeign | kStemForeignMulti, [&](const StemInfo& info, bool, std::uint8_t pc) {
      for (const std::uint32_t k : info.foreign_multi) {
        if (MultiForeignAt(i, k) && (!multi || k < *multi)) multi = k;
      }
      if (info.country != nullptr && country == nullptr) {
        country = info.country;
        proclitic = pc;
      }
    });
    if (multi) {
      const auto& [words, name_country] = t_.foreign_multi[*multi];
      return EmitForeignSpan(i, static_cast<std::uint32_t>(i + words.size()), 0, name_country);
    }
    if (country == nullptr) return false;
    return EmitForeignSpan(i, i + 1, proclitic, *country);
  }

  bool MultiForeignStartsAt(std::uint32_t i) const {
    bool found = false;
    ForStems(i, kStemForeignMulti, [&](const StemInfo& info, bool, std::uint8_t) {
      for (const std::uint32_t k : info.foreign_multi) found = found || MultiForeignAt(i, k);
    });
    return found;
  }

  bool MultiForeignAt(std::uint32_t i, std::uint32_t k) const {
    const std::vector<std::string>& words = t_.foreign_multi[k].first;
    if (i + words.size() > tokens_.size()) return false;
    for (std::size_t w = 1; w < words.size(); ++w) {
      if (Surface(static_cast<std::uint32_t>(i + w)) != words[w]) return false;
    }
    return true;
  }

  bool EmitForeignSpan(std::uint32_t i, std::uint32_t end, std::uint8_t proclitic,
                       const std::string& country) {
    Mention& m = Add(MentionKind::kPlace, i, end, proclitic);
    Set(&m.surface, SurfaceOf(i, end, proclitic));
    Set(&m.country, country);
    m.alias_index = kNoAlias;
    if (NearBefore(i)) m.relation = PlaceRelation::kNear;  // وقرب الحديثة وكركوك
    next_ = end;
    return true;
  }

  // وكانت بريطانيا قالت، شنت فرنسا: a state the registry does not hold
  // (data/link/states.txt), with a verb of stating or acting in the feminine
  // past (state_verbs.txt) just before or after it, is the state acting:
  // new:<name>. Other verbs (شهدت الكويت، شملت مصر) leave it a place.
  void EmitActingState(std::uint32_t i) {
    const Mention& place = out_->mentions.back();
    if (place.end_token != i + 1 || !Has(i, kStemState)) return;
    if (!(i > 0 && Has(i - 1, kStemStateVerb)) && !Has(i + 1, kStemStateVerb)) return;
    Mention m = place;
    m.kind = MentionKind::kActor;
    m.country.clear();
    m.id = "new:" + place.surface;
    m.lineage = m.id;
    m.confidence = kPatternConfidence;
    out_->mentions.push_back(std::move(m));
  }

  // ---- foreign forces ----------------------------------------------------------
  // الشرطة التركية، قوات الأمن التونسية: a force head followed by a
  // nationality adjective.
  struct ForceName {
    std::uint32_t name_start = 0;  // after the head's lead words
    std::uint32_t end = 0;
    std::uint8_t proclitic = 0;  // of the token at name_start
  };
  std::optional<ForceName> ForeignForceAt(std::uint32_t i) const {
    std::optional<ForceName> best;
    ForStems(i, kStemForceHead, [&](const StemInfo& info, bool definite, std::uint8_t pc) {
      for (const std::uint32_t k : info.force_heads) {
        const ForceHead& h = t_.force_heads[k];
        if (h.definite != definite) continue;
        const auto adjective = static_cast<std::uint32_t>(i + h.words.size());
        if (adjective >= tokens_.size() || !Has(adjective, kStemForeignAdjective)) continue;
        bool rest = true;
        for (std::size_t w = 1; w < h.words.size() && rest; ++w) {
          rest = Surface(static_cast<std::uint32_t>(i + w)) == h.words[w];
        }
        if (rest && (!best || adjective + 1 > best->end)) {
          best =
              ForceName{i + h.lead_words, adjective + 1, h.lead_words == 0 ? pc : std::uint8_t{0}};
        }
      }
    });
    return best;
  }

  // A foreign force the registry does not name whole (a registry name
  // ending at or after it wins: قوات الأمن التركية is TURKISH_FORCES) is
  // new:<name as written>.
  bool EmitForeignForce(std::uint32_t i, std::uint32_t registry_end) {
    if (!Has(i, kStemForceHead)) return false;
    const std::optional<ForceName> f = ForeignForceAt(i);
    if (!f || f->end <= registry_end) return false;
    Mention& m = Add(MentionKind::kActor, f->name_start, f->end, f->proclitic);
    m.first_token = i;
    m.original.begin = tokens_[i].original.begin;
    Set(&m.surface, SurfaceOf(f->name_start, f->end, f->proclitic));
    SetNew(&m.id, ForceIdFor(SurfaceKey(f->name_start, f->end, f->proclitic), m.surface));
    Set(&m.lineage, m.id);
    m.confidence = kPatternConfidence;
    m.alias_index = kNoAlias;
    next_ = f->end;
    return true;
  }

  // The normalised name without the feminine ending of its last word.
  std::string SurfaceKey(std::uint32_t i, std::uint32_t end, std::uint8_t proclitic) const {
    const NormSpan span{NormOffset(tokens_[i].norm.begin.value + proclitic),
                        tokens_[end - 1].norm.end};
    std::string key(a_.norm.View(span));
    constexpr std::string_view kHeh = "\xD9\x87";  // U+0647, ta marbuta folded
    if (key.size() > kHeh.size() && key.ends_with(kHeh)) key.resize(key.size() - kHeh.size());
    return key;
  }

  // One force, one id per article: the same force written again with the
  // other gender of the adjective (قوات الأمن السعودي / السعودية) or shorter
  // (أجهزة الأمن السعودية after قوات الأمن السعودي) keeps the first id.
  const std::string& ForceIdFor(std::string key, const std::string& surface) {
    for (const auto& [seen, id] : forces_) {
      if (seen == key || EndsWithWords(seen, key)) return id;
    }
    return forces_.emplace_back(std::move(key), surface).second;
  }

  static bool EndsWithWords(std::string_view longer, std::string_view shorter) {
    return longer.size() > shorter.size() && longer.ends_with(shorter) &&
           longer[longer.size() - shorter.size() - 1] == ' ';
  }

  // ---- the pass ---------------------------------------------------------------
  // One position, and whether a list of places opened by a plural cue goes
  // on after what was found there.
  // StepAt(i) would find nothing and return i + 1: token i has none of the
  // bits its rules start from, anchors no fuzzy name and continues no list.
  // Most tokens are quiet, and are passed over with this test alone.
  bool Quiet(std::uint32_t i) const {
    constexpr std::uint32_t kStartBits =
        kStemNames | kStemForceHead | kStemForeign | kStemForeignMulti | kStemGroupPattern;
    const TokenFacts& f = facts_[i];
    return (f.flags & kStartBits) == 0 && f.cue == 0 && f.fuzzy_anchors == 0 && i != list_next_;
  }

  std::uint32_t Step(std::uint32_t i) {
    const std::size_t mentions_before = out_->mentions.size();
    const std::uint32_t next = StepAt(i);
    if (out_->mentions.size() == mentions_before) return next;
    const Mention& last = out_->mentions.back();
    const bool opens_list = Has(last.first_token, kStemCueList) ||
                            (last.first_token >= 1 && Has(last.first_token - 1, kStemCueList));
    if (last.kind == MentionKind::kPlace && last.country == "Syria" &&
        (opens_list || i == list_next_)) {
      list_next_ = last.end_token;
    }
    return next;
  }

  std::uint32_t StepAt(std::uint32_t i) {
    if (!IsWord(i)) return i + 1;
    next_ = i + 1;
    std::optional<Found> f = Has(i, kStemNames) ? MemoisedExactAt(i) : std::nullopt;
    std::optional<Found> fuzzy;
    if (!f && facts_[i].fuzzy_anchors != 0) fuzzy = FuzzyAt(i);
    if (fuzzy && !f) f = fuzzy;
    // لبنان is Lebanon, not ل + بنان: a foreign name read whole beats a
    // gazetteer name that needs a clitic cut.
    if (f && f->proclitic_bytes > 0 && WholeIsForeign(i) && EmitForeign(i)) {
      return next_;
    }
    if (EmitForeignForce(i, f ? f->end : i)) return next_;
    if (f && Emit(i, *f)) return f->end > i ? LastEnd(i) : i + 1;
    // Each rule below needs a lexicon bit of token i: most tokens have none,
    // and are passed over without a call.
    const TokenFacts& facts = facts_[i];
    if ((facts.flags & (kStemForeign | kStemForeignMulti)) != 0 && EmitForeign(i)) {
      EmitActingState(i);
      return next_;
    }
    if ((facts.flags & kStemGroupPattern) != 0 && (EmitQuotedGroup(i) || EmitGroup(i))) {
      return next_;
    }
    if (facts.cue != 0 && EmitCuePlace(i)) return next_;
    if (i == list_next_ && EmitListItem(i)) return next_;
    return i + 1;
  }

  std::uint32_t LastEnd(std::uint32_t i) const {
    const Mention& m = out_->mentions.back();
    return std::max(m.end_token, i + 1);
  }

  void ResolveWeak() {
    if (pending_weak_.empty()) return;
    // Where each actor is named: sorted by (record, token) for binary search.
    auto& named = out_->scratch.named;
    named.clear();
    const std::vector<std::uint32_t>& records = out_->scratch.actor_records;
    for (std::size_t k = 0; k < out_->mentions.size(); ++k) {
      const Mention& m = out_->mentions[k];
      if (m.kind != MentionKind::kActor || m.id.empty()) continue;
      // FillActor gave most their record; the others (new: ids) are looked up.
      if (k < records.size() && records[k] != LinkScratch::kNoActorRecord) {
        named.emplace_back(records[k], m.first_token);
        continue;
      }
      auto it = t_.actor_by_id.find(m.id);
      if (it != t_.actor_by_id.end()) named.emplace_back(it->second, m.first_token);
    }
    std::sort(named.begin(), named.end());
    auto& drop = out_->scratch.drop;
    drop.clear();
    for (const std::size_t idx : pending_weak_) {
      Mention& m = out_->mentions[idx];
      const NameEntry& e = t_.names[m.alias_index];
      const Target* chosen = ChooseWeak(e, m.first_token, named);
      if (chosen == nullptr && SubjectOfFeminineVerb(e, m)) chosen = FirstWeak(e);
      if (chosen == nullptr) {
        drop.push_back(idx);
      } else {
        FillActor(&m, chosen->record);
      }
    }
    // One compaction pass: erasing each unlicensed mention would move all
    // the mentions after it, once per erase.
    if (drop.empty()) return;
    std::size_t kept = 0;
    std::size_t next_drop = 0;
    for (std::size_t k = 0; k < out_->mentions.size(); ++k) {
      if (next_drop < drop.size() && drop[next_drop] == k) {
        ++next_drop;
        continue;
      }
      if (kept != k) out_->mentions[kept] = std::move(out_->mentions[k]);
      ++kept;
    }
    out_->mentions.resize(kept);
  }

  // شنت تركيا، وكانت بريطانيا قالت: a country written without the article
  // (a proper noun), with no clitic, right after a verb in the feminine past
  // (ending in U+062A, not the plural noun ending U+0627 U+062A: جمهوريات
  // روسيا) is the subject of that verb: the state acts, licensed or not.
  bool SubjectOfFeminineVerb(const NameEntry& e, const Mention& m) const {
    if (e.definite || m.name_span.begin != m.original.begin || m.first_token == 0) return false;
    const std::uint32_t verb = m.first_token - 1;
    if (tokens_[verb].kind != TokenKind::kArabicWord) return false;
    constexpr std::string_view kTeh = "\xD8\xAA";
    constexpr std::string_view kPluralEnding = "\xD8\xA7\xD8\xAA";
    const std::string_view word = Surface(verb);
    return word.ends_with(kTeh) && !word.ends_with(kPluralEnding);
  }

  // The weak actor target of a name valid on the date, in registry order.
  const Target* FirstWeak(const NameEntry& e) const {
    for (const Target& t : e.targets) {
      if (t.kind != TargetKind::kActor || !t.weak) continue;
      if (date_ && !t.range.Contains(*date_)) continue;
      return &t;
    }
    return nullptr;
  }

  // The weak target whose licensor was named most recently before `token`;
  // a naming after it ranks below any before.
  const Target* ChooseWeak(
      const NameEntry& e, std::uint32_t token,
      const std::vector<std::pair<std::uint32_t, std::uint32_t>>& named) const {
    const Target* chosen = nullptr;
    std::int64_t best_score = -1;
    for (const Target& t : e.targets) {
      if (t.kind != TargetKind::kActor || !t.weak) continue;
      if (date_ && !t.range.Contains(*date_)) continue;
      for (const std::uint32_t record : t_.weak_licensors[t.record]) {
        auto lo = std::lower_bound(named.begin(), named.end(), std::make_pair(record, 0u));
        if (lo == named.end() || lo->first != record) continue;
        auto at = std::lower_bound(lo, named.end(), std::make_pair(record, token));
        std::int64_t score = -1;
        if (at != lo) score = 1'000'000 + std::prev(at)->second;  // the last naming before
        if (score < 0) score = 1'000'000 - static_cast<std::int64_t>(lo->second);
        if (score > best_score) {
          best_score = score;
          chosen = &t;
        }
      }
    }
    return chosen;
  }

  // سنجار in Idlib or in Iraq: a gazetteer place whose name is also a foreign
  // place follows the article's other places.
  void ResolveAbroadNames() {
    int syrian = 0;
    int abroad_total = 0;
    for (const Mention& m : out_->mentions) {
      if (m.kind != MentionKind::kPlace) continue;
      if (m.country == "Syria") {
        ++syrian;
      } else {
        ++abroad_total;
      }
    }
    if (abroad_total == 0) return;  // nothing abroad for a name to follow
    const auto places_in = [&](const std::string& country) {
      int n = 0;
      for (const Mention& m : out_->mentions)
        n += m.kind == MentionKind::kPlace && m.country == country;
      return n;
    };
    for (Mention& m : out_->mentions) {
      if (m.kind != MentionKind::kPlace || m.country != "Syria" || m.alias_index == kNoAlias)
        continue;
      const NameEntry& e = t_.names[m.alias_index];
      if (e.words.size() != 1) continue;
      auto it = t_.foreign_single.find(e.words[0]);
      if (it == t_.foreign_single.end()) continue;
      const int abroad = places_in(it->second);
      if (abroad > 0 && abroad >= syrian - 1) {
        m.country = it->second;
        m.id.clear();
        m.lat.reset();
        m.lon.reset();
        m.admin1.clear();
        m.admin2.clear();
        m.admin3.clear();
        m.pcode.clear();
      }
    }
  }

  // حي سلطان غازي in a report from Istanbul: a name known only by its cue
  // word is abroad when the article's places lie mostly in one country
  // abroad (twice its known Syrian places or more) and the place named
  // right before it is in that country. Mentions are sorted here.
  void ResolveAbroadCuePlaces() {
    int syrian_known = 0;
    bool any_cue_only = false;
    for (const Mention& m : out_->mentions) {
      if (m.kind != MentionKind::kPlace || m.country != "Syria") continue;
      syrian_known += m.lat.has_value();
      any_cue_only = any_cue_only || IsCueOnly(m);
    }
    if (!any_cue_only) return;  // most articles: nothing to move, nothing allocated
    std::vector<std::pair<std::string_view, int>> abroad;  // country, places named there
    for (const Mention& m : out_->mentions) {
      if (m.kind != MentionKind::kPlace || m.country == "Syria") continue;
      auto it = std::find_if(abroad.begin(), abroad.end(),
                             [&](const auto& c) { return c.first == m.country; });
      if (it == abroad.end()) {
        abroad.emplace_back(m.country, 1);
      } else {
        ++it->second;
      }
    }
    if (abroad.empty()) return;
    const auto top =
        std::max_element(abroad.begin(), abroad.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    if (top->second < 2 * syrian_known) return;
    const std::string country(top->first);
    const Mention* before = nullptr;
    for (Mention& m : out_->mentions) {
      if (m.kind != MentionKind::kPlace) continue;
      if (IsCueOnly(m) && before != nullptr && before->country == country) Set(&m.country, country);
      before = &m;
    }
  }

  static bool IsCueOnly(const Mention& m) {
    return m.country == "Syria" && m.id.empty() && !m.lat.has_value();
  }

  // "The latter" as a noun (بينما رد الأخير بقصف، وأشعلت هذه الأخيرة النار)
  // names the actor named last before it, in its sentence or the one before:
  // it becomes a mention of that actor. (Gender is no guide: the latter of
  // قوات النظام is الأخير, of النظام.) After a definite noun, a name, a
  // function word or a pronoun, or a possessed noun, the word is an adjective
  // or a predicate (في الساعات الأخيرة، بقرار تركيا الأخير، وفي الأخير، هي
  // الأخيرة في سلسلة، اجتماعهما الأخير) and names nobody. Mentions are sorted
  // by first token here.
  void ResolveTheLatter() {
    std::size_t sentence = 0;
    for (std::uint32_t i = 1; i < tokens_.size(); ++i) {
      // A word of anaphors.txt as written, its article first (no clitic).
      if ((facts_[i].flags & kStemAnaphor) == 0 || !Surface(i).starts_with(kArticle)) continue;
      if (!AnaphoricAfter(i - 1)) continue;
      while (sentence + 1 < a_.sentences.size() && a_.sentences[sentence + 1].first_token <= i) {
        ++sentence;
      }
      const std::uint32_t floor = a_.sentences[sentence > 0 ? sentence - 1 : 0].first_token;
      const std::optional<std::size_t> antecedent = LastActorBefore(floor, i);
      if (antecedent) AddLatter(*antecedent, i);
    }
  }

  // Token `before` leaves the word after it a noun: هذه (وهذه الأخيرة), or a
  // word with no article that is no function word (stop_words.txt: في،
  // هو، هي), no name and no noun with a pronoun of possession (ه، ها، هم، هما).
  bool AnaphoricAfter(std::uint32_t before) const {
    constexpr std::string_view kThis = "\xD9\x87\xD8\xB0\xD9\x87";  // هذه
    constexpr std::size_t kWawBytes = 2;  // a proclitic و، ف or ل before it
    constexpr std::string_view kPossessive[] = {"\xD9\x87", "\xD9\x87\xD8\xA7", "\xD9\x87\xD9\x85",
                                                "\xD9\x87\xD9\x85\xD8\xA7"};  // ه، ها، هم، هما
    if (tokens_[before].kind != TokenKind::kArabicWord) return false;
    const std::string_view word = Surface(before);
    if (word.ends_with(kThis) && word.size() <= kThis.size() + kWawBytes) return true;
    if (Definite(before) || Has(before, kStemStop) || MentionCovers(before)) return false;
    return std::none_of(std::begin(kPossessive), std::end(kPossessive),
                        [&](std::string_view p) { return word.ends_with(p); });
  }

  bool MentionCovers(std::uint32_t token) const {
    const auto& ms = out_->mentions;
    auto it = std::upper_bound(ms.begin(), ms.end(), token,
                               [](std::uint32_t t, const Mention& m) { return t < m.first_token; });
    return it != ms.begin() && std::prev(it)->end_token > token;
  }

  // The last actor mention in [floor, end).
  std::optional<std::size_t> LastActorBefore(std::uint32_t floor, std::uint32_t end) const {
    const auto& ms = out_->mentions;
    auto it = std::lower_bound(ms.begin(), ms.end(), end,
                               [](const Mention& m, std::uint32_t t) { return m.first_token < t; });
    while (it != ms.begin()) {
      --it;
      if (it->first_token < floor) break;
      if (it->kind == MentionKind::kActor && !it->id.empty() && it->end_token <= end) {
        return static_cast<std::size_t>(it - ms.begin());
      }
    }
    return std::nullopt;
  }

  void AddLatter(std::size_t antecedent, std::uint32_t i) {
    auto& ms = out_->mentions;
    const auto at =
        std::lower_bound(ms.begin(), ms.end(), i,
                         [](const Mention& m, std::uint32_t t) { return m.first_token < t; });
    const auto pos = static_cast<std::size_t>(at - ms.begin());
    ms.insert(at, Mention(ms[antecedent]));
    Mention& m = ms[pos];
    m.first_token = i;
    m.end_token = i + 1;
    m.original = tokens_[i].original;
    m.name_span = tokens_[i].original;
    m.surface.assign(SurfaceOf(i, i + 1, 0));
    m.confidence = kWeakConfidence;
  }

  // Mentions are sorted by first token here: one merge with the sentences.
  void MarkDatelines() {
    auto m = out_->mentions.begin();
    for (const text::Sentence& s : a_.sentences) {
      if (s.dateline_end_token <= s.first_token) continue;
      while (m != out_->mentions.end() && m->first_token < s.first_token) ++m;
      for (auto d = m; d != out_->mentions.end() && d->first_token < s.dateline_end_token; ++d) {
        if (d->kind == MentionKind::kPlace) d->dateline = true;
      }
    }
  }

  const LinkerTables& t_;
  const text::AnalyzedText& a_;
  // Spans, not the vectors: an access then loads the data pointer from
  // here instead of through a reference to the vector, and the size is kept.
  std::span<const Token> tokens_;
  std::string_view original_;
  LinkedText* out_;
  std::vector<TokenFacts>& fact_store_;
  std::span<TokenFacts> facts_;  // fact_store_, once ComputeFacts has sized it
  std::vector<WordShape>& shapes_;
  std::vector<std::size_t>& pending_weak_;
  std::optional<kb::DayKey> date_;
  std::uint32_t next_ = 0;
  std::uint32_t list_next_ = kNoListItem;  // where the next item of a place list may start
  std::vector<std::pair<std::string, std::string>> forces_;  // SurfaceKey -> name of the id
};

}  // namespace

Linker::Linker(std::unique_ptr<LinkerTables> tables) : tables_(std::move(tables)) {}
Linker::~Linker() = default;

Result<std::unique_ptr<Linker>> Linker::Create(const std::string& data_dir) {
  Result<kb::KnowledgeBase> kb = kb::LoadKnowledgeBase(data_dir);
  if (!kb.ok()) return kb.status();
  auto tables = std::make_unique<LinkerTables>();
  RASD_RETURN_IF_ERROR(CompileTables(data_dir, std::move(kb).value(), tables.get()));
  return std::unique_ptr<Linker>(new Linker(std::move(tables)));
}

void Linker::Link(const text::AnalyzedText& text, std::optional<text::CivilDate> date,
                  LinkedText* out) const {
  LinkRun run(*tables_, text, std::string_view(), date, out);
  run.Run();
}

void Linker::Link(const text::AnalyzedText& text, std::string_view original,
                  std::optional<text::CivilDate> date, LinkedText* out) const {
  LinkRun run(*tables_, text, original, date, out);
  run.Run();
}

std::string Linker::ResolveAt(const Mention& mention, text::CivilDate date) const {
  if (mention.kind != MentionKind::kActor || mention.alias_index >= tables_->names.size()) {
    return mention.id;
  }
  const kb::DayKey day = DayKeyOf(date);
  const Target* best = nullptr;
  for (const Target& t : tables_->names[mention.alias_index].targets) {
    if (t.kind != TargetKind::kActor || !t.range.Contains(day)) continue;
    if (!best || (best->weak && !t.weak) || t.range.from > best->range.from) best = &t;
  }
  return best ? tables_->kb.actors[best->record].id : mention.id;
}

std::optional<text::CivilDate> Linker::NamesCurrentSince(const LinkedText& linked) const {
  kb::DayKey since = kb::kOpenStart;
  for (const Mention& m : linked.mentions) {
    if (m.kind != MentionKind::kActor || m.alias_index >= tables_->names.size() ||
        m.confidence < 1.0) {  // exact names only: no weak alias, no near spelling
      continue;
    }
    const Target* only = nullptr;
    int actors = 0;
    for (const Target& t : tables_->names[m.alias_index].targets) {
      if (t.kind != TargetKind::kActor) continue;
      ++actors;
      only = &t;
    }
    if (actors != 1 || only->weak) continue;
    const kb::Actor& actor = tables_->kb.actors[only->record];
    if (actor.lineage.empty() || actor.id != m.id) continue;
    since = std::max({since, only->range.from, actor.active.from});
  }
  if (since == kb::kOpenStart) return std::nullopt;
  return CivilDateOf(since);
}

int Linker::InterOf(const std::string& id) const {
  const auto it = tables_->actor_by_id.find(id);
  return it == tables_->actor_by_id.end() ? 0 : tables_->kb.actors[it->second].inter;
}

const std::string& Linker::data_version() const { return tables_->kb.data_version; }

}  // namespace rasd::link
