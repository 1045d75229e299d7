// The matcher: one left-to-right pass over the tokens that takes, at each
// position, the longest registry name (exact on the clitic readings, then
// fuzzy for long actor names), else an unknown group or place announced by a
// pattern word; then a second pass that resolves weak aliases against the
// actors the article named, and marks datelines. All state is local to Link.
#include "link/linker.h"

#include <algorithm>
#include <array>

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
constexpr int kMaxTokenEdits = 2;
// alias_index of mentions found by a pattern or a lexicon, not a registry name.
constexpr std::uint32_t kNoAlias = 0xFFFFFFFFu;

kb::DayKey DayKeyOf(const text::CivilDate& d) { return kb::MakeDayKey(d.year, d.month, d.day); }

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

std::vector<char32_t> Letters(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0, len = 0; i < s.size(); i += len) out.push_back(utf8::Decode(s, i, &len));
  return out;
}

int EditDistance(std::string_view a, std::string_view b) {
  const std::vector<char32_t> x = Letters(a), y = Letters(b);
  std::vector<int> prev(y.size() + 1), cur(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= x.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= y.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] != y[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

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
  LinkRun(const LinkerTables& t, const text::AnalyzedText& a, std::optional<text::CivilDate> date,
          LinkedText* out)
      : t_(t), a_(a), tokens_(a.tokens), out_(out) {
    if (date) date_ = DayKeyOf(*date);
  }

  void Run() {
    out_->mentions.clear();
    std::uint32_t i = 0;
    while (i < tokens_.size()) i = Step(i);
    ResolveWeak();
    ResolveAbroadNames();
    MarkDatelines();
    std::stable_sort(
        out_->mentions.begin(), out_->mentions.end(),
        [](const Mention& x, const Mention& y) { return x.first_token < y.first_token; });
  }

 private:
  // ---- token helpers ------------------------------------------------------
  bool IsWord(std::uint32_t i) const {
    return i < tokens_.size() &&
           (tokens_[i].kind == TokenKind::kArabicWord || tokens_[i].kind == TokenKind::kLatinWord);
  }
  std::string_view Surface(std::uint32_t i) const { return a_.norm.View(tokens_[i].norm); }

  // Calls fn(stem, definite, proclitic_bytes) for each reading without a
  // pronoun suffix (a suffix on a name is rare, and حمصي is not حمص).
  template <typename Fn>
  void ForReadings(std::uint32_t i, Fn fn) const {
    const Token& tok = tokens_[i];
    if (tok.kind != TokenKind::kArabicWord) {
      fn(Surface(i), false, std::uint8_t{0});
      return;
    }
    for (std::uint8_t r = 0; r < tok.reading_count; ++r) {
      const text::CliticReading& rd = tok.readings[r];
      if (rd.enclitic_bytes != 0) continue;
      fn(text::StemOf(a_.norm, tok, rd), rd.definite(), rd.proclitic_bytes);
    }
  }

  bool InSet(const WordSet& set, std::uint32_t i) const {
    if (i >= tokens_.size()) return false;
    bool found = false;
    ForReadings(i, [&](std::string_view stem, bool, std::uint8_t) {
      found = found || set.count(stem) != 0;
    });
    return found;
  }

  const CueRole* CueAt(std::uint32_t i) const {
    if (!IsWord(i)) return nullptr;
    const CueRole* role = nullptr;
    ForReadings(i, [&](std::string_view stem, bool, std::uint8_t) {
      if (role != nullptr) return;
      auto it = t_.place_cues.find(stem);
      if (it != t_.place_cues.end()) role = &it->second;
    });
    return role;
  }

  // ---- exact and fuzzy names -----------------------------------------------
  bool RestMatches(const NameEntry& e, std::uint32_t i) const {
    for (std::size_t k = 1; k < e.words.size(); ++k) {
      const std::uint32_t j = i + static_cast<std::uint32_t>(k);
      if (j >= tokens_.size() || Surface(j) != e.words[k]) return false;
    }
    return true;
  }

  std::optional<Found> ExactAt(std::uint32_t i) const {
    std::optional<Found> best;
    ForReadings(i, [&](std::string_view stem, bool definite, std::uint8_t proclitic) {
      const auto& index = definite ? t_.definite_first : t_.indefinite_first;
      auto it = index.find(stem);
      if (it == index.end()) return;
      for (const std::uint32_t n : it->second) {
        const NameEntry& e = t_.names[n];
        const auto end = static_cast<std::uint32_t>(i + e.words.size());
        if ((!best || end > best->end) && RestMatches(e, i)) {
          best = Found{end, n, proclitic, definite, 1.0};
        }
      }
    });
    return best;
  }

  // Letters apart of a name word and a token, the article ignored on both.
  int TokenDistance(std::string_view word, std::uint32_t j) const {
    int best = kMaxTokenEdits + 1;
    const std::string_view w = SplitArticle(word).stem;
    ForReadings(j, [&](std::string_view stem, bool, std::uint8_t) {
      best = std::min(best, EditDistance(w, stem));
    });
    return best;
  }

  std::optional<Found> FuzzyAt(std::uint32_t i) const {
    std::optional<Found> best;
    for (std::uint32_t k = 0; k < 4 && i + k < tokens_.size(); ++k) {
      ForReadings(i + k, [&](std::string_view stem, bool, std::uint8_t proclitic) {
        auto it = t_.fuzzy_index.find(stem);
        if (it == t_.fuzzy_index.end()) return;
        for (const auto& [n, pos] : it->second) {
          if (pos != k) continue;
          std::optional<Found> f = VerifyFuzzy(n, i, k == 0 ? proclitic : std::uint8_t{0});
          if (f && (!best || f->end > best->end)) best = f;
        }
      });
    }
    return best;
  }

  std::optional<Found> VerifyFuzzy(std::uint32_t n, std::uint32_t i, std::uint8_t proclitic) const {
    const NameEntry& e = t_.names[n];
    const auto end = static_cast<std::uint32_t>(i + e.words.size());
    if (end > tokens_.size()) return std::nullopt;
    const int budget = e.letters >= 12 ? 2 : 1;
    int total = 0;
    for (std::size_t k = 0; k < e.words.size(); ++k) {
      const auto j = static_cast<std::uint32_t>(i + k);
      if (tokens_[j].kind != TokenKind::kArabicWord) return std::nullopt;
      const int d = TokenDistance(e.words[k], j);
      if (d > kMaxTokenEdits) return std::nullopt;
      total += d;
      if (total > budget) return std::nullopt;
    }
    return Found{end, n, proclitic, false, kFuzzyConfidence};
  }

  // ---- resolution ----------------------------------------------------------
  // The target of `kind` valid on the date: the containing range with the
  // latest start; with no date, the earliest period (the name's first meaning).
  const Target* PickByDate(const NameEntry& e, TargetKind kind, bool want_weak) const {
    const Target* best = nullptr;
    for (const Target& t : e.targets) {
      if (t.kind != kind || t.weak != want_weak) continue;
      if (date_) {
        if (!t.range.Contains(*date_)) continue;
        if (!best || t.range.from > best->range.from) best = &t;
      } else if (!best || t.range.from < best->range.from) {
        best = &t;
      }
    }
    return best;
  }

  // ريف X names the governorate, whatever else the name also labels.
  int RankFor(const NameEntry& e, const Target& t) const {
    const std::string& kind = t_.kb.places[t.record].kind;
    if (IsCountrysideWord(e.words[0]) && kind == "governorate") return -1;
    return KindRank(kind);
  }

  const Target* BestPlace(const NameEntry& e) const {
    const Target* best = nullptr;
    for (const Target& t : e.targets) {
      if (t.kind != TargetKind::kPlace) continue;
      if (!best || RankFor(e, t) < RankFor(e, *best)) best = &t;
    }
    return best;
  }

  Mention Base(MentionKind kind, std::uint32_t i, std::uint32_t end, std::uint8_t proclitic) const {
    Mention m;
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
    const kb::Actor& a = t_.kb.actors[record];
    m->id = a.id;
    m->inter = a.inter;
    m->lineage = a.lineage.empty() ? a.id : a.lineage;
  }

  void FillPlace(Mention* m, std::uint32_t record) const {
    const kb::Place& p = t_.kb.places[record];
    m->id = p.id;
    m->lat = p.lat;
    m->lon = p.lon;
    m->place_kind = p.kind;
    m->admin1 = p.admin1;
    m->admin2 = p.admin2;
    m->admin3 = p.admin3;
    m->pcode = p.pcode;
    if (p.kind == "governorate") m->relation = PlaceRelation::kRegion;
  }

  bool ReportingCueBefore(std::uint32_t i) const {
    return (i >= 1 && InSet(t_.reporting_cues, i - 1)) ||
           (i >= 2 && InSet(t_.reporting_cues, i - 2));
  }

  bool PlaceContextAround(std::uint32_t i, std::uint32_t end) const {
    if (i >= 1 && CueAt(i - 1) != nullptr) return true;
    if (i >= 1 && InSet(t_.near_words, i - 1)) return true;
    for (const Mention& m : out_->mentions) {  // a place just before
      if (m.kind == MentionKind::kPlace && m.end_token + 2 >= i && m.end_token <= i) return true;
    }
    // or just after
    for (std::uint32_t j = end; j < end + 2 && j < tokens_.size(); ++j) {
      std::optional<Found> f = ExactAt(j);
      if (f && BestPlace(t_.names[f->name]) != nullptr) return true;
    }
    return false;
  }

  // Emits what a name found at i stands for; false when it stands for nothing here.
  bool Emit(std::uint32_t i, const Found& f) {
    const NameEntry& e = t_.names[f.name];
    const std::string surface = SurfaceOf(i, f.end, f.proclitic_bytes);
    const Target* actor = PickByDate(e, TargetKind::kActor, false);
    const Target* source = nullptr;
    for (const Target& t : e.targets) {
      if (t.kind == TargetKind::kSource && !source) source = &t;
    }
    const Target* place = BestPlace(e);
    if (source && (!place || ReportingCueBefore(i))) {
      Mention m = Base(MentionKind::kSource, i, f.end, f.proclitic_bytes);
      m.id = t_.kb.sources[source->record].id;
      m.surface = surface;
      m.alias_index = f.name;
      out_->mentions.push_back(std::move(m));
      return true;
    }
    if (actor) {
      Mention m = Base(MentionKind::kActor, i, f.end, f.proclitic_bytes);
      FillActor(&m, actor->record);
      m.surface = surface;
      m.alias_index = f.name;
      m.confidence = f.confidence;
      out_->mentions.push_back(std::move(m));
      return true;
    }
    const bool has_weak = PickByDate(e, TargetKind::kActor, true) != nullptr;
    if (has_weak && f.definite_reading) {
      Mention m = Base(MentionKind::kActor, i, f.end, f.proclitic_bytes);
      m.surface = surface;
      m.alias_index = f.name;
      m.confidence = kWeakConfidence;
      pending_weak_.push_back(out_->mentions.size());
      out_->mentions.push_back(std::move(m));
      return true;
    }
    if (place) return EmitPlace(i, f, *place);
    return false;
  }

  bool EmitPlace(std::uint32_t i, const Found& f, const Target& place) {
    const NameEntry& e = t_.names[f.name];
    const bool common = t_.common_words.count(e.words[0]) != 0 && e.words.size() == 1;
    if (common && !PlaceContextAround(i, f.end)) return false;
    std::uint32_t end = f.end;
    while (end < tokens_.size() && InSet(t_.directions, end)) ++end;
    Mention m = Base(MentionKind::kPlace, i, end, f.proclitic_bytes);
    FillPlace(&m, place.record);
    // The name proper: without a leading cue (مدينة اللاذقية، ريف حلب) and
    // trailing directions, which the relation and the original span keep.
    std::uint32_t core = i;
    while (core + 1 < f.end && CueAt(core) != nullptr && *CueAt(core) != CueRole::kLandmark) ++core;
    const std::uint8_t core_proclitic = core == i ? f.proclitic_bytes : std::uint8_t{0};
    m.name_span = {a_.norm.ToOriginal(NormOffset(tokens_[core].norm.begin.value + core_proclitic)),
                   tokens_[f.end - 1].original.end};
    m.surface = SurfaceOf(core, f.end, core_proclitic);
    m.alias_index = f.name;
    m.confidence = common ? kCommonWordConfidence : 1.0;
    const std::string_view first = e.words[0];
    if (m.relation == PlaceRelation::kRegion && e.definite == false && end > f.end) {
      m.relation = PlaceRelation::kCountryside;
    }
    if (IsCountrysideWord(first)) m.relation = PlaceRelation::kCountryside;
    if (NearBefore(i)) m.relation = PlaceRelation::kNear;
    out_->mentions.push_back(std::move(m));
    return true;
  }

  bool IsCountrysideWord(std::string_view w) const {
    auto it = t_.place_cues.find(w);
    return it != t_.place_cues.end() && it->second == CueRole::kContext &&
           t_.near_words.count(w) == 0 && w.size() == 6;  // ريف: the only 3-letter context cue
  }

  // قرب X، 50 كم شمال شرق X، جنوب مدينة X: a near word within three tokens
  // before, with only cue words, directions or من between.
  bool NearBefore(std::uint32_t i) const {
    for (std::uint32_t back = 1; back <= 3 && back <= i; ++back) {
      const std::uint32_t j = i - back;
      if (InSet(t_.near_words, j)) return true;
      if (!IsWord(j) || (CueAt(j) == nullptr)) return false;
    }
    return false;
  }

  // The name in the normalised text, proclitics cut (the original-text form
  // comes from name_span, see CollectDocumentMentions).
  std::string SurfaceOf(std::uint32_t i, std::uint32_t end, std::uint8_t proclitic) const {
    const std::uint32_t b = tokens_[i].norm.begin.value + proclitic;
    return std::string(a_.norm.View(NormSpan{NormOffset(b), tokens_[end - 1].norm.end}));
  }

  // ---- patterns --------------------------------------------------------------
  bool NameWord(std::uint32_t j) const {
    return j < tokens_.size() && tokens_[j].kind == TokenKind::kArabicWord &&
           !InSet(t_.stop_words, j) && CueAt(j) == nullptr && !InSet(t_.near_words, j);
  }

  // Place cue words may be part of a group's name (لواء صقور الجبل).
  bool GroupNameWord(std::uint32_t j) const {
    return j < tokens_.size() && tokens_[j].kind == TokenKind::kArabicWord &&
           !InSet(t_.stop_words, j) && !InSet(t_.near_words, j);
  }

  bool Definite(std::uint32_t j) const { return SplitArticle(Surface(j)).definite; }

  std::optional<std::uint32_t> GroupPatternAt(std::uint32_t i, std::uint8_t* proclitic) const {
    for (const GroupPattern& p : t_.group_patterns) {
      bool head = false;
      ForReadings(i, [&](std::string_view stem, bool definite, std::uint8_t pc) {
        if (!head && stem == p.words[0] && definite == p.definite) {
          head = true;
          *proclitic = pc;
        }
      });
      if (!head) continue;
      std::uint32_t j = i + 1;
      bool rest = true;
      for (std::size_t k = 1; k < p.words.size(); ++k, ++j) {
        rest = rest && j < tokens_.size() && Surface(j) == p.words[k];
      }
      if (!rest) continue;
      if (p.definite) {  // الفرقة 30
        if (j < tokens_.size() && tokens_[j].kind == TokenKind::kNumber) return j + 1;
        continue;
      }
      if (j < tokens_.size() && tokens_[j].kind == TokenKind::kNumber) return j + 1;
      if (!GroupNameWord(j) || (p.strict && !Definite(j)) || ExactAt(j)) continue;
      std::uint32_t end = j;
      while (end < j + kMaxPatternNameWords && GroupNameWord(end) && !InSet(t_.directions, end) &&
             (end == j || !ExactAt(end))) {
        ++end;
      }
      return end;
    }
    return std::nullopt;
  }

  bool EmitGroup(std::uint32_t i) {
    std::uint8_t proclitic = 0;
    const std::optional<std::uint32_t> end = GroupPatternAt(i, &proclitic);
    if (!end) return false;
    Mention m = Base(MentionKind::kActor, i, *end, proclitic);
    m.surface = SurfaceOf(i, *end, proclitic);
    m.id = "new:" + m.surface;
    m.lineage = m.id;
    m.confidence = kPatternConfidence;
    m.alias_index = kNoAlias;
    out_->mentions.push_back(std::move(m));
    next_ = *end;
    return true;
  }

  // بلدة X (the name is X), مطار X (the name is مطار X); X is one word, a
  // construct pair (دير العصافير), and any direction adjectives after it.
  bool EmitCuePlace(std::uint32_t i) {
    const CueRole* role = CueAt(i);
    if (role == nullptr || *role == CueRole::kContext) return false;
    const std::uint32_t x = i + 1;
    if (!NameWord(x) || InSet(t_.common_words, x) || ExactAt(x)) return false;
    // سروج التركية: a place abroad, left to EmitForeign.
    if (InForeignSingle(x) || InSet(t_.foreign_adjectives, x + 1)) return false;
    std::uint32_t end = x + 1;
    if (!Definite(x) && NameWord(end) && Definite(end) && !InSet(t_.directions, end)) ++end;
    while (end < tokens_.size() && InSet(t_.directions, end)) ++end;
    std::uint8_t proclitic = 0;
    ForReadings(i, [&](std::string_view stem, bool, std::uint8_t pc) {
      if (t_.place_cues.count(stem) != 0 && proclitic == 0) proclitic = pc;
    });
    const std::uint32_t start = *role == CueRole::kLandmark ? i : x;
    Mention m = Base(MentionKind::kPlace, start, end, start == i ? proclitic : std::uint8_t{0});
    m.first_token = i;  // the cue belongs to the mention either way
    m.original.begin = tokens_[i].original.begin;
    m.surface = SurfaceOf(start, end, start == i ? proclitic : std::uint8_t{0});
    if (*role == CueRole::kSettlement) {
      m.name_span = {tokens_[x].original.begin, tokens_[end - 1].original.end};
    }
    m.confidence = kPatternConfidence;
    m.alias_index = kNoAlias;
    if (NearBefore(i)) m.relation = PlaceRelation::kNear;
    out_->mentions.push_back(std::move(m));
    next_ = end;
    return true;
  }

  bool EmitForeign(std::uint32_t i) {
    for (const auto& [words, country] : t_.foreign_multi) {
      bool all = i + words.size() <= tokens_.size();
      for (std::size_t k = 0; all && k < words.size(); ++k) {
        all = k == 0 ? ReadingIs(i, words[0]) : Surface(i + k) == words[k];
      }
      if (all) return EmitForeignSpan(i, static_cast<std::uint32_t>(i + words.size()), 0, country);
    }
    std::string country;
    std::uint8_t proclitic = 0;
    ForReadings(i, [&](std::string_view stem, bool, std::uint8_t pc) {
      auto it = t_.foreign_single.find(stem);
      if (it != t_.foreign_single.end() && country.empty()) {
        country = it->second;
        proclitic = pc;
      }
    });
    if (country.empty()) return false;
    return EmitForeignSpan(i, i + 1, proclitic, country);
  }

  bool InForeignSingle(std::uint32_t i) const {
    bool found = false;
    ForReadings(i, [&](std::string_view stem, bool, std::uint8_t) {
      found = found || t_.foreign_single.count(stem) != 0;
    });
    return found;
  }

  bool ReadingIs(std::uint32_t i, std::string_view word) const {
    bool found = false;
    const std::string_view stem = SplitArticle(word).stem;
    ForReadings(i, [&](std::string_view s, bool, std::uint8_t) { found = found || s == stem; });
    return found;
  }

  bool EmitForeignSpan(std::uint32_t i, std::uint32_t end, std::uint8_t proclitic,
                       const std::string& country) {
    Mention m = Base(MentionKind::kPlace, i, end, proclitic);
    m.surface = SurfaceOf(i, end, proclitic);
    m.country = country;
    m.alias_index = kNoAlias;
    out_->mentions.push_back(std::move(m));
    next_ = end;
    return true;
  }

  // ---- the pass ---------------------------------------------------------------
  std::uint32_t Step(std::uint32_t i) {
    if (!IsWord(i)) return i + 1;
    next_ = i + 1;
    std::optional<Found> f = ExactAt(i);
    std::optional<Found> fuzzy;
    if (!f) fuzzy = FuzzyAt(i);
    if (fuzzy && !f) f = fuzzy;
    // لبنان is Lebanon, not ل + بنان: a foreign name read whole beats a
    // gazetteer name that needs a clitic cut.
    if (f && f->proclitic_bytes > 0 && t_.foreign_single.count(Surface(i)) != 0 && EmitForeign(i)) {
      return next_;
    }
    if (f && Emit(i, *f)) return f->end > i ? LastEnd(i) : i + 1;
    if (EmitForeign(i) || EmitGroup(i) || EmitCuePlace(i)) return next_;
    return i + 1;
  }

  std::uint32_t LastEnd(std::uint32_t i) const {
    const Mention& m = out_->mentions.back();
    return std::max(m.end_token, i + 1);
  }

  void ResolveWeak() {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> named;  // (token, actor record)
    std::vector<int> record_of(out_->mentions.size(), -1);
    WordMap<std::uint32_t> actor_index;
    for (std::uint32_t r = 0; r < t_.kb.actors.size(); ++r) actor_index[t_.kb.actors[r].id] = r;
    for (const Mention& m : out_->mentions) {
      if (m.kind != MentionKind::kActor || m.id.empty()) continue;
      auto it = actor_index.find(m.id);
      if (it != actor_index.end()) named.emplace_back(m.first_token, it->second);
    }
    std::vector<std::size_t> drop;
    for (const std::size_t idx : pending_weak_) {
      Mention& m = out_->mentions[idx];
      const NameEntry& e = t_.names[m.alias_index];
      const Target* chosen = nullptr;
      std::int64_t best_score = -1;
      for (const Target& t : e.targets) {
        if (t.kind != TargetKind::kActor || !t.weak) continue;
        if (date_ && !t.range.Contains(*date_)) continue;
        for (const auto& [token, record] : named) {
          const auto& lic = t_.weak_licensors[t.record];
          if (std::find(lic.begin(), lic.end(), record) == lic.end()) continue;
          // Most recently named before wins; a naming after ranks below any before.
          const std::int64_t score = token < m.first_token ? 1'000'000 + token : 1'000'000 - token;
          if (score > best_score) {
            best_score = score;
            chosen = &t;
          }
        }
      }
      if (chosen == nullptr) {
        drop.push_back(idx);
        continue;
      }
      FillActor(&m, chosen->record);
    }
    for (auto it = drop.rbegin(); it != drop.rend(); ++it) {
      out_->mentions.erase(out_->mentions.begin() + static_cast<std::ptrdiff_t>(*it));
    }
  }

  // سنجار in Idlib or in Iraq: a gazetteer place whose name is also a foreign
  // place follows the article's other places.
  void ResolveAbroadNames() {
    int syrian = 0;
    WordMap<int> foreign;
    for (const Mention& m : out_->mentions) {
      if (m.kind != MentionKind::kPlace) continue;
      if (m.country == "Syria") {
        ++syrian;
      } else {
        ++foreign[m.country];
      }
    }
    for (Mention& m : out_->mentions) {
      if (m.kind != MentionKind::kPlace || m.country != "Syria" || m.alias_index == kNoAlias)
        continue;
      const NameEntry& e = t_.names[m.alias_index];
      if (e.words.size() != 1) continue;
      auto it = t_.foreign_single.find(e.words[0]);
      if (it == t_.foreign_single.end()) continue;
      const int abroad = foreign.count(it->second) ? foreign[it->second] : 0;
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

  void MarkDatelines() {
    for (const text::Sentence& s : a_.sentences) {
      if (s.dateline_end_token <= s.first_token) continue;
      for (Mention& m : out_->mentions) {
        if (m.kind == MentionKind::kPlace && m.first_token >= s.first_token &&
            m.first_token < s.dateline_end_token) {
          m.dateline = true;
        }
      }
    }
  }

  const LinkerTables& t_;
  const text::AnalyzedText& a_;
  const std::vector<Token>& tokens_;
  LinkedText* out_;
  std::optional<kb::DayKey> date_;
  std::vector<std::size_t> pending_weak_;
  std::uint32_t next_ = 0;
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
  LinkRun run(*tables_, text, date, out);
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

const std::string& Linker::data_version() const { return tables_->kb.data_version; }

}  // namespace rasd::link
