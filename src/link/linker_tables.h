// Internal header. The knowledge base compiled for matching: every actor,
// source and place name folded with text::NormalizeForMatch and split into
// words like the text itself, indexed by the stem of its first word, plus the
// small lexicons of data/link/. Built once by Linker::Create, then read-only.
#ifndef RASD_LINK_LINKER_TABLES_H_
#define RASD_LINK_LINKER_TABLES_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rasd/status.h"

#include "kb/knowledge_base.h"
#include "text/tokenizer.h"

namespace rasd::link {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename V>
using WordMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// The set of letters in a word, each letter as bit (last byte of its UTF-8
// encoding) % 64, which keeps the Arabic letters apart. An edit changes at
// most two bits of the difference of two such sets, so words whose masks
// differ in 2d + 1 bits are more than d edits apart: most pairs a fuzzy match
// compares are dismissed without an edit distance.
inline std::uint64_t LetterMask(std::string_view word) {
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const bool last_byte =
        i + 1 == word.size() || (static_cast<unsigned char>(word[i + 1]) & 0xC0) != 0x80;
    if (last_byte) mask |= std::uint64_t{1} << (static_cast<unsigned char>(word[i]) & 63);
  }
  return mask;
}

enum class TargetKind : std::uint8_t { kActor, kSource, kPlace };

// One record a name stands for, and when.
struct Target {
  TargetKind kind = TargetKind::kActor;
  std::uint32_t record = 0;  // index into kb.actors / sources / places
  kb::DayRange range;
  bool weak = false;
  bool leader = false;  // a leader's name standing for the group: never fuzzy-matched
};

// A distinct folded name. `words` are the normalised tokens of the name; the
// first is stored without its article, which `definite` records.
struct NameEntry {
  std::vector<std::string> words;
  bool definite = false;
  std::uint32_t letters = 0;  // letters in the name, for the fuzzy-match thresholds
  std::vector<Target> targets;
  // What the name alone decides, worked out once by CompileTables:
  bool countryside = false;      // its first word is ريف: a governorate's countryside
  bool common = false;           // one word of common_words.txt: a place only in context
  std::int32_t best_place = -1;  // index of the place target a mention takes, or -1
};

// Where the words after the first of a name are in LinkerTables::name_words,
// as ids of LinkerTables::word_ids.
inline constexpr std::uint32_t kOneWordName = 0;  // word ids start at 1
struct NameWords {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  std::uint32_t second = kOneWordName;  // name_words[first], the second word's id
};

// One word of a fuzzy candidate, without its article: its stem index entry
// (a token reads as the word when one of its stems is that entry), letter
// count and LetterMask (lower bounds of edit distances), and where its text
// is in LinkerTables::fuzzy_text.
struct FuzzyWord {
  std::uint64_t mask = 0;
  std::uint32_t stem = 0;
  std::uint32_t letters = 0;
  std::uint32_t text_begin = 0;
  std::uint32_t text_size = 0;
};

// A pattern that opens an unknown group's name (لواء X).
struct GroupPattern {
  std::vector<std::string> words;  // first word without its article
  bool definite = false;
  bool strict =
      false;  // the name after it must be definite (حركة النزوح is not a group: stop words)
};

// A head word of a state force (الشرطة، قوات الأمن): with a nationality
// adjective after it, a foreign force (data/link/force_heads.txt).
struct ForceHead {
  std::vector<std::string> words;  // first word without its article
  bool definite = false;
  std::uint8_t lead_words = 0;  // words before the name (عناصر in عناصر الشرطة)
};

// kArea: a cue like a settlement cue whose indefinite words are mostly
// adjectives and verbal nouns (منطقة آمنة، منطقة حظر طيران): it opens only a
// definite name or one headed by a toponym head (منطقة الصواغية، منطقة بئر قصب).
enum class CueRole : std::uint8_t { kSettlement, kLandmark, kContext, kArea };

// What the lexicons say about one folded stem, as bits: the linker looks a
// token's readings up once and then tests bits, instead of asking every
// lexicon again for every rule.
enum StemFlag : std::uint32_t {
  kStemNear = 1u << 0,
  kStemDirection = 1u << 1,
  kStemStop = 1u << 2,
  kStemCommon = 1u << 3,
  kStemReporting = 1u << 4,
  kStemForeignAdjective = 1u << 5,
  kStemForeign = 1u << 6,  // a one-word foreign place
  kStemCueSettlement = 1u << 7,
  kStemCueLandmark = 1u << 8,
  kStemCueContext = 1u << 9,
  kStemForceHead = 1u << 10,  // first word of a force_heads.txt head
  kStemCueList = 1u << 11,  // a plural or dual settlement cue (بلدات، قريتي): A وB وC
  kStemToponymHead = 1u << 12,  // أم، عين، بيت: opens a two-word place name (أم ولد)
  kStemOrdinal = 1u << 13,      // الأولى، الثانية: names a unit after الفرقة
  // What the stem's StemInfo lists hold, so that a scan reads a StemInfo
  // (a cache miss: the stems do not fit the cache) only when it has something.
  kStemNames = 1u << 14,         // definite_names or indefinite_names
  kStemGroupPattern = 1u << 15,  // group_patterns
  kStemForeignMulti = 1u << 16,  // foreign_multi
  kStemFuzzyAt0 = 1u << 17,      // fuzzy[k] is not empty: bit kStemFuzzyAt0 << k
  // (bits 17 .. 17 + kMaxFuzzyWords - 1 are the fuzzy positions)
  kStemState = 1u << 21,      // states.txt: a state the registry may not hold (بريطانيا)
  kStemStateVerb = 1u << 22,  // state_verbs.txt: قالت، شنت ... (the state acts)
  kStemCueArea = 1u << 23,    // an area cue (منطقة): CueRole::kArea
  kStemCueStreet = 1u << 24,  // a street cue (شارع، شارعي): named after a place, not at it
  kStemCountryside = 1u << 25,  // ريف: the countryside of the place after it
  kStemAnaphor = 1u << 26,      // anaphors.txt: الأخير، الأخيرة ("the latter")
};
inline constexpr std::uint32_t kStemCueAny =
    kStemCueSettlement | kStemCueLandmark | kStemCueContext | kStemCueArea;

// Letter edits a fuzzy match of a name with `letters` letters may make.
inline constexpr int kMaxFuzzyBudget = 2;
inline int FuzzyBudget(std::uint32_t letters) { return letters >= 12 ? kMaxFuzzyBudget : 1; }

// Fuzzy matching anchors a name on budget + 1 of its first kMaxFuzzyWords
// words: a match differs in at most its budget of words, so one is exact.
inline constexpr std::size_t kMaxFuzzyWords = 4;
static_assert(kMaxFuzzyWords >= kMaxFuzzyBudget + 1);
static_assert((kStemFuzzyAt0 << kMaxFuzzyWords) <= kStemState, "fuzzy bits below the state bits");

// A fuzzy candidate as the matcher scans it: the few facts that skip or
// screen most candidates without touching the name's NameEntry or its
// words. Its probe word, the first that is not its anchor, is copied in:
// the screen reads only the candidate.
struct FuzzyCandidate {
  std::uint64_t probe_mask = 0;  // LetterMask of the probe word
  std::uint32_t name = 0;
  std::uint32_t first_word = 0;  // its words: LinkerTables::fuzzy_words[first_word...]
  std::uint32_t probe_stem = 0;  // FuzzyWord::stem of the probe word
  std::uint32_t probe_letters = 0;
  std::uint8_t words = 0;
  std::uint8_t budget = 0;  // FuzzyBudget of the name
};

// Everything indexed under one stem (the first word of a name or pattern,
// without its article; any word of a long actor name for fuzzy matching,
// which may have no other role than being such a word).
struct StemInfo {
  std::uint32_t flags = 0;
  std::vector<std::uint32_t> definite_names;  // names whose first word is this stem, with ال
  std::vector<std::uint32_t> indefinite_names;
  // The same names as (second word id, name), kOneWordName for a one-word name, sorted
  // by id and then list order: LookUpExact reads only the one-word name and
  // the names whose second word is the next token.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> definite_by_second;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> indefinite_by_second;
  // Fuzzy candidates: fuzzy[k] lists the names whose word k has this stem.
  std::array<std::vector<FuzzyCandidate>, kMaxFuzzyWords> fuzzy;
  std::vector<std::uint32_t> group_patterns;  // ascending, file order
  std::vector<std::uint32_t> foreign_multi;   // multi-word foreign names
  std::vector<std::uint32_t> force_heads;     // indexes into LinkerTables::force_heads
  const std::string* country = nullptr;       // kStemForeign
};
inline constexpr std::uint32_t kNoStem = 0xFFFFFFFFu;
inline constexpr std::uint32_t kNoWord = 0xFFFFFFFFu;  // a token that is no interned name word

struct LinkerTables {
  kb::KnowledgeBase kb;
  std::vector<NameEntry> names;
  // The words after the first of every name, interned (word_ids, keyed by
  // the whole normalised word), so that the exact matcher compares a token
  // with a name word as one integer: name_words_of[name] says where a name's
  // ids are in name_words.
  text::StemMap<std::uint32_t> word_ids;
  std::vector<std::uint32_t> name_words;
  std::vector<NameWords> name_words_of;
  WordMap<std::vector<std::uint32_t>> definite_first;  // stem of the first word -> names
  WordMap<std::vector<std::uint32_t>> indefinite_first;
  // Fuzzy candidates: the stem of any word of a long actor name -> (name, word position).
  WordMap<std::vector<std::pair<std::uint32_t, std::uint8_t>>> fuzzy_index;
  // The words of every fuzzy candidate, one name after another, so that
  // verifying a candidate reads one contiguous run, and their text.
  std::vector<FuzzyWord> fuzzy_words;
  std::string fuzzy_text;
  std::string_view TextOf(const FuzzyWord& w) const {
    return std::string_view(fuzzy_text).substr(w.text_begin, w.text_size);
  }

  // Lexicons, keyed by folded stem (article and clitics cut).
  WordMap<CueRole> place_cues;
  WordSet list_cues;    // place_cues.tsv rows marked "list": the names after them are a list
  WordSet street_cues;  // place_cues.tsv rows marked "street" (شارع): see kStemCueStreet
  WordSet near_words;
  WordSet directions;
  WordSet stop_words;
  WordSet common_words;
  WordSet reporting_cues;
  WordSet toponym_heads;       // data/link/toponym_heads.txt
  WordSet ordinals;            // data/link/ordinals.txt
  WordSet states;              // data/link/states.txt
  WordSet anaphors;            // data/link/anaphors.txt
  WordSet state_verbs;         // data/link/state_verbs.txt
  WordSet foreign_adjectives;  // التركية، العراقية: the place before them is abroad
  std::vector<GroupPattern> group_patterns;
  std::vector<ForceHead> force_heads;
  WordMap<std::string> foreign_single;  // one-word foreign place -> country
  std::vector<std::pair<std::vector<std::string>, std::string>> foreign_multi;
  WordMap<std::string> foreign_country_of_name;  // for the Syria-or-abroad names

  // Per actor: the ids whose naming licenses its weak aliases.
  std::vector<std::vector<std::uint32_t>> weak_licensors;
  WordMap<std::uint32_t> actor_by_id;  // actor id -> index into kb.actors

  // The one index the matcher reads: stem -> stems[index], probed with the
  // stem hashes of the token readings (text::Token::stem_hash).
  text::StemMap<std::uint32_t> stem_index;
  std::vector<StemInfo> stems;
  std::vector<std::uint32_t> stem_flags;  // stems[k].flags, packed for the per-token scans
  std::uint32_t StemOf(std::string_view stem, std::uint32_t hash) const {
    const std::uint32_t* id = stem_index.Find(stem, hash);
    return id == nullptr ? kNoStem : *id;
  }
  std::uint32_t StemOf(std::string_view stem) const { return StemOf(stem, text::HashStem(stem)); }
};

// Builds the tables from a loaded knowledge base and the lexicons in data_dir/link.
Status CompileTables(const std::string& data_dir, kb::KnowledgeBase kb, LinkerTables* out);

// The stem of a folded word without its article, and whether it had one.
struct WordKey {
  std::string_view stem;
  bool definite = false;
};
WordKey SplitArticle(std::string_view folded_word);

// Normalises a phrase and splits it into the normalised tokens of the text core.
std::vector<std::string> PhraseWords(std::string_view phrase);

}  // namespace rasd::link

#endif  // RASD_LINK_LINKER_TABLES_H_
