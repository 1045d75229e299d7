// Compiles the knowledge base into LinkerTables: folds every name with the
// text core's own normaliser and tokenizer (so data and text cannot drift
// apart), merges names that fold alike, and reads the data/link lexicons.
#include <algorithm>
#include <array>
#include <filesystem>

#include "common/file.h"
#include "common/limits.h"
#include "common/utf8.h"
#include "link/linker_tables.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace rasd::link {
namespace {

// Names of long actors may match with an edit or two (docs/knowledge-base.md).
constexpr std::uint32_t kMinFuzzyLetters = 8;

constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // U+0627 U+0644
constexpr std::size_t kMinStemBytes = 4;                   // two Arabic letters

std::uint32_t CountLetters(const std::vector<std::string>& words) {
  std::uint32_t n = 0;
  for (const std::string& w : words) {
    n += static_cast<std::uint32_t>(utf8::CountCodePoints(SplitArticle(w).stem));
  }
  return n;
}

// Rank of a place kind when one name is several places: the populated place
// first (حلب the city), admin units when the text says so (ريف حلب, محافظة حلب
// are aliases of the governorate only).
int KindRank(std::string_view kind) {
  constexpr std::array<std::string_view, 9> kOrder = {"city",          "town",     "village",
                                                      "neighbourhood", "landmark", "region",
                                                      "subdistrict",   "district", "governorate"};
  for (std::size_t i = 0; i < kOrder.size(); ++i) {
    if (kOrder[i] == kind) return static_cast<int>(i);
  }
  return static_cast<int>(kOrder.size());
}

std::vector<std::vector<std::string>> ReadLexiconRows(std::string_view bytes) {
  std::vector<std::vector<std::string>> rows;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> cols;
    std::size_t from = 0;
    while (true) {
      const std::size_t tab = line.find('\t', from);
      cols.emplace_back(line.substr(from, tab == std::string_view::npos ? line.npos : tab - from));
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    rows.push_back(std::move(cols));
  }
  return rows;
}

class TableBuilder {
 public:
  TableBuilder(const std::string& data_dir, LinkerTables* t) : data_dir_(data_dir), t_(t) {}

  Status Build() {
    AddActors();
    AddSources();
    AddPlaces();
    IndexNames();
    ComputeWeakLicensors();
    RASD_RETURN_IF_ERROR(ReadLexicons());
    BuildStemIndex();
    DescribeNames();
    return Status::Ok();
  }

 private:
  void AddName(std::string_view name, const Target& target) {
    std::vector<std::string> words = PhraseWords(name);
    if (words.empty()) return;
    const WordKey key = SplitArticle(words[0]);
    const bool definite = key.definite;
    words[0] = std::string(key.stem);
    std::string signature = definite ? "D" : "I";
    for (const std::string& w : words) signature += '\x1F' + w;
    auto [it, inserted] = by_signature_.emplace(signature, t_->names.size());
    if (inserted) {
      NameEntry entry;
      entry.words = std::move(words);
      entry.definite = definite;
      t_->names.push_back(std::move(entry));
      t_->names.back().letters = CountLetters(t_->names.back().words);
    }
    std::vector<Target>& targets = t_->names[it->second].targets;
    for (const Target& existing : targets) {
      if (existing.kind == target.kind && existing.record == target.record &&
          existing.weak == target.weak && existing.leader == target.leader &&
          existing.range.from == target.range.from && existing.range.to == target.range.to) {
        return;
      }
    }
    targets.push_back(target);
  }

  void AddActors() {
    for (std::uint32_t i = 0; i < t_->kb.actors.size(); ++i) {
      const kb::Actor& a = t_->kb.actors[i];
      for (const kb::Alias& alias : a.aliases) {
        AddName(alias.name, {TargetKind::kActor, i, alias.range, alias.weak});
      }
      for (const std::string& leader : a.leaders) {
        AddName(leader, {TargetKind::kActor, i, a.active, false, true});
      }
    }
  }

  void AddSources() {
    for (std::uint32_t i = 0; i < t_->kb.sources.size(); ++i) {
      for (const std::string& alias : t_->kb.sources[i].aliases) {
        AddName(alias, {TargetKind::kSource, i, {}, false});
      }
    }
  }

  void AddPlaces() {
    for (std::uint32_t i = 0; i < t_->kb.places.size(); ++i) {
      const kb::Place& p = t_->kb.places[i];
      AddName(p.name_ar, {TargetKind::kPlace, i, {}, false});
      for (const std::string& alias : p.aliases) AddName(alias, {TargetKind::kPlace, i, {}, false});
    }
  }

  void IndexNames() {
    for (std::uint32_t n = 0; n < t_->names.size(); ++n) {
      const NameEntry& e = t_->names[n];
      InternLaterWords(e);
      (e.definite ? t_->definite_first : t_->indefinite_first)[e.words[0]].push_back(n);
      // Fuzzy matching is for group names: a leader's name one letter off
      // is another person (محمد قاسم), a weak name needs its exact form.
      const bool group_name = std::any_of(e.targets.begin(), e.targets.end(), [](const Target& t) {
        return t.kind == TargetKind::kActor && !t.weak && !t.leader;
      });
      if (!group_name || e.words.size() < 2 || e.letters < kMinFuzzyLetters) continue;
      for (const std::size_t k : AnchorPositions(e)) {
        const std::string stem(SplitArticle(e.words[k]).stem);
        if (k == 0) {
          t_->fuzzy_index[e.words[0]].emplace_back(n, 0);
        } else {
          t_->fuzzy_index[stem].emplace_back(n, static_cast<std::uint8_t>(k));
        }
      }
    }
  }

  void InternLaterWords(const NameEntry& e) {
    NameWords where{static_cast<std::uint32_t>(t_->name_words.size()),
                    static_cast<std::uint32_t>(e.words.size() - 1)};
    for (std::size_t k = 1; k < e.words.size(); ++k) {
      std::uint32_t& id = t_->word_ids[e.words[k]];
      if (id == 0) id = static_cast<std::uint32_t>(t_->word_ids.size());  // ids from 1
      t_->name_words.push_back(id);
      if (k == 1) where.second = id;
    }
    t_->name_words_of.push_back(where);
  }

  std::vector<std::pair<std::uint32_t, std::uint32_t>> BySecondWord(
      const std::vector<std::uint32_t>& names) const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed;
    keyed.reserve(names.size());
    for (const std::uint32_t n : names) keyed.emplace_back(t_->name_words_of[n].second, n);
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    return keyed;
  }

  // Where a fuzzy match of `e` is anchored. A match differs in at most
  // FuzzyBudget words, so any budget + 1 of its words hold an exact one:
  // of the first kMaxFuzzyWords, the longest (rarest in text) are taken, not
  // في or من (تنظيم القاعدة في بلاد الشام is anchored on القاعدة، بلاد، تنظيم).
  static std::vector<std::size_t> AnchorPositions(const NameEntry& e) {
    std::vector<std::size_t> positions;
    for (std::size_t k = 0; k < e.words.size() && k < kMaxFuzzyWords; ++k) positions.push_back(k);
    const auto letters = [&](std::size_t k) {
      return utf8::CountCodePoints(SplitArticle(e.words[k]).stem);
    };
    std::stable_sort(positions.begin(), positions.end(),
                     [&](std::size_t a, std::size_t b) { return letters(a) > letters(b); });
    const auto anchors = static_cast<std::size_t>(FuzzyBudget(e.letters)) + 1;
    if (positions.size() > anchors) positions.resize(anchors);
    std::sort(positions.begin(), positions.end());
    return positions;
  }

  // Appends the words of a name in the fuzzy index to fuzzy_words; returns
  // the index of its first word.
  std::uint32_t DescribeWords(const NameEntry& e) {
    const auto first = static_cast<std::uint32_t>(t_->fuzzy_words.size());
    for (const std::string& w : e.words) {
      const std::string_view bare = SplitArticle(w).stem;
      Stem(bare);
      FuzzyWord fw;
      fw.mask = LetterMask(bare);
      fw.stem = *t_->stem_index.Find(bare);
      fw.letters = static_cast<std::uint32_t>(utf8::CountCodePoints(bare));
      fw.text_begin = static_cast<std::uint32_t>(t_->fuzzy_text.size());
      fw.text_size = static_cast<std::uint32_t>(bare.size());
      t_->fuzzy_text.append(bare);
      t_->fuzzy_words.push_back(fw);
    }
    return first;
  }

  // A weak alias of X resolves when the article names X, its lineage, its
  // parent or one of its units (actors.yaml header).
  void ComputeWeakLicensors() {
    const auto& actors = t_->kb.actors;
    t_->weak_licensors.assign(actors.size(), {});
    for (std::uint32_t i = 0; i < actors.size(); ++i) {
      for (std::uint32_t j = 0; j < actors.size(); ++j) {
        const bool same_lineage =
            !actors[i].lineage.empty() && actors[i].lineage == actors[j].lineage;
        if (i == j || same_lineage || actors[j].id == actors[i].parent ||
            actors[j].parent == actors[i].id) {
          t_->weak_licensors[i].push_back(j);
        }
      }
    }
  }

  StemInfo& Stem(std::string_view stem) {
    if (const std::uint32_t* id = t_->stem_index.Find(stem)) return t_->stems[*id];
    t_->stem_index[stem] = static_cast<std::uint32_t>(t_->stems.size());
    return t_->stems.emplace_back();
  }

  void Flag(const WordSet& set, std::uint32_t flag) {
    for (const std::string& w : set) Stem(w).flags |= flag;
  }

  // Folds every index and lexicon into stem_index/stems, which is all the
  // matcher reads per token.
  void BuildStemIndex() {
    for (const auto& [stem, names] : t_->definite_first) {
      StemInfo& info = Stem(stem);
      info.definite_names = names;
      info.definite_by_second = BySecondWord(names);
    }
    for (const auto& [stem, names] : t_->indefinite_first) {
      StemInfo& info = Stem(stem);
      info.indefinite_names = names;
      info.indefinite_by_second = BySecondWord(names);
    }
    std::vector<std::uint32_t> first_word(t_->names.size(), kNoStem);
    for (const auto& [stem, entries] : t_->fuzzy_index) {
      for (const auto& [name, position] : entries) {
        const NameEntry& e = t_->names[name];
        if (first_word[name] == kNoStem) first_word[name] = DescribeWords(e);
        // The probe word is the first that is not the anchor.
        const FuzzyWord& probe = t_->fuzzy_words[first_word[name] + (position == 0 ? 1 : 0)];
        FuzzyCandidate c;
        c.probe_mask = probe.mask;
        c.name = name;
        c.first_word = first_word[name];
        c.probe_stem = probe.stem;
        c.probe_letters = probe.letters;
        c.words = static_cast<std::uint8_t>(e.words.size());
        c.budget = static_cast<std::uint8_t>(FuzzyBudget(e.letters));
        Stem(stem).fuzzy[position].push_back(c);
      }
    }
    Flag(t_->near_words, kStemNear);
    Flag(t_->directions, kStemDirection);
    Flag(t_->stop_words, kStemStop);
    Flag(t_->common_words, kStemCommon);
    Flag(t_->reporting_cues, kStemReporting);
    Flag(t_->foreign_adjectives, kStemForeignAdjective);
    Flag(t_->list_cues, kStemCueList);
    Flag(t_->street_cues, kStemCueStreet);
    Flag(t_->toponym_heads, kStemToponymHead);
    Flag(t_->ordinals, kStemOrdinal);
    Flag(t_->states, kStemState);
    Flag(t_->anaphors, kStemAnaphor);
    Flag(t_->state_verbs, kStemStateVerb);
    for (const auto& [stem, role] : t_->place_cues) {
      if (IsCountrysideWord(stem)) Stem(stem).flags |= kStemCountryside;
      Stem(stem).flags |= role == CueRole::kSettlement ? kStemCueSettlement
                          : role == CueRole::kLandmark ? kStemCueLandmark
                          : role == CueRole::kArea     ? kStemCueArea
                                                       : kStemCueContext;
    }
    for (const auto& [stem, country] : t_->foreign_single) {
      StemInfo& info = Stem(stem);
      info.flags |= kStemForeign;
      info.country = &country;
    }
    for (std::uint32_t k = 0; k < t_->foreign_multi.size(); ++k) {
      Stem(SplitArticle(t_->foreign_multi[k].first[0]).stem).foreign_multi.push_back(k);
    }
    for (std::uint32_t k = 0; k < t_->group_patterns.size(); ++k) {
      Stem(t_->group_patterns[k].words[0]).group_patterns.push_back(k);
    }
    for (std::uint32_t k = 0; k < t_->force_heads.size(); ++k) {
      StemInfo& info = Stem(t_->force_heads[k].words[0]);
      info.force_heads.push_back(k);
      info.flags |= kStemForceHead;
    }
    for (std::uint32_t r = 0; r < t_->kb.actors.size(); ++r) {
      t_->actor_by_id.emplace(t_->kb.actors[r].id, r);
    }
    FlagContents();
  }

  // The content bits of every stem, and their packed copy.
  void FlagContents() {
    t_->stem_flags.clear();
    for (StemInfo& info : t_->stems) {
      if (!info.definite_names.empty() || !info.indefinite_names.empty()) info.flags |= kStemNames;
      if (!info.group_patterns.empty()) info.flags |= kStemGroupPattern;
      if (!info.foreign_multi.empty()) info.flags |= kStemForeignMulti;
      for (std::size_t k = 0; k < kMaxFuzzyWords; ++k) {
        if (!info.fuzzy[k].empty()) info.flags |= kStemFuzzyAt0 << k;
      }
      t_->stem_flags.push_back(info.flags);
    }
  }

  // What each name decides alone, so that the matcher does not ask the
  // lexicons again at every mention.
  void DescribeNames() {
    for (NameEntry& e : t_->names) {
      e.countryside = IsCountrysideWord(e.words[0]);
      const std::uint32_t* stem = t_->stem_index.Find(e.words[0]);
      e.common =
          e.words.size() == 1 && stem != nullptr && (t_->stems[*stem].flags & kStemCommon) != 0;
      e.best_place = BestPlace(e);
    }
  }

  bool IsCountrysideWord(std::string_view w) const {
    auto it = t_->place_cues.find(w);
    return it != t_->place_cues.end() && it->second == CueRole::kContext &&
           t_->near_words.count(w) == 0 && w.size() == 6;  // ريف: the only 3-letter context cue
  }

  // ريف X names the governorate, whatever else the name also labels.
  int RankFor(const NameEntry& e, const Target& t) const {
    const std::string& kind = t_->kb.places[t.record].kind;
    if (e.countryside && kind == "governorate") return -1;
    return KindRank(kind);
  }

  std::int32_t BestPlace(const NameEntry& e) const {
    std::int32_t best = -1;
    for (std::size_t k = 0; k < e.targets.size(); ++k) {
      const Target& t = e.targets[k];
      if (t.kind != TargetKind::kPlace) continue;
      if (best < 0 || RankFor(e, t) < RankFor(e, e.targets[static_cast<std::size_t>(best)])) {
        best = static_cast<std::int32_t>(k);
      }
    }
    return best;
  }

  Result<std::vector<std::vector<std::string>>> Lexicon(const char* name) {
    const std::string path = (std::filesystem::path(data_dir_) / "link" / name).string();
    Result<std::string> bytes = ReadFile(path, limits::kMaxKnowledgeBaseFileBytes);
    if (!bytes.ok()) return bytes.status();
    return ReadLexiconRows(*bytes);
  }

  static std::string StemKey(std::string_view word) {
    const std::vector<std::string> words = PhraseWords(word);
    return words.empty() ? std::string() : std::string(SplitArticle(words[0]).stem);
  }

  Status ReadWordSet(const char* name, WordSet* out) {
    auto rows = Lexicon(name);
    if (!rows.ok()) return rows.status();
    for (const auto& row : *rows) out->insert(StemKey(row[0]));
    return Status::Ok();
  }

  Status ReadLexicons() {
    RASD_RETURN_IF_ERROR(ReadWordSet("near_words.txt", &t_->near_words));
    RASD_RETURN_IF_ERROR(ReadWordSet("directions.txt", &t_->directions));
    RASD_RETURN_IF_ERROR(ReadWordSet("stop_words.txt", &t_->stop_words));
    RASD_RETURN_IF_ERROR(ReadWordSet("common_words.txt", &t_->common_words));
    RASD_RETURN_IF_ERROR(ReadWordSet("toponym_heads.txt", &t_->toponym_heads));
    RASD_RETURN_IF_ERROR(ReadWordSet("ordinals.txt", &t_->ordinals));
    RASD_RETURN_IF_ERROR(ReadWordSet("states.txt", &t_->states));
    RASD_RETURN_IF_ERROR(ReadWordSet("anaphors.txt", &t_->anaphors));
    RASD_RETURN_IF_ERROR(ReadWordSet("state_verbs.txt", &t_->state_verbs));
    RASD_RETURN_IF_ERROR(ReadWordSet("reporting_cues.txt", &t_->reporting_cues));
    RASD_RETURN_IF_ERROR(ReadWordSet("foreign_adjectives.txt", &t_->foreign_adjectives));
    RASD_RETURN_IF_ERROR(ReadPlaceCues());
    RASD_RETURN_IF_ERROR(ReadGroupPatterns());
    RASD_RETURN_IF_ERROR(ReadForceHeads());
    return ReadForeignPlaces();
  }

  Status ReadPlaceCues() {
    auto rows = Lexicon("place_cues.tsv");
    if (!rows.ok()) return rows.status();
    for (const auto& row : *rows) {
      const std::string role = row.size() > 1 ? row[1] : "";
      const CueRole r = role == "settlement" ? CueRole::kSettlement
                        : role == "landmark" ? CueRole::kLandmark
                        : role == "area"     ? CueRole::kArea
                                             : CueRole::kContext;
      t_->place_cues[StemKey(row[0])] = r;
      for (std::size_t k = 2; k < row.size(); ++k) {
        if (row[k] == "list") t_->list_cues.insert(StemKey(row[0]));
        if (row[k] == "street") t_->street_cues.insert(StemKey(row[0]));
      }
    }
    return Status::Ok();
  }

  Status ReadGroupPatterns() {
    auto rows = Lexicon("group_patterns.txt");
    if (!rows.ok()) return rows.status();
    for (const auto& row : *rows) {
      GroupPattern p;
      p.words = PhraseWords(row[0]);
      if (p.words.empty()) continue;
      const WordKey key = SplitArticle(p.words[0]);
      p.definite = key.definite;
      p.words[0] = std::string(key.stem);
      p.strict = row.size() > 1 && row[1] == "strict";
      t_->group_patterns.push_back(std::move(p));
    }
    return Status::Ok();
  }

  Status ReadForceHeads() {
    auto rows = Lexicon("force_heads.txt");
    if (!rows.ok()) return rows.status();
    for (const auto& row : *rows) {
      ForceHead h;
      h.words = PhraseWords(row[0]);
      if (h.words.empty()) continue;
      const WordKey key = SplitArticle(h.words[0]);
      h.definite = key.definite;
      h.words[0] = std::string(key.stem);
      if (row.size() > 1 && row[1] == "1") h.lead_words = 1;
      t_->force_heads.push_back(std::move(h));
    }
    return Status::Ok();
  }

  Status ReadForeignPlaces() {
    auto rows = Lexicon("foreign_places.tsv");
    if (!rows.ok()) return rows.status();
    for (const auto& row : *rows) {
      if (row.size() < 2) continue;
      std::vector<std::string> words = PhraseWords(row[0]);
      if (words.empty()) continue;
      std::string joined;
      for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
      t_->foreign_country_of_name[joined] = row[1];
      if (words.size() == 1) {
        t_->foreign_single[std::string(SplitArticle(words[0]).stem)] = row[1];
      } else {
        t_->foreign_multi.emplace_back(std::move(words), row[1]);
      }
    }
    return Status::Ok();
  }

  const std::string& data_dir_;
  LinkerTables* t_;
  std::unordered_map<std::string, std::uint32_t> by_signature_;
};

}  // namespace

WordKey SplitArticle(std::string_view w) {
  if (w.size() >= kArticle.size() + kMinStemBytes && w.substr(0, kArticle.size()) == kArticle) {
    return {w.substr(kArticle.size()), true};
  }
  return {w, false};
}

std::vector<std::string> PhraseWords(std::string_view phrase) {
  // Thousands of names are split at start-up: the text core's buffers are
  // kept from one to the next (fresh ones cost three allocations a name).
  thread_local text::NormalizedText norm;
  thread_local std::vector<text::Token> tokens;
  text::Normalize(phrase, &norm);
  text::Tokenize(norm, &tokens);
  std::vector<std::string> words;
  words.reserve(tokens.size());
  for (const text::Token& t : tokens) words.emplace_back(norm.View(t.norm));
  return words;
}

Status CompileTables(const std::string& data_dir, kb::KnowledgeBase kb, LinkerTables* out) {
  out->kb = std::move(kb);
  return TableBuilder(data_dir, out).Build();
}

}  // namespace rasd::link
