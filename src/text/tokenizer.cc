// Tokenisation of normalised text and the clitic readings of Arabic words.
// One pass over the bytes with a class table for ASCII and for the Arabic
// block; clitic analysis compares two-byte letters in place, so a token costs
// no allocation. All clitic letters are in U+0600..U+06FF (two UTF-8 bytes).
// Where SSE2 is there (all of x86-64), the common letters of a word are
// scanned 16 bytes at a time before the class tables.
#include "text/tokenizer.h"

#include <algorithm>
#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "common/limits.h"
#include "common/utf8.h"

namespace rasd::text {
namespace {

enum class CharClass : std::uint8_t { kSpace, kArabic, kLatin, kDigit, kPunct, kSymbol, kMark };

struct CharInfo {
  CharClass cls;
  std::uint8_t len;
};

constexpr bool InRange(char32_t cp, char32_t first, char32_t last) {
  return cp >= first && cp <= last;
}

constexpr bool IsArabicLetter(char32_t cp) {
  return InRange(cp, 0x0620, 0x064A) || InRange(cp, 0x066E, 0x066F) ||
         InRange(cp, 0x0671, 0x06D3) || cp == 0x06D5 || InRange(cp, 0x06E5, 0x06E6) ||
         InRange(cp, 0x06EE, 0x06EF) || InRange(cp, 0x06FA, 0x06FC) || cp == 0x06FF ||
         InRange(cp, 0x0750, 0x077F) || InRange(cp, 0x08A0, 0x08C9);
}

// Marks that survive normalisation (Latin accents, rare Arabic marks) stay
// inside the word they follow.
constexpr bool IsCombiningMark(char32_t cp) {
  return InRange(cp, 0x0300, 0x036F) || InRange(cp, 0x0610, 0x061A) ||
         InRange(cp, 0x064B, 0x065F) || cp == 0x0670 || InRange(cp, 0x06D6, 0x06ED) ||
         InRange(cp, 0x08CA, 0x08FF);
}

// Latin letters beyond ASCII, and Greek and Cyrillic: all "other alphabetic" words.
constexpr bool IsOtherAlphabetic(char32_t cp) {
  return (InRange(cp, 0x00C0, 0x024F) && cp != 0x00D7 && cp != 0x00F7) ||
         InRange(cp, 0x0370, 0x052F);
}

constexpr CharClass ClassifyCodePoint(char32_t cp) {
  if (IsArabicLetter(cp)) return CharClass::kArabic;
  if (IsCombiningMark(cp)) return CharClass::kMark;
  if (IsOtherAlphabetic(cp)) return CharClass::kLatin;
  return CharClass::kSymbol;
}

constexpr CharClass ClassifyAscii(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLatin;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  if (c <= ' ' || c == 0x7F) return CharClass::kSpace;  // controls separate like spaces
  constexpr std::string_view kPunctuation = ".,;:?!\"'()[]{}-/";
  if (kPunctuation.find(c) != std::string_view::npos) return CharClass::kPunct;
  return CharClass::kSymbol;
}

// Classes of ASCII and of the Arabic block U+0600..U+06FF, computed at compile time.
struct ClassTables {
  std::array<CharClass, 128> ascii{};
  std::array<CharClass, 256> arabic{};
  // Indexed by two bytes, the first lowest: true for a character of
  // U+0600..U+06FF that continues an Arabic word (a letter or a mark). The
  // scan of a word then costs one load and one test per letter.
  std::array<bool, 1 << 16> arabic_word_pairs{};
  // The same for the letters alone (no marks): the two bytes that open an
  // Arabic word, told in one load where ClassAt tests both bytes first.
  std::array<bool, 1 << 16> arabic_letter_pairs{};
};

constexpr ClassTables MakeClassTables() {
  ClassTables t;
  for (int c = 0; c < 128; ++c) t.ascii[c] = ClassifyAscii(static_cast<char>(c));
  for (char32_t cp = 0x0600; cp < 0x0700; ++cp) {
    const CharClass cls = ClassifyCodePoint(cp);
    t.arabic[cp - 0x0600] = cls;
    const unsigned lead = 0xC0 | (cp >> 6), trail = 0x80 | (cp & 0x3F);
    t.arabic_word_pairs[lead | (trail << 8)] = cls == CharClass::kArabic || cls == CharClass::kMark;
    t.arabic_letter_pairs[lead | (trail << 8)] = cls == CharClass::kArabic;
  }
  return t;
}

constexpr ClassTables kClassTables = MakeClassTables();

inline CharInfo ClassAt(std::string_view text, std::size_t i) {
  const auto c0 = static_cast<unsigned char>(text[i]);
  if (c0 < 0x80) return {kClassTables.ascii[c0], 1};
  if ((c0 & 0xFC) == 0xD8 && i + 1 < text.size()) {  // lead byte of U+0600..U+06FF
    const auto c1 = static_cast<unsigned char>(text[i + 1]);
    if ((c1 & 0xC0) == 0x80) return {kClassTables.arabic[((c0 & 0x03) << 6) | (c1 & 0x3F)], 2};
  }
  std::size_t len = 1;
  const char32_t cp = utf8::Decode(text, i, &len);
  return {ClassifyCodePoint(cp), static_cast<std::uint8_t>(len)};
}

// ---- Clitic analysis -------------------------------------------------------

// A two-byte letter as it is stored: its UTF-8 bytes read as one number,
// the lead byte lowest. The clitic analysis only ever compares letters for
// equality, and two bytes equal a letter's encoding exactly when they decode
// to that letter, so letters are never decoded.
using Letter = std::uint16_t;

constexpr Letter LetterOf(char32_t cp) {
  return static_cast<Letter>((0xC0 | (cp >> 6)) | ((0x80 | (cp & 0x3F)) << 8));
}

// The two bytes at p as a Letter (whether or not they are one).
inline Letter PairAt(const unsigned char* p) { return static_cast<Letter>(p[0] | (p[1] << 8)); }

constexpr Letter kAlef = LetterOf(0x0627);
constexpr Letter kBeh = LetterOf(0x0628);
constexpr Letter kFeh = LetterOf(0x0641);
constexpr Letter kKaf = LetterOf(0x0643);
constexpr Letter kLam = LetterOf(0x0644);
constexpr Letter kMeem = LetterOf(0x0645);
constexpr Letter kNoon = LetterOf(0x0646);
constexpr Letter kHeh = LetterOf(0x0647);
constexpr Letter kWaw = LetterOf(0x0648);
constexpr Letter kYeh = LetterOf(0x064A);
constexpr std::uint8_t kLetterBytes = 2;  // every clitic letter is in U+0600..U+07FF

// Pronoun suffixes, as Letters. ه is also a folded ta marbuta, so a split
// at ه is only ever a reading beside the surface form, never instead of it.
// Each is also packed 16 bits a letter, its last letter lowest, with the mask
// of its letters: Word::EndsWith then compares once.
struct Enclitic {
  std::array<Letter, 3> letters;
  std::uint8_t count;
  std::uint64_t packed = 0;
  std::uint64_t mask = 0;
};

constexpr Enclitic MakeEnclitic(std::array<Letter, 3> letters, std::uint8_t count) {
  Enclitic e{letters, count};
  for (std::uint32_t k = 0; k < count; ++k) {
    e.packed |= std::uint64_t{letters[k]} << (16 * (count - 1 - k));
  }
  e.mask = (std::uint64_t{1} << (16 * count)) - 1;
  return e;
}

constexpr std::array<Enclitic, 9> kEnclitics = {{
    MakeEnclitic({kHeh, kMeem, kAlef}, 3),  // هما
    MakeEnclitic({kKaf, kMeem, kAlef}, 3),  // كما
    MakeEnclitic({kHeh, kAlef, 0}, 2),      // ها
    MakeEnclitic({kHeh, kMeem, 0}, 2),      // هم
    MakeEnclitic({kHeh, kNoon, 0}, 2),      // هن
    MakeEnclitic({kKaf, kMeem, 0}, 2),      // كم
    MakeEnclitic({kNoon, kAlef, 0}, 2),     // نا
    MakeEnclitic({kHeh, 0, 0}, 1),          // ه
    MakeEnclitic({kYeh, 0, 0}, 1),          // ي
}};

constexpr std::size_t kMinStemLetters = 2;

// An Arabic word in the normalised text. The clitic analysis only ever looks
// at the first four and the last three two-byte letters, so those are read
// once here; `letters` (code points) comes from the scan that found the word.
class Word {
 public:
  Word(std::string_view text, NormSpan span, std::uint32_t letters)
      : size_(span.size()), letters_(letters) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + span.begin.value;
    if (size_ >= sizeof(std::uint64_t)) {
      ReadLongWord(p);
      return;
    }
    for (std::uint32_t k = 0; k < kHeadLetters; ++k) head_[k] = ReadLetter(p, k * kLetterBytes);
    for (std::uint32_t k = 0; k < kTailLetters; ++k) {
      const std::uint32_t bytes = (k + 1) * kLetterBytes;
      if (bytes < size_) tail_ |= std::uint64_t{ReadLetter(p, size_ - bytes)} << (16 * k);
    }
  }

  // A word of `letters` letters made of the given first letters and ending
  // with the letters packed in `tail` (as Enclitic::packed): for building
  // ReadingTable.
  Word(std::array<Letter, 4> head, std::uint64_t tail, std::uint32_t letters)
      : size_(letters * kLetterBytes), letters_(letters), head_(head), tail_(tail) {}

  // The two bytes at byte `off` (0, 2, 4 or 6), or 0 past the word's end.
  Letter LetterAt(std::uint32_t off) const { return head_[off / kLetterBytes]; }
  // The last three pairs as EndsWith compares them, the last one lowest.
  std::uint64_t Tail() const { return tail_; }
  bool EndsWith(const Enclitic& e) const { return (tail_ & e.mask) == e.packed; }
  std::uint32_t Letters() const { return letters_; }

 private:
  static constexpr std::uint32_t kHeadLetters = 4;  // conjunction, preposition, ا ل
  static constexpr std::uint32_t kTailLetters = 3;  // the longest pronoun suffix

  Letter ReadLetter(const unsigned char* p, std::uint32_t off) const {
    return off + 1 < size_ ? PairAt(p + off) : 0;
  }

  // A word of eight bytes or more (four letters or more: most words) has
  // all four head pairs and all three tail pairs: they are read with two
  // eight-byte loads and no test per pair, whose outcome would follow the
  // word's length.
  void ReadLongWord(const unsigned char* p) {
    static_assert(std::size_t{kHeadLetters} * kLetterBytes == sizeof(std::uint64_t));
    std::memcpy(head_.data(), p, sizeof(std::uint64_t));
    std::uint64_t last = 0;  // the last four pairs, the last one highest
    std::memcpy(&last, p + size_ - sizeof last, sizeof last);
    tail_ = (last >> 48) | (last >> 16 & 0xFFFF0000ULL) | (last << 16 & 0xFFFF00000000ULL);
  }

  std::uint32_t size_;
  std::uint32_t letters_;
  std::array<Letter, kHeadLetters> head_{};
  // The last three two-byte pairs, 16 bits each, the last one lowest; 0 for
  // a pair the suffix would not leave room for (a suffix never takes the
  // whole word).
  std::uint64_t tail_ = 0;
};

bool IsConjunction(Letter c) { return c == kWaw || c == kFeh; }
bool IsPreposition(Letter c) { return c == kBeh || c == kLam || c == kKaf; }

std::uint32_t StemLetters(const Word& w, const CliticReading& r) {
  const std::uint32_t cut = (r.proclitic_bytes + r.article_bytes + r.enclitic_bytes) / kLetterBytes;
  return w.Letters() > cut ? w.Letters() - cut : 0;
}

// Collects the splits [conj] [prep] [article] stem [enclitic] with a stem of
// at least two letters. A pronoun suffix never follows the article, so a
// word that can be read as definite (بالمدينة) gets no suffix readings, and
// neither does a stem that itself starts with ال.
class ReadingCollector {
 public:
  explicit ReadingCollector(const Word& w) : w_(w) {}

  void CollectAll() {
    CollectAfterConjunction(0);
    if (IsConjunction(w_.LetterAt(0))) CollectAfterConjunction(kLetterBytes);
    if (definite_) return;
    const std::uint8_t enclitic = EncliticBytes();
    if (enclitic == 0) return;
    for (std::size_t k = 0; k < prefix_count_; ++k) Add({prefixes_[k], 0, enclitic});
  }

  // The surface form first, then the splits by stem length, longest first
  // (fewer suffix letters first on a tie). An insertion sort: there are a
  // handful of candidates, and std::stable_sort would allocate.
  void WriteTo(Token* t) {
    for (std::size_t k = 1; k < count_; ++k) {
      const CliticReading r = candidates_[k];
      std::size_t j = k;
      while (j > 0 && Before(r, candidates_[j - 1])) {
        candidates_[j] = candidates_[j - 1];
        --j;
      }
      candidates_[j] = r;
    }
    t->readings[0] = CliticReading{};
    t->reading_count = 1;
    for (std::size_t k = 0; k < count_ && t->reading_count < kMaxReadings; ++k) {
      t->readings[t->reading_count++] = candidates_[k];
    }
  }

 private:
  void CollectAfterConjunction(std::uint8_t conj) {
    CollectAfterProclitics(conj, false);
    const Letter prep = w_.LetterAt(conj);
    if (IsPreposition(prep)) CollectAfterProclitics(conj + kLetterBytes, prep == kLam);
  }

  void CollectAfterProclitics(std::uint8_t proclitic, bool after_lam) {
    const bool stem_has_article =
        w_.LetterAt(proclitic) == kAlef && w_.LetterAt(proclitic + kLetterBytes) == kLam;
    if (proclitic != 0) Add({proclitic, 0, 0});
    if (after_lam && w_.LetterAt(proclitic) == kLam) {
      // ل + ال is written لل: the article is the second ل alone.
      AddDefinite({proclitic, kLetterBytes, 0});
    } else if (!after_lam && stem_has_article) {
      AddDefinite({proclitic, 2 * kLetterBytes, 0});
    }
    if (!stem_has_article && prefix_count_ < prefixes_.size()) {
      prefixes_[prefix_count_++] = proclitic;
    }
  }

  void AddDefinite(const CliticReading& r) {
    if (Add(r)) definite_ = true;
  }

  // Bytes of the pronoun suffix the word ends with (at most one of the list
  // can match, the longest is tried first), or 0.
  std::uint8_t EncliticBytes() const {
    for (const Enclitic& e : kEnclitics) {
      if (w_.EndsWith(e)) return static_cast<std::uint8_t>(e.count * kLetterBytes);
    }
    return 0;
  }

  bool Before(const CliticReading& a, const CliticReading& b) const {
    const std::uint32_t la = StemLetters(w_, a), lb = StemLetters(w_, b);
    if (la != lb) return la > lb;
    return a.enclitic_bytes < b.enclitic_bytes;
  }

  bool Add(const CliticReading& r) {
    if (StemLetters(w_, r) < kMinStemLetters || count_ == candidates_.size()) return false;
    for (std::size_t k = 0; k < count_; ++k) {
      const CliticReading& o = candidates_[k];
      if (o.proclitic_bytes + o.article_bytes == r.proclitic_bytes + r.article_bytes &&
          o.enclitic_bytes == r.enclitic_bytes) {
        return false;  // same stem, already read
      }
    }
    candidates_[count_++] = r;
    return true;
  }

  const Word& w_;
  std::array<CliticReading, 16> candidates_{};
  std::size_t count_ = 0;
  std::array<std::uint8_t, 4> prefixes_{};  // proclitic byte counts open to a suffix
  std::size_t prefix_count_ = 0;
  bool definite_ = false;
};

bool IsProcliticOnly(const Word& w) {
  if (w.Letters() == 1) return IsConjunction(w.LetterAt(0)) || IsPreposition(w.LetterAt(0));
  return w.Letters() == 2 && IsConjunction(w.LetterAt(0)) && IsPreposition(w.LetterAt(2));
}

// The letters the clitic analysis tells apart, by a small id: the first
// four letters of a word matter only as one of ا ب ف ك ل و or another, its
// last three only as one of ا م ن ه ك ي or another. ReadingTable looks the
// roles and the pronoun suffix up by id instead of comparing each pair with
// every clitic letter.
enum LetterId : std::uint8_t {
  kOtherId,
  kAlefId,
  kBehId,
  kFehId,
  kKafId,
  kLamId,
  kMeemId,
  kNoonId,
  kHehId,
  kWawId,
  kYehId,
  kLetterIdCount
};

// A letter of each id; kOtherId stands for every pair not listed (ت here).
constexpr std::array<Letter, kLetterIdCount> kLetterOfId = {
    LetterOf(0x062A), kAlef, kBeh, kFeh, kKaf, kLam, kMeem, kNoon, kHeh, kWaw, kYeh};

// The id of every two bytes, indexed by the Letter they make: one load per
// letter, where comparing a pair with each clitic letter costs a dozen
// instructions. A word touches a few dozen of the table's lines.
constexpr std::array<std::uint8_t, 1 << 16> MakeLetterIds() {
  std::array<std::uint8_t, 1 << 16> ids{};
  for (std::uint32_t id = 1; id < kLetterIdCount; ++id) {
    ids[kLetterOfId[id]] = static_cast<std::uint8_t>(id);
  }
  return ids;
}
constexpr std::array<std::uint8_t, 1 << 16> kLetterIds = MakeLetterIds();

inline std::uint32_t IdOf(Letter l) { return kLetterIds[l]; }

// The bytes of the pronoun suffix of a word whose last pairs are `tail`
// (as Word::Tail), as ReadingCollector finds it: the first of kEnclitics
// the word ends with.
constexpr std::uint32_t EncliticBytesOfTail(std::uint64_t tail) {
  for (const Enclitic& e : kEnclitics) {
    if ((tail & e.mask) == e.packed) return e.count * kLetterBytes;
  }
  return 0;
}

// The roles ReadingTable gives the first four letters of a word (see
// kFirstRoles there): the first is a conjunction (و ف), ب or ك, ل, ا or
// other; the second ب or ك, ل, ا or other; the third ل, ا or other; the
// fourth ل or other.
constexpr std::uint32_t BehOrKaf(Letter c) { return (c == kBeh) | (c == kKaf); }
constexpr std::uint32_t FirstRole(Letter c) {
  return 4 - 4 * ((c == kWaw) | (c == kFeh)) - 3 * BehOrKaf(c) - 2 * (c == kLam) - (c == kAlef);
}
constexpr std::uint32_t SecondRole(Letter c) {
  return 3 - 3 * BehOrKaf(c) - 2 * (c == kLam) - (c == kAlef);
}
constexpr std::uint32_t ThirdRole(Letter c) { return 2 - 2 * (c == kLam) - (c == kAlef); }
constexpr std::uint32_t FourthRole(Letter c) { return 1 - (c == kLam); }

// The four roles of a letter by its id (bits 0-2, 3-4, 5-6 and 7), and the
// letters of the pronoun suffix by the ids of the last three pairs (the
// last one lowest in the index): each from the functions above, applied
// to the letter of each id when compiled.
struct IdTables {
  std::array<std::uint8_t, kLetterIdCount> roles{};
  std::array<std::uint8_t, std::size_t{kLetterIdCount} * kLetterIdCount * kLetterIdCount>
      suffix_letters{};
};
constexpr IdTables MakeIdTables() {
  IdTables t;
  for (std::uint32_t id = 0; id < kLetterIdCount; ++id) {
    const Letter l = kLetterOfId[id];
    t.roles[id] = static_cast<std::uint8_t>(FirstRole(l) | (SecondRole(l) << 3) |
                                            (ThirdRole(l) << 5) | (FourthRole(l) << 7));
  }
  for (std::uint32_t k = 0; k < t.suffix_letters.size(); ++k) {
    const std::uint64_t tail =
        kLetterOfId[k % kLetterIdCount] |
        (std::uint64_t{kLetterOfId[k / kLetterIdCount % kLetterIdCount]} << 16) |
        (std::uint64_t{kLetterOfId[k / (kLetterIdCount * kLetterIdCount)]} << 32);
    t.suffix_letters[k] = static_cast<std::uint8_t>(EncliticBytesOfTail(tail) / kLetterBytes);
  }
  return t;
}
constexpr IdTables kIdTables = MakeIdTables();

// The clitic analysis of a word depends only on what its first four letters
// are among the clitic letters, on the bytes of the pronoun suffix it ends
// with, and on its length in letters up to kLongWord: so ReadingCollector
// runs once per combination, when the table is built, and a word costs a
// few comparisons and one lookup, with none of the collector's branches.
class ReadingTable {
 public:
  static const ReadingTable& Get() {
    static const ReadingTable table;
    return table;
  }

  struct Entry;  // the readings of a combination (below)

  // Sets the readings and detached_proclitic of `t`, an Arabic word, and
  // returns its entry.
  const Entry& Analyze(std::string_view text, std::uint32_t letters, Token* t) const {
    const Word w(text, t->norm, letters);
    const std::uint64_t tail = w.Tail();
    const std::uint32_t suffix = (IdOf(static_cast<Letter>(tail >> 32)) * kLetterIdCount +
                                  IdOf(static_cast<Letter>(tail >> 16))) *
                                     kLetterIdCount +
                                 IdOf(static_cast<Letter>(tail));
    const std::uint32_t index =
        terms_.head[0][IdOf(w.LetterAt(0))] + terms_.head[1][IdOf(w.LetterAt(2))] +
        terms_.head[2][IdOf(w.LetterAt(4))] + terms_.head[3][IdOf(w.LetterAt(6))] +
        terms_.suffix[suffix] + std::min(letters, kLongWord);
    const Entry& e = distinct_[index_[index]];
    t->reading_count = e.reading_count;
    t->readings = e.readings;
    t->detached_proclitic = e.detached_proclitic;
    return e;
  }

 private:
  // Longer words read alike: every stem keeps at least two letters (a word
  // loses at most seven to its clitics), and readings order by the letters cut.
  static constexpr std::uint32_t kLongWord = 9;
  // The roles of each of the first four letters, as the collector asks them:
  // the first is a conjunction (و ف), ب or ك, ل, ا or other; the second ب or
  // ك, ل, ا or other; the third ل, ا or other; the fourth ل or other.
  static constexpr std::uint32_t kFirstRoles = 5, kSecondRoles = 4, kThirdRoles = 3,
                                 kFourthRoles = 2, kSuffixLengths = 4;
  static constexpr std::uint32_t kEntries =
      kFirstRoles * kSecondRoles * kThirdRoles * kFourthRoles * kSuffixLengths * (kLongWord + 1);

 public:
  // The readings of the words of one combination, and how they meet the
  // start filters.
  struct Entry {
    std::uint8_t reading_count = 0;
    bool detached_proclitic = false;
    std::array<CliticReading, kMaxReadings> readings{};
    // Per reading, what StartFilterBit adds for a definite one (xor-ed with
    // the hash's bits), and the bits of both filters (0x0101) when it may
    // start a phrase (no pronoun suffix), else 0: HashArabicStems tests the
    // start filters with no look at the reading.
    std::array<std::uint16_t, kMaxReadings> start_flip{};
    std::array<std::uint16_t, kMaxReadings> start_keep{};
    bool operator==(const Entry& o) const {
      if (reading_count != o.reading_count || detached_proclitic != o.detached_proclitic) {
        return false;
      }
      for (std::size_t r = 0; r < kMaxReadings; ++r) {
        const CliticReading &a = readings[r], &b = o.readings[r];
        if (a.proclitic_bytes != b.proclitic_bytes || a.article_bytes != b.article_bytes ||
            a.enclitic_bytes != b.enclitic_bytes) {
          return false;
        }
      }
      return true;
    }
  };

 private:
  static constexpr std::uint32_t Index(std::uint32_t first, std::uint32_t second,
                                       std::uint32_t third, std::uint32_t fourth,
                                       std::uint32_t enclitic, std::uint32_t letters) {
    std::uint32_t index = first;
    index = index * kSecondRoles + second;
    index = index * kThirdRoles + third;
    index = index * kFourthRoles + fourth;
    index = index * kSuffixLengths + enclitic;
    return index * (kLongWord + 1) + std::min(letters, kLongWord);
  }

  // Index is a sum of one term per argument: the term of each head letter
  // by its id, and of the pronoun suffix by the ids of the last three
  // pairs (as IdTables::suffix_letters), so a word's index costs one load
  // and one add per part instead of a role lookup, a shift and a multiply.
  struct IndexTerms {
    std::array<std::array<std::uint16_t, kLetterIdCount>, 4> head{};
    std::array<std::uint16_t, std::size_t{kLetterIdCount} * kLetterIdCount * kLetterIdCount>
        suffix{};
  };
  static IndexTerms MakeIndexTerms() {
    IndexTerms t;
    for (std::uint32_t id = 0; id < kLetterIdCount; ++id) {
      const std::uint32_t roles = kIdTables.roles[id];
      t.head[0][id] = static_cast<std::uint16_t>(Index(roles & 7, 0, 0, 0, 0, 0));
      t.head[1][id] = static_cast<std::uint16_t>(Index(0, (roles >> 3) & 3, 0, 0, 0, 0));
      t.head[2][id] = static_cast<std::uint16_t>(Index(0, 0, (roles >> 5) & 3, 0, 0, 0));
      t.head[3][id] = static_cast<std::uint16_t>(Index(0, 0, 0, roles >> 7, 0, 0));
    }
    for (std::uint32_t k = 0; k < t.suffix.size(); ++k) {
      t.suffix[k] = static_cast<std::uint16_t>(Index(0, 0, 0, 0, kIdTables.suffix_letters[k], 0));
    }
    return t;
  }

  ReadingTable() : index_(kEntries) {
    // A letter of each role, and a suffix of each length.
    constexpr Letter kOther = LetterOf(0x062A);
    constexpr std::array<Letter, kFirstRoles> kFirst = {kWaw, kBeh, kLam, kAlef, kOther};
    constexpr std::array<Letter, kSecondRoles> kSecond = {kBeh, kLam, kAlef, kOther};
    constexpr std::array<Letter, kThirdRoles> kThird = {kLam, kAlef, kOther};
    constexpr std::array<Letter, kFourthRoles> kFourth = {kLam, kOther};
    const std::array<std::uint64_t, kSuffixLengths> tails = {
        0, MakeEnclitic({kYeh, 0, 0}, 1).packed, MakeEnclitic({kHeh, kMeem, 0}, 2).packed,
        kEnclitics.front().packed};
    for (std::uint32_t a = 0; a < kFirstRoles; ++a) {
      for (std::uint32_t b = 0; b < kSecondRoles; ++b) {
        for (std::uint32_t c = 0; c < kThirdRoles; ++c) {
          for (std::uint32_t d = 0; d < kFourthRoles; ++d) {
            for (std::uint32_t e = 0; e < kSuffixLengths; ++e) {
              for (std::uint32_t n = 0; n <= kLongWord; ++n) {
                const Word w({kFirst[a], kSecond[b], kThird[c], kFourth[d]}, tails[e], n);
                index_[Index(a, b, c, d, e, n)] = Distinct(Collect(w));
              }
            }
          }
        }
      }
    }
  }

  // The index of `e` in distinct_, added when new.
  std::uint16_t Distinct(const Entry& e) {
    for (std::size_t k = 0; k < distinct_.size(); ++k) {
      if (distinct_[k] == e) return static_cast<std::uint16_t>(k);
    }
    distinct_.push_back(e);
    return static_cast<std::uint16_t>(distinct_.size() - 1);
  }

  static Entry Collect(const Word& w) {
    ReadingCollector collector(w);
    collector.CollectAll();
    Token t;
    collector.WriteTo(&t);
    Entry e;
    e.reading_count = t.reading_count;
    e.readings = t.readings;
    e.detached_proclitic = IsProcliticOnly(w);
    for (std::size_t r = 0; r < e.reading_count; ++r) {
      e.start_flip[r] = static_cast<std::uint16_t>(StartFilterBit(0, e.readings[r].definite()));
      e.start_keep[r] = e.readings[r].enclitic_bytes == 0 ? 0x0101 : 0;
    }
    return e;
  }

  // Few combinations differ in their readings: each combination names its
  // entry in distinct_, so that the hot part of the table stays in the cache.
  std::vector<std::uint16_t> index_;
  std::vector<Entry> distinct_;
  IndexTerms terms_ = MakeIndexTerms();
};

// Stems shorter than this with this many bytes of text from their start
// (nearly every stem) are hashed from two loads, with no copy.
constexpr std::size_t kShortStem = kShortStemBytes;

// HashStem for a stem of fewer than kShortStem bytes with kShortStem bytes
// of text from p: the caller has checked both.
[[gnu::always_inline]] inline std::uint32_t HashShortStem(const char* p, std::size_t size) {
  std::uint64_t first = 0, second = 0;
  std::memcpy(&first, p, 8);
  std::memcpy(&second, p + 8, 8);
  return HashShortStemWords(first, second, size);
}

[[gnu::always_inline]] inline std::uint32_t HashStemAt(std::string_view text, std::size_t begin,
                                                       std::size_t size) {
  if (size >= kShortStem || begin + kShortStem > text.size()) {
    return HashStem(text.substr(begin, size));
  }
  return HashShortStem(text.data() + begin, size);
}

// Token::start_hits of reading r, whose stem hashes to `hash`, given its
// entry's start_flip and start_keep: bit r of the first filter, bit 8 + r of
// the second. No branch: nearly every reading fails both filters.
[[gnu::always_inline]] inline std::uint32_t StartHitsOf(const std::uint16_t* filters,
                                                        std::uint32_t hash, std::uint32_t flip,
                                                        std::uint32_t keep, std::uint32_t r) {
  return (filters[StartFilterBit(hash, false) ^ flip] & keep) << r;
}

// The stem hash of every reading of `t`, an Arabic word of table entry `e`,
// and its start hits in `filters`.
void HashArabicStems(std::string_view text, const ReadingTable::Entry& e,
                     const std::uint16_t* filters, Token* t) {
  const std::uint32_t begin = t->norm.begin.value, end = t->norm.end.value;
  const std::uint8_t count = e.reading_count;
  std::uint32_t hits = 0;
  if (end - begin < kShortStem && end + kShortStem <= text.size()) {
    // Every stem is short and has its 16 bytes: checked once for the word.
    for (std::uint8_t r = 0; r < count; ++r) {
      const CliticReading& reading = e.readings[r];
      const std::uint32_t stem = begin + reading.proclitic_bytes + reading.article_bytes;
      const std::uint32_t hash =
          HashShortStem(text.data() + stem, end - reading.enclitic_bytes - stem);
      t->stem_hash[r] = hash;
      hits |= StartHitsOf(filters, hash, e.start_flip[r], e.start_keep[r], r);
    }
  } else {
    for (std::uint8_t r = 0; r < count; ++r) {
      const CliticReading& reading = e.readings[r];
      const std::uint32_t stem = begin + reading.proclitic_bytes + reading.article_bytes;
      const std::uint32_t hash = HashStemAt(text, stem, end - reading.enclitic_bytes - stem);
      t->stem_hash[r] = hash;
      hits |= StartHitsOf(filters, hash, e.start_flip[r], e.start_keep[r], r);
    }
  }
  t->start_hits = static_cast<std::uint16_t>(hits);
}

// ---- Token boundaries ------------------------------------------------------

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// End of a number starting at i: digits, with '.' or ',' only between digits.
std::size_t NumberEnd(std::string_view text, std::size_t i, std::size_t limit) {
  while (i < limit) {
    if (IsAsciiDigit(text[i])) {
      ++i;
    } else if ((text[i] == '.' || text[i] == ',') && i + 1 < limit && IsAsciiDigit(text[i + 1])) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

#if defined(__SSE2__)
// The end of the run of U+0620..U+065F (D8 A0..BF, D9 80..9F: the letters
// and marks of nearly every word) at p[i, limit), 16 bytes at a time with
// SSE2: a word then costs one block, not a table load per letter. What
// follows the run is left to the caller. Signed compares: bytes from 0x80
// are negative.
std::size_t CommonLettersEnd(const unsigned char* p, std::size_t i, std::size_t limit) {
  const auto in_range = [](__m128i bytes, int first, int last) {
    return _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(static_cast<char>(first - 1))),
                         _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(last + 1)), bytes));
  };
  // 0x80 up to `end` (exclusive, at most 0xC0): 0x80 is the least signed byte.
  const auto below = [](__m128i bytes, int end) {
    return _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(end)), bytes);
  };
  while (i + 16 <= limit) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i after_d8 =
        _mm_slli_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(0xD8))), 1);
    const __m128i after_d9 =
        _mm_slli_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(0xD9))), 1);
    // A trail byte after its lead; a lead byte counts when its trail does.
    const __m128i trail = _mm_or_si128(_mm_and_si128(after_d8, in_range(bytes, 0xA0, 0xBF)),
                                       _mm_and_si128(after_d9, below(bytes, 0xA0)));
    const __m128i letters = _mm_or_si128(trail, _mm_srli_si128(trail, 1));
    const auto bits = static_cast<std::uint32_t>(_mm_movemask_epi8(letters));
    const auto run = static_cast<std::size_t>(__builtin_ctz(~bits));  // even, 16 when all are
    i += run;
    if (run < 14) break;  // 14: the block may have cut a letter in two
  }
  return i;
}
#else
std::size_t CommonLettersEnd(const unsigned char*, std::size_t i, std::size_t) { return i; }
#endif

// The end of the run of two-byte Arabic letters and marks at p[i, limit).
// Eight pairs are classified at once and the run ends at the first that is
// not a letter: a word shorter than eight letters then costs no branch on
// its length, which no predictor could guess.
std::size_t ArabicRunEnd(const unsigned char* p, std::size_t i, std::size_t limit) {
  i = CommonLettersEnd(p, i, limit);
  if (i >= limit || p[i] < 0x80) return i;  // the space or punctuation after the word
  const auto& word_pairs = kClassTables.arabic_word_pairs;
  const auto letters_in = [&](std::uint64_t four) {
    return word_pairs[four & 0xFFFF] | (word_pairs[(four >> 16) & 0xFFFF] << 1) |
           (word_pairs[(four >> 32) & 0xFFFF] << 2) | (word_pairs[four >> 48] << 3);
  };
  for (; i + 16 <= limit; i += 16) {
    std::uint64_t first = 0, second = 0;  // the pairs, the first lowest (little-endian)
    std::memcpy(&first, p + i, 8);
    std::memcpy(&second, p + i + 8, 8);
    const std::uint32_t letters = letters_in(first) | (letters_in(second) << 4);
    if (letters != 0xFF) return i + 2 * static_cast<std::size_t>(__builtin_ctz(~letters));
  }
  while (i + 2 <= limit && word_pairs[PairAt(p + i)]) i += 2;
  return i;
}

// End of a word of class `cls` starting at i (its combining marks included);
// *chars counts its code points. Runs of Arabic letters and marks take the
// pair table, without the general classification.
std::size_t WordEnd(std::string_view text, std::size_t i, std::size_t limit, CharClass cls,
                    std::uint32_t* chars) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::uint32_t count = 0;
  while (i < limit) {
    if (cls == CharClass::kArabic) {
      const std::size_t run = i;
      i = ArabicRunEnd(p, i, limit);
      count += static_cast<std::uint32_t>((i - run) / 2);
      // An ASCII byte (nearly always the space after the word) is neither
      // an Arabic letter nor a mark: the word ends without ClassAt.
      if (i >= limit || p[i] < 0x80) break;
    }
    const CharInfo ch = ClassAt(text, i);
    if ((ch.cls != cls && ch.cls != CharClass::kMark) || i + ch.len > limit) break;
    i += ch.len;
    ++count;
  }
  *chars = count;
  return i;
}

constexpr TokenKind KindOfClass(CharClass cls) {
  switch (cls) {
    case CharClass::kArabic:
      return TokenKind::kArabicWord;
    case CharClass::kLatin:
      return TokenKind::kLatinWord;
    case CharClass::kDigit:
      return TokenKind::kNumber;
    case CharClass::kPunct:
      return TokenKind::kPunct;
    default:
      return TokenKind::kSymbol;
  }
}

// KindOfClass as a table: one load per token instead of a chain of tests.
constexpr std::array<TokenKind, 7> kKindOfClass = {
    KindOfClass(CharClass::kSpace), KindOfClass(CharClass::kArabic),
    KindOfClass(CharClass::kLatin), KindOfClass(CharClass::kDigit),
    KindOfClass(CharClass::kPunct), KindOfClass(CharClass::kSymbol),
    KindOfClass(CharClass::kMark)};
static_assert(static_cast<int>(CharClass::kMark) == 6, "kKindOfClass lists every class in order");

TokenKind KindOf(CharClass cls) { return kKindOfClass[static_cast<std::size_t>(cls)]; }

}  // namespace

std::uint32_t DetachedProcliticOf(const std::vector<Token>& tokens, std::uint32_t i) {
  if (i == 0 || i >= tokens.size()) return kNoToken;
  std::uint32_t prev = i - 1;
  const Token& before = tokens[prev];
  const bool opener = before.kind == TokenKind::kPunct && before.norm.size() == 1;
  if (opener && !tokens[i].space_before && prev > 0) --prev;
  return tokens[prev].detached_proclitic ? prev : kNoToken;
}

void Tokenize(const NormalizedText& norm, std::vector<Token>* out,
              const std::uint16_t* start_filters) {
  out->clear();
  // No filters pass nothing: a table of zeros costs one load per reading,
  // a test of the pointer per reading would cost more.
  static constexpr std::array<std::uint16_t, kStartFilterBits> kNoFilters{};
  const std::uint16_t* filters = start_filters != nullptr ? start_filters : kNoFilters.data();
  const ReadingTable& readings = ReadingTable::Get();
  // Locals: the token's byte fields may alias anything, and stores to them
  // would make the compiler reload what it reads through `norm`.
  const std::string_view text = norm.text;
  const std::uint32_t* to_original = norm.to_original.data();
  const std::size_t n = text.size();
  bool space_before = true;
  std::size_t i = 0;
  while (i < n) {
    if (text[i] == ' ') {  // every other token is followed by one: no ClassAt
      space_before = true;
      ++i;
      continue;
    }
    // Most tokens are Arabic words: their first letter is told by the pair
    // table, the rest by ClassAt.
    const bool arabic_letter =
        i + 1 < n &&
        kClassTables
            .arabic_letter_pairs[PairAt(reinterpret_cast<const unsigned char*>(text.data()) + i)];
    const CharInfo ch = arabic_letter ? CharInfo{CharClass::kArabic, 2} : ClassAt(text, i);
    if (ch.cls == CharClass::kSpace) {
      space_before = true;
      i += ch.len;
      continue;
    }
    const std::size_t limit = std::min(n, i + limits::kMaxTokenBytes);
    std::size_t end = i + ch.len;
    std::uint32_t chars = 1;
    if (ch.cls == CharClass::kArabic || ch.cls == CharClass::kLatin) {
      end = WordEnd(text, i, limit, ch.cls, &chars);
    } else if (ch.cls == CharClass::kDigit) {
      end = NumberEnd(text, i, limit);
    }
    Token& t = out->emplace_back();
    t.norm = {NormOffset(static_cast<std::uint32_t>(i)),
              NormOffset(static_cast<std::uint32_t>(end))};
    t.original = {ByteOffset(to_original[i]), ByteOffset(to_original[end])};
    t.kind = KindOf(ch.cls);
    t.space_before = space_before;
    if (ch.cls == CharClass::kArabic) {
      HashArabicStems(text, readings.Analyze(text, chars, &t), filters, &t);
    } else {
      t.stem_hash[0] = HashStemAt(text, i, end - i);
    }
    space_before = false;
    i = end;
  }
}

}  // namespace rasd::text
