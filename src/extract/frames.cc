// Triggers and frames (frames.h): which words of a sentence report an event,
// which of them tell one event together, and how far each event's words
// reach. The rules are general facts of Arabic news writing; the words they
// rest on are in data/extract/. docs/extraction.md (steps 2 and 3) explains them.
#include "extract/frames.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/doc_index.h"
#include "extract/lexicon.h"

namespace rasd::extract {
namespace {

using link::Mention;
using link::MentionKind;
using text::Token;

// How far before a trigger a history cue marks it as recalled (كانوا قضوا في
// المعارك التي دارت).
constexpr std::uint32_t kRecallReach = 6;
// How far before a destruction word "which caused" may stand (أسفر عن تدمير).
constexpr std::uint32_t kResultReach = 4;
// Words before an agreement noun that a meeting "ended in" stands within.
constexpr std::uint32_t kOutcomeReach = 3;
// Words from an agreement to what it is on, على included (اتفاق مبدئي على
// إعادة): an adjective and على.
constexpr std::uint32_t kAgreedOnReach = 3;
// How far after a fall (سقوط) its "at the hands of" may stand (سقوط المدينة
// الصناعية بيد قوات النظام).
constexpr std::uint32_t kHandsReach = 6;
// How far after a giving word "into the control of" may stand (أعاد معظم
// المناطق الشرقية من المدينة إلى سيطرة الدولة).
constexpr std::uint32_t kToControlReach = 8;
// The words right after a trigger that name its own weapon (قصف مدفعي، غارات
// جوية), when another trigger's words come before it.
constexpr std::uint32_t kWeaponWordReach = 3;
// How many words may stand between a verb that stops a weapon and the weapon
// (دمرت أربع سيارات مفخخة).
constexpr std::uint32_t kDisruptReach = 2;
// How many words a purpose or condition cue reaches into its clause.
constexpr std::uint32_t kPreventReach = 6;
// How many words from إنشاء or إقامة the base it establishes may be named
// (أقامت القوات التركية نقاط مراقبة، مراكز للمراقبة تم إنشاؤها).
constexpr std::uint32_t kBaseReach = 3;
// The words that open a clause of result (ما أدى إلى، مما أسفر عن).
constexpr std::uint32_t kResultOpening = 3;
// Triggers of one event type closer than this share a frame (قصف ... بالبراميل).
constexpr std::uint32_t kFrameJoinGap = 10;
// Words between a verb of holding and the control noun it governs (يحكم
// الأكراد اليوم السيطرة على).
constexpr std::uint32_t kHeldReach = 4;
// Words of place and time between an indefinite noun trigger and the verb
// that describes it (هجوما في المنطقة الليلة الماضية استهدف).
constexpr std::uint32_t kDescribeGap = 4;
// Words between a killing and the weak noun that tells its cause (قتل ضابطا
// شرطة في هجوم), and, two more, between the noun and its place.
constexpr std::uint32_t kOwnTollReach = 4;

// True when the matched reading of a token carries the preposition ل: a verbal
// noun after ل states a purpose (لصد الهجوم، لمواجهة), not an event, unless the
// clause says something was subjected to it (تعرضت البلدة لقصف).
bool PurposeClause(const DocIndex& ix, const PhraseMatch& m, std::uint32_t sentence_begin) {
  const Token& tok = ix.text->tokens[m.first_token];
  if (tok.reading_count == 0) return false;
  const text::CliticReading& r = tok.readings[m.first_reading];
  const std::string_view proclitics =
      std::string_view(ix.text->norm.text).substr(tok.norm.begin.value, r.proclitic_bytes);
  if (proclitics.find(kLam) == std::string_view::npos) return false;
  for (std::uint32_t k = 1; k <= kExposedReach && m.first_token >= sentence_begin + k; ++k) {
    if (ix.Cue(m.first_token - k, CueClass::kExposed)) return false;
  }
  return true;
}

// True when the trigger names an agreement (اتفاق، هدنة، سمحت).
bool IsAgreement(const Trigger& row) {
  return row.cls == TriggerClass::kFixed && row.fixed == SubEventType::kAgreement;
}

// True when a prevent cue (لصد، لوقف، بهدف، في حال) governs the trigger: the
// clause is about stopping, aiming at or supposing the action, not reporting
// it. The cue governs the rest of its clause (في حال تمكنت الفصائل المقاتلة
// من السيطرة على جورين), up to a comma; a name in brackets or quotes stays
// inside it (قدرة (النصرة) على الخطف).
bool PreventedBefore(const DocIndex& ix, std::uint32_t token, std::uint32_t begin) {
  for (std::uint32_t k = 1; k <= kPreventReach && token >= begin + k; ++k) {
    if (ix.Cue(token - k, CueClass::kPrevent)) return true;
    if (EndsAClause(ix, token - k)) return false;
  }
  return false;
}

// True when a destruction word is what an event just told did (تسببت أيضا في
// تدمير آلية للتنظيم، ما أدى إلى تدمير جزء من المبنى): the damage is part of
// that event, which ACLED codes once.
bool DamageOfAnEventTold(const DocIndex& ix, const Trigger& row, const PhraseMatch& m,
                         std::uint32_t begin) {
  if (row.cls != TriggerClass::kFixed || row.fixed != SubEventType::kLootingPropertyDestruction) {
    return false;
  }
  const std::uint32_t from =
      m.first_token > begin + kResultReach ? m.first_token - kResultReach : begin;
  return CueInRange(ix, CueClass::kResult, from, m.first_token);
}

// True when the first token matched in its definite reading (ال, or لل).
bool Definite(const DocIndex& ix, const PhraseMatch& m) {
  const Token& tok = ix.text->tokens[m.first_token];
  return tok.reading_count > 0 && tok.readings[m.first_reading].definite();
}

// True when the word before a trigger makes it a description of a place or a
// state, not a report (مناطق سيطرة النظام، مكان الاحتجاز). Verb rows too: a
// folded noun can read as a verb with a pronoun (الخاضع لسيطرة: سيطر + ه).
bool DescribedBefore(const DocIndex& ix, const PhraseMatch& m, std::uint32_t begin) {
  return m.first_token > begin && ix.Cue(m.first_token - 1, CueClass::kDescriptor);
}

// True when token t reads as a verb in the present tense after a relative
// pronoun: its word opens with the prefix ي, or with ت and does not end in it.
bool PresentTense(const DocIndex& ix, std::uint32_t t) {
  const Token& tok = ix.text->tokens[t];
  // Three letters at least: تم is the passive's helper, not a verb of habit.
  if (tok.kind != text::TokenKind::kArabicWord || tok.norm.size() < 3 * kYa.size()) return false;
  const std::string_view word = ix.text->norm.View(tok.norm);
  if (word.starts_with(kYa)) return true;
  // ت opens a feminine verb of the present (التي تقصف) and a past verb of the
  // fifth form; the feminine past ends in ت (التي تعرضت، تمكنت).
  return word.starts_with(kTa) && !word.ends_with(kTa);
}

// True when the trigger's word is a noun by its form: with the article or a
// pronoun of possession, ending in ة, or after the preposition ب or ل
// (السيطرة، سيطرتها، سيطرة، لسيطرة، بسيطرته); not a verb (سيطرت، سيطروا).
bool NounForm(const DocIndex& ix, const PhraseMatch& m) {
  const Token& tok = ix.text->tokens[m.first_token];
  if (tok.reading_count <= m.first_reading) return false;
  const text::CliticReading& r = tok.readings[m.first_reading];
  const std::string_view word = ix.text->norm.View(tok.norm);
  const bool preposition =
      r.proclitic_bytes > 0 && (word.starts_with(kBa) || word.starts_with(kLam));
  return r.definite() || r.enclitic_bytes > 0 || word.ends_with(kHeh) || preposition;
}

// True when a state noun (strength "held") follows, in its clause, a verb of
// keeping or being subject to control (cue class holding: يحتفظ النظام
// بسيطرته على معبر كسب، تخضع مدينة درعا لسيطرة المعارضة، ويحكم الأكراد اليوم
// السيطرة على الشريط الحدودي) or a word of description (الخاضع إلى حد كبير
// لسيطرة المعارضة): who holds a place, not who took it.
bool StateHeld(const DocIndex& ix, const Trigger& row, const PhraseMatch& m, std::uint32_t begin) {
  if (!row.state_as_noun || !NounForm(ix, m)) return false;
  const std::uint32_t from =
      m.first_token > begin + kHeldReach ? m.first_token - kHeldReach : begin;
  for (std::uint32_t t = m.first_token; t > from; --t) {
    if (EndsAClause(ix, t - 1)) return false;
    if (ix.Cue(t - 1, CueClass::kHolding) || ix.Cue(t - 1, CueClass::kDescriptor) ||
        ix.Cue(t - 1, CueClass::kHolder)) {
      return true;
    }
  }
  return false;
}

// True when the trigger tells what a name habitually does, in a relative
// clause in the present tense (لمروحيات النظام التي تقصف داريا، طائرات
// التحالف التي تقوم بقصف أهداف تابعة للدولة الإسلامية): a description of the
// name, not a report of an event.
bool HabitOfAName(const DocIndex& ix, const PhraseMatch& m, std::uint32_t begin) {
  const std::uint32_t t = m.first_token;
  if (t > begin && ix.Cue(t - 1, CueClass::kRelative) && PresentTense(ix, t)) return true;
  return t > begin + 1 && ix.Cue(t - 2, CueClass::kRelative) && PresentTense(ix, t - 1);
}

// True when token t can be read with the article (القصف، الاشتباكات).
bool DefiniteToken(const DocIndex& ix, std::uint32_t t) {
  const Token& tok = ix.text->tokens[t];
  return tok.reading_count > 0 &&
         std::any_of(tok.readings.begin(), tok.readings.begin() + tok.reading_count,
                     [](const text::CliticReading& r) { return r.definite(); });
}

// True when a demonstrative stands before a definite noun trigger (هذا
// الانفجار، هذه المعركة): the event was already told. Before an indefinite
// one it is a pronoun (تلى ذلك اشتباكات reports clashes).
bool PointsBack(const DocIndex& ix, const PhraseMatch& m, std::uint32_t begin) {
  if (!Definite(ix, m)) return false;
  // Before the noun (هذا الانفجار) or after it (حوادث الاختطاف تلك).
  return (m.first_token > begin && ix.Cue(m.first_token - 1, CueClass::kDemonstrative)) ||
         ix.Cue(m.end_token, CueClass::kDemonstrative);
}

// True unless the trigger establishes something that is no base: إنشاء،
// إقامة، بناء make a Headquarters or base established event only with a base
// word beside them (إقامة قاعدة، بناء معسكرات، 12 مركزا … تم إنشاؤها), not
// إنشاء منطقة آمنة.
bool NamesABase(const DocIndex& ix, const Trigger& row, const PhraseMatch& m) {
  if (row.cls != TriggerClass::kFixed ||
      row.fixed != SubEventType::kHeadquartersOrBaseEstablished) {
    return true;
  }
  const std::uint32_t size = static_cast<std::uint32_t>(ix.text->tokens.size());
  const std::uint32_t from = m.first_token > kBaseReach ? m.first_token - kBaseReach : 0;
  return CueInRange(ix, CueClass::kBase, from, std::min(m.end_token + kBaseReach, size));
}

// A weapon named right after a verb that stops it (دمرت أربع سيارات مفخخة،
// فككت عبوة ناسفة، أسقطت طائرة) is the object of its disruption, not an
// attack: the two words are one Disrupted weapons use trigger.
void AbsorbDisruptedWeapons(std::vector<TriggerHit>* hits) {
  for (std::size_t k = 0; k + 1 < hits->size(); ++k) {
    TriggerHit& stop = (*hits)[k];
    const TriggerHit& weapon = (*hits)[k + 1];
    if (stop.row->cls != TriggerClass::kFixed ||
        stop.row->fixed != SubEventType::kDisruptedWeaponsUse ||
        weapon.first > stop.end + kDisruptReach ||
        EventTypeKey(*weapon.row) != EventTypeOf(SubEventType::kRemoteExplosiveLandmineIed)) {
      continue;
    }
    stop.end = weapon.end;
    hits->erase(hits->begin() + static_cast<std::ptrdiff_t>(k) + 1);
  }
}

// True when a negation stands right before the trigger, or before a verb
// that only carries it (لم تقصف، من دون أن تشن غارات).
bool Negated(const DocIndex& ix, std::uint32_t t, std::uint32_t begin) {
  if (t > begin && ix.Cue(t - 1, CueClass::kNegation)) return true;
  return t > begin + 1 && ix.Cue(t - 1, CueClass::kSupport) && ix.Cue(t - 2, CueClass::kNegation);
}

// The name of an air force said to take part, right before a ground weapon
// listed with it (يشارك فيها سلاحي الجو والمدفعية), or kNone: the two take
// part side by side, each striking with its own weapon.
std::int32_t ArmBefore(const DocIndex& ix, const TriggerHit& weapon, std::uint32_t begin) {
  if (weapon.first <= begin || !ix.Cue(weapon.first, CueClass::kGround) ||
      !StartsWithConjunction(ix, weapon.first)) {
    return kNone;
  }
  const std::int32_t name = ix.mention_at[weapon.first - 1];
  if (name == kNone || ix.mention(name).kind != MentionKind::kActor ||
      ix.mention(name).end_token != weapon.first ||
      ix.lexicon->StateOfAirArm(ix.mention(name).id).empty()) {
    return kNone;
  }
  // Only as taking part (يشارك فيها سلاح الجو): not the force as a target or
  // an owner (مطار يضم ضباطا من سلاح الجو السوري والمدفعية).
  const std::uint32_t first = ix.mention(name).first_token;
  return first > begin && ix.Cue(first - 1, CueClass::kTakingPart) ? name : kNone;
}

// Adds an air strike on the name of each air force listed with a ground
// weapon trigger (سلاحي الجو والمدفعية): ACLED codes the two attacks apart.
void ArmsListedWithAWeapon(const DocIndex& ix, const Lexicon& lexicon, std::uint32_t begin,
                           std::vector<TriggerHit>* hits) {
  for (std::size_t k = hits->size(); k-- > 0;) {
    const TriggerHit& weapon = (*hits)[k];
    if (weapon.row->cls != TriggerClass::kFixed ||
        weapon.row->fixed != SubEventType::kShellingArtilleryMissileAttack) {
      continue;
    }
    const std::int32_t arm = ArmBefore(ix, weapon, begin);
    if (arm == kNone || (k > 0 && (*hits)[k - 1].end > ix.mention(arm).first_token)) continue;
    const Mention& name = ix.mention(arm);
    hits->insert(hits->begin() + static_cast<std::ptrdiff_t>(k),
                 TriggerHit{name.first_token, name.end_token, &lexicon.ArmListedWithAWeapon()});
  }
}

// True when one trigger names a massacre and the other the bombardment or
// blast that made it (مجزرة نفذتها طائرات النظام إثر استهدافها بالبراميل): one
// event, which ACLED codes by its weapon.
bool MassacreByWeapon(const TriggerHit& a, const TriggerHit& b) {
  const auto massacre = [](const Trigger& t) {
    return t.cls == TriggerClass::kFixed && t.fixed == SubEventType::kAttack;
  };
  const auto weapon = [](const Trigger& t) {
    return EventTypeKey(t) == EventTypeOf(SubEventType::kAirDroneStrike);
  };
  return (massacre(*a.row) && weapon(*b.row)) || (weapon(*a.row) && massacre(*b.row));
}

// The weapon a bombardment trigger names in [from, to): an air strike
// (غارات، قصف بالطيران الحربي) or a ground one (قصف مدفعي، قصف بالمدفعية), or
// none when the words do not say.
enum class Weapon { kUnknown, kAir, kGround };
Weapon WeaponOf(const DocIndex& ix, const TriggerHit& h, std::uint32_t from, std::uint32_t to) {
  if (h.row->cls == TriggerClass::kFixed) {
    if (h.row->fixed == SubEventType::kAirDroneStrike) return Weapon::kAir;
    if (h.row->fixed == SubEventType::kShellingArtilleryMissileAttack) return Weapon::kGround;
    return Weapon::kUnknown;
  }
  if (h.row->cls != TriggerClass::kExplosion) return Weapon::kUnknown;
  if (AirCueIn(ix, from, to)) return Weapon::kAir;
  if (CueInRange(ix, CueClass::kGround, from, to)) return Weapon::kGround;
  return Weapon::kUnknown;
}

// True when two bombardment triggers name different weapons, each in its own
// words (قصف المنطقة بالطيران الحربي وقصف مدفعي من قبل كتائب موالية): an air
// strike and a shelling, two events.
bool TwoWeapons(const DocIndex& ix, const TriggerHit& prev, const TriggerHit& next) {
  const Weapon a = WeaponOf(ix, prev, prev.first, next.first);
  const Weapon b = WeaponOf(ix, next, next.first, next.end + kWeaponWordReach);
  return a != Weapon::kUnknown && b != Weapon::kUnknown && a != b;
}

// True when the trigger's first word carries the article.
bool DefiniteWord(const DocIndex& ix, const TriggerHit& head) {
  return DefiniteToken(ix, head.first);
}

// True when [begin, end) tells an event of its own: a side that acts (an
// actor, not the civilians who died of what was told before: …، فيما قتل 5
// مدنيين جراء القصف) or a trigger that is neither a killing nor a word with
// the article naming an event told (بينما رد الأخير بقصف أحياء درعا البلد).
bool TellsItsOwnEvent(const DocIndex& ix, const std::vector<TriggerHit>& hits, std::uint32_t begin,
                      std::uint32_t end) {
  for (std::uint32_t t = begin; t < end; ++t) {
    if (ix.mention_at[t] == kNone) continue;
    const Mention& m = ix.mention(ix.mention_at[t]);
    if (m.kind == MentionKind::kActor && m.id != kCiviliansId) return true;
  }
  return std::any_of(hits.begin(), hits.end(), [&](const TriggerHit& h) {
    return h.first >= begin && h.first < end && h.row->cls != TriggerClass::kKilling &&
           !DefiniteWord(ix, h);
  });
}

// True when `next` is a verb shortly after the noun `prev` without the
// article: in Arabic a clause after an indefinite noun describes it (في هجوم
// استهدفهما، غارة استهدفت حاجزا), so the verb tells the noun's event, not
// another.
bool DescribingVerb(const DocIndex& ix, const TriggerHit& prev, const TriggerHit& next) {
  if (prev.row->verb || !next.row->verb || next.first < prev.end ||
      next.first - prev.end > kDescribeGap || DefiniteWord(ix, prev)) {
    return false;
  }
  // Only where and when may come between (شنت الجبهة هجوما في المنطقة الليلة
  // الماضية استهدف مقاتلين): a comma, a name or "and", "then" opens another
  // clause (اندلعت اشتباكات صباح اليوم وقصفت قوات النظام بلدة مورك).
  if (StartsWithConjunction(ix, next.first)) return false;
  for (std::uint32_t t = prev.end; t < next.first; ++t) {
    if (ix.text->tokens[t].kind == text::TokenKind::kPunct || StartsWithConjunction(ix, t) ||
        IsWord(ix, t, kThen)) {
      return false;
    }
    if (ix.mention_at[t] != kNone && ix.mention(ix.mention_at[t]).kind == MentionKind::kActor) {
      return false;
    }
  }
  // Of the noun's own kind, or a verb of bombardment or targeting (هجوم
  // استهدف): a verb of another kind tells what happened during it (اشتباكات
  // سيطرت خلالها الفصائل).
  const bool same_kind = prev.row->cls == next.row->cls && (prev.row->cls != TriggerClass::kFixed ||
                                                            prev.row->fixed == next.row->fixed);
  return same_kind || next.row->cls == TriggerClass::kExplosion;
}

// True when the trigger's first word names a weapon (صواريخ، مدفعية، براميل):
// a cue of the ground or the air stands on it.
bool WeaponWord(const DocIndex& ix, const TriggerHit& h) {
  return ix.Cue(h.first, CueClass::kGround) || ix.Cue(h.first, CueClass::kAircraft) ||
         ix.Cue(h.first, CueClass::kAir);
}

// Two triggers describe one event when they are close, of one event type,
// not two different fixed sub-types (قذائف ... غارات are two attacks), and no
// place stands between them (تفجير ... في الراموسة ونسف ... في الساحل).
bool Joinable(const DocIndex& ix, const TriggerHit& prev, const TriggerHit& next) {
  if (EventTypeKey(*prev.row) != EventTypeKey(*next.row) && !MassacreByWeapon(prev, next)) {
    return false;
  }
  if (next.first - prev.end >= kFrameJoinGap) return false;
  const bool both_fixed =
      prev.row->cls == TriggerClass::kFixed && next.row->cls == TriggerClass::kFixed;
  if (both_fixed && prev.row->fixed != next.row->fixed) return false;
  if (TwoWeapons(ix, prev, next)) return false;
  // A word of the same row again after و (قصف من قبل الفصائل على مناطق النظام
  // وقصف من الطيران المروحي، قصفت قوات النظام … وقصف مقاتلو المعارضة): the
  // writer lists a second attack. Weapons joined by و (تطلق صواريخ ومدفعية)
  // are the weapons of one.
  // A deal or a change listed with another (إعادة تفعيل جيش الفتح وتشكيل غرفة
  // عمليات) is one development.
  const bool violent = EventTypeKey(*prev.row) != "Strategic developments";
  if (next.row == prev.row && StartsWithConjunction(ix, next.first) && violent &&
      !(WeaponWord(ix, prev) && WeaponWord(ix, next))) {
    return false;
  }
  for (std::uint32_t t = prev.end; t < next.first; ++t) {
    if (ix.mention_at[t] != kNone && ix.mention(ix.mention_at[t]).kind == MentionKind::kPlace) {
      return false;
    }
    // A verb after a comma opens a clause of its own (وترافق ذلك مع قصف
    // الطيران الحربي على مناطق الاشتباك، فيما قصفت قوات النظام الحولة).
    if (next.row->verb && IsPunct(ix, t, ",")) return false;
  }
  return true;
}

// True when a place is named between weak trigger h and every strong one.
bool PlaceApart(const DocIndex& ix, const TriggerHit& h, const std::vector<TriggerHit>& hits) {
  return std::all_of(hits.begin(), hits.end(), [&](const TriggerHit& g) {
    if (!g.row->strong || g.row->cls == TriggerClass::kKilling || g.anaphoric) return true;
    const std::uint32_t from = std::min(h.end, g.end), to = std::max(h.first, g.first);
    return from < to && !MentionsIn(ix, MentionKind::kPlace, from, to).empty();
  });
}

// True when a weak trigger without the article follows "in response to" or a
// demonstrative right before it (الغارات جاءت ردا على هجوم نفذه مسلحون، تلى ذلك
// هجوم): the text tells another event, the one answered or the one after.
bool Answered(const DocIndex& ix, const TriggerHit& h) {
  return h.first > 0 && ix.Cue(h.first - 1, CueClass::kDemonstrative) && !DefiniteWord(ix, h);
}

// True when the cue at token `at` leads a wounded count or a source into the
// report it interrupts (قتل ثمانية مدنيين، كما أصيب 20 آخرون، في قصف؛ قتل
// عشرة، كما أعلن الدفاع المدني، في غارات): a detail of that report, not
// another one.
bool AddsADetail(const DocIndex& ix, std::uint32_t at) {
  std::uint32_t next = at;
  while (next < ix.text->tokens.size() && ix.Cue(next, CueClass::kContrast)) ++next;
  return next < ix.text->tokens.size() &&
         (ix.Cue(next, CueClass::kWounded) || ix.Cue(next, CueClass::kReport));
}

// The last "، بينما" or "، في حين" in [floor, head) that opens a clause telling
// an event of its own, before `end` or the next such word: there the writer
// turns to another event (تركزت المعارك … ما أسفر عن مقتل جنود، بينما رد الأخير
// بقصف أحياء درعا البلد), so the toll, sides and places told before it are not
// the later trigger's, nor those after it the earlier's. Without one (…، فيما
// قتل 5 مدنيين جراء القصف) the clause tells what the report before it did.
std::optional<std::uint32_t> ContrastBetween(const DocIndex& ix,
                                             const std::vector<TriggerHit>& hits,
                                             std::uint32_t floor, std::uint32_t head,
                                             std::uint32_t end) {
  // The class's tokens in text order: a question costs a search, not a scan.
  const auto k = static_cast<std::size_t>(CueClass::kContrast);
  const std::uint32_t* const first = ix.cue_tokens.data() + ix.cue_from[k];
  const std::uint32_t* const last = ix.cue_tokens.data() + ix.cue_from[k + 1];
  const std::uint32_t* at = std::lower_bound(first, last, head);
  std::uint32_t clause_end = at != last && *at < end ? *at : end;
  while (at != first && *(at - 1) > floor) {
    --at;
    if (!IsPunct(ix, *at - 1, ",") || AddsADetail(ix, *at)) continue;
    if (TellsItsOwnEvent(ix, hits, *at, clause_end)) return *at;
    clause_end = *at;
  }
  return std::nullopt;
}

// True when [from, to) names a place that [begin, from) did not (…في سوروتش،
// وقتل ضابطا شرطة في هجوم استهدفهما بمدينة شانلي أورفا; not … في مدينة
// إدلب، وقتل خمسة أشخاص في هجوم على حاجز في إدلب).
bool NewPlaceIn(const DocIndex& ix, std::uint32_t begin, std::uint32_t from, std::uint32_t to) {
  const std::vector<std::int32_t> before = MentionsIn(ix, MentionKind::kPlace, begin, from);
  for (const std::int32_t p : MentionsIn(ix, MentionKind::kPlace, from, to)) {
    const Mention& place = ix.mention(p);
    const bool told = std::any_of(before.begin(), before.end(), [&](std::int32_t q) {
      const Mention& earlier = ix.mention(q);
      return place.id.empty() ? earlier.surface == place.surface : earlier.id == place.id;
    });
    if (!told) return true;
  }
  return false;
}

// True when a history cue stands within kRecallReach words before the
// trigger: a strong word that recalls the past (كانوا قضوا في المعارك، في وقت
// سابق باشتباكات) does not silence the weak words that report today.
bool Recalled(const DocIndex& ix, const TriggerHit& h, std::uint32_t begin) {
  const std::uint32_t from = h.first > begin + kRecallReach ? h.first - kRecallReach : begin;
  return CueInRange(ix, CueClass::kBackground, from, h.first);
}

// Where the clause of trigger h opens. A strong word silences the weak ones
// of its own clause only: after "، بينما" the writer tells another event.
std::uint32_t ClauseOf(const DocIndex& ix, const std::vector<TriggerHit>& hits, const TriggerHit& h,
                       std::uint32_t begin, std::uint32_t end) {
  return ContrastBetween(ix, hits, begin, h.first, end).value_or(begin);
}

// Each silencing word's clause, and where the first such word of the
// clause starts, in order.
std::vector<std::pair<std::uint32_t, std::uint32_t>> StrongClauses(
    const DocIndex& ix, const std::vector<TriggerHit>& hits, std::uint32_t begin,
    std::uint32_t end) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> strong_clauses;
  for (const TriggerHit& h : hits) {
    if (h.row->strong && h.row->cls != TriggerClass::kKilling && !h.anaphoric &&
        !Recalled(ix, h, begin)) {
      strong_clauses.emplace_back(ClauseOf(ix, hits, h, begin, end), h.first);
    }
  }
  std::sort(strong_clauses.begin(), strong_clauses.end());
  return strong_clauses;
}

// True when a strong word of its clause (StrongClauses) silences the weak
// trigger. What a verb of agreement allows or ends is told after it (سمحت
// للولايات المتحدة باستخدام القواعد في شن غارات; وافقت على وقف القصف): a strong
// word after the verb is its content, which does not silence it. A noun
// (تبادل) is no such verb: تبادل خطير لإطلاق النار is fighting.
bool HasStrong(const DocIndex& ix, const std::vector<TriggerHit>& hits,
               const std::vector<std::pair<std::uint32_t, std::uint32_t>>& strong_clauses,
               const TriggerHit& weak, std::uint32_t begin, std::uint32_t end) {
  const std::uint32_t clause = ClauseOf(ix, hits, weak, begin, end);
  const auto first = std::lower_bound(strong_clauses.begin(), strong_clauses.end(),
                                      std::make_pair(clause, std::uint32_t{0}));
  if (first == strong_clauses.end() || first->first != clause) return false;
  return !(IsAgreement(*weak.row) && weak.row->verb) || first->second < weak.first;
}

// True when the killing is the outcome of the other triggers: there are
// any. A word that points back to an event told before is its cause only
// before it (هذه البراميل بمقتل 368); after it, the event is what the killing
// answers (قتل شرطيين ... ردا على الهجوم الانتحاري).
bool Outcome(const std::vector<TriggerHit>& hits, const TriggerHit& killing) {
  return std::any_of(hits.begin(), hits.end(), [&](const TriggerHit& h) {
    return h.row->cls != TriggerClass::kKilling && (!h.anaphoric || h.first < killing.first);
  });
}

// True when the blast is "as a result of" a bombardment told after it: what
// the bombardment did (انفجارات قوية هزت ريف دير الزور جراء استهداف طائرات التحالف).
bool Caused(const DocIndex& ix, const std::vector<TriggerHit>& hits, const TriggerHit& blast) {
  return std::any_of(hits.begin(), hits.end(), [&](const TriggerHit& h) {
    return h.first > blast.end && h.row->cls != TriggerClass::kBlast &&
           EventTypeKey(*h.row) == EventTypeKey(*blast.row) &&
           CueInRange(ix, CueClass::kCause, blast.end, h.first);
  });
}

// True when a weak noun right after a killing of its own and before a place
// of its own (وقتل ضابطا شرطة في هجوم استهدفهما بمدينة شانلي أورفا) reports
// what killed them there: beyond a place, another event than the strong one.
bool OwnToll(const DocIndex& ix, const std::vector<TriggerHit>& hits, const TriggerHit& weak,
             std::uint32_t begin, std::uint32_t end) {
  const std::uint32_t scene_end = std::min(end, weak.end + kOwnTollReach + 2);
  return NewPlaceIn(ix, begin, weak.end, scene_end) &&
         std::any_of(hits.begin(), hits.end(), [&](const TriggerHit& k) {
           return k.row->cls == TriggerClass::kKilling && k.end <= weak.first &&
                  weak.first - k.end <= kOwnTollReach && PlaceApart(ix, k, hits);
         });
}

// The frames the triggers of [begin, end) make: neighbouring triggers of one
// event joined, a killing that is the others' outcome, a blast a bombardment
// caused and a weak word a strong one silences left out.
std::vector<Frame> GroupIntoFrames(const DocIndex& ix, const std::vector<TriggerHit>& hits,
                                   std::uint32_t begin, std::uint32_t end) {
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> strong_clauses =
      StrongClauses(ix, hits, begin, end);
  std::vector<Frame> frames;
  for (const TriggerHit& h : hits) {
    if (h.row->cls == TriggerClass::kKilling && Outcome(hits, h)) continue;
    if (h.row->cls == TriggerClass::kBlast && Caused(ix, hits, h)) continue;
    if (!frames.empty()) {
      Frame& last = frames.back();
      const TriggerHit& prev = last.hits.back();
      // The verb describes the noun's event; the noun names its kind.
      if (DescribingVerb(ix, prev, h)) continue;
      if (Joinable(ix, prev, h)) {
        last.hits.push_back(h);
        continue;
      }
    }
    // A weak trigger (هجوم، معارك) counts only in a sentence without a strong one:
    // beside a strong report it names the same or a related event again,
    // unless a place stands between them: then it reports another place
    // (استهدفت ... في مدينة اللاذقية بصواريخ، في حين تعرضت مدينة الباب لغارات).
    if (!h.row->strong && HasStrong(ix, hits, strong_clauses, h, begin, end) &&
        !((h.row->verb || OwnToll(ix, hits, h, begin, end)) && PlaceApart(ix, h, hits)) &&
        !Answered(ix, h) && !h.row->agent_after) {
      continue;
    }
    frames.push_back({{h}, 0, 0, false, {}});
  }
  // A frame only of words that point back (هذا الانفجار) adds no event; its
  // words stay in the windows of the frames around it.
  std::erase_if(frames, [](const Frame& fr) {
    return std::all_of(fr.hits.begin(), fr.hits.end(),
                       [](const TriggerHit& h) { return h.anaphoric; });
  });
  return frames;
}

// Gives each frame its window, from the previous frame's last trigger to the
// next frame's head (or the contrast between them), and what the words
// around it say of it: listed with an air force, agreed on, its verbs.
void GiveWindows(const DocIndex& ix, const std::vector<TriggerHit>& hits, std::uint32_t begin,
                 std::uint32_t end, std::vector<Frame>* frames_out) {
  std::vector<Frame>& frames = *frames_out;
  for (std::size_t f = 0; f < frames.size(); ++f) {
    const std::uint32_t floor = f == 0 ? begin : frames[f - 1].hits.back().end;
    frames[f].window_begin =
        ContrastBetween(ix, hits, floor, frames[f].head().first, end).value_or(floor);
    // A weapon listed with an air force (سلاحي الجو والمدفعية) opens at the
    // force's name: whose artillery it is.
    if (f > 0 && frames[f - 1].hits.back().row == &Lexicon::ArmListedWithAWeapon() &&
        frames[f - 1].hits.back().end == frames[f].head().first) {
      frames[f].listed_with_arm = frames[f - 1].hits.back().first;
      frames[f].window_begin = frames[f].listed_with_arm;
    }
    frames[f].after_trigger = f > 0;
    if (f > 0 && IsAgreement(*frames[f - 1].head().row)) {
      // على right before the head: على خلفية هجوم, على إثر are causes.
      const std::uint32_t agreement_end = frames[f - 1].hits.back().end;
      const std::uint32_t head = frames[f].head().first;
      frames[f].agreed_on = head > agreement_end && head <= agreement_end + kAgreedOnReach &&
                            IsWord(ix, head - 1, kOn);
    }
    if (f + 1 < frames.size()) {
      // An air force's name that makes the next frame also names who takes
      // part in this one (معارك عنيفة يشارك فيها سلاحي الجو والمدفعية).
      const TriggerHit& next_head = frames[f + 1].head();
      const std::uint32_t next =
          next_head.row == &Lexicon::ArmListedWithAWeapon() ? next_head.end : next_head.first;
      frames[f].window_end =
          ContrastBetween(ix, hits, frames[f].hits.back().end, next, end).value_or(next);
    } else {
      frames[f].window_end = end;
    }
    for (const TriggerHit& h : hits) {
      if (h.row->verb && h.first >= frames[f].window_begin && h.end <= frames[f].window_end) {
        frames[f].verbs.push_back(h);
      }
    }
  }
}

// True when a handover's frame hands over bodies or prisoners (تسليم جثث
// قتلى للنظام، تسليم 30 جثة، إعادة الأسرى): an exchange, no transfer of territory.
bool HandsOverPeople(const DocIndex& ix, const Frame& fr) {
  const TriggerHit& head = fr.head();
  if (IsHandover(ix, *head.row, head.first)) {
    for (std::uint32_t t = head.end; t < std::min(fr.window_end, head.end + 2); ++t) {
      if (ix.Cue(t, CueClass::kDeath) || ix.Cue(t, CueClass::kCaptives)) return true;
    }
  }
  return false;
}

// True when the frame is talk, not an event (DropTalk). A frame it keeps
// because its definite noun refers back to a reported event is marked so.
bool IsTalk(const DocIndex& ix, std::uint32_t begin, bool follows_bombardment, Frame* frame) {
  Frame& fr = *frame;
  if (HandsOverPeople(ix, fr)) return true;
  const bool strong = std::any_of(fr.hits.begin(), fr.hits.end(),
                                  [](const TriggerHit& h) { return h.row->strong; });
  // The parties of a meeting's outcome were named where the meeting was.
  if (OutcomeOfTheMeeting(ix, *fr.head().row, fr.head().first, begin)) return false;
  const bool has_argument = HasMentionIn(ix, fr.window_begin, fr.window_end);
  // A definite event noun with nothing named around it (الاشتباكات، المعركة)
  // refers back to an event the article already reported.
  if (!has_argument && DefiniteNoun(ix, fr.head())) {
    fr.refers_back = true;
    return false;
  }
  if (!has_argument && !strong) return true;
  if (strong) return false;
  return OnlyBombardment(fr) && !follows_bombardment && !NamesAWeapon(ix, fr);
}

// Drops the frames that are talk: a weak frame with no actor or place in its
// window is talk, not an event; a weak bombardment word (استهدف، الضربات)
// needs a weapon: an air or ground cue, or a bombardment just reported that
// it goes on describing.
void DropTalk(const DocIndex& ix, std::uint32_t begin, bool follows_bombardment,
              std::vector<Frame>* frames) {
  std::erase_if(*frames, [&](Frame& fr) { return IsTalk(ix, begin, follows_bombardment, &fr); });
}

}  // namespace

std::string_view EventTypeKey(const Trigger& t) { return EventTypeOf(t.fixed); }

bool IsHandover(const DocIndex& ix, const Trigger& row, std::uint32_t first) {
  return row.cls == TriggerClass::kFixed &&
         row.fixed == SubEventType::kNonViolentTransferOfTerritory &&
         ix.Cue(first, CueClass::kGiving);
}

bool MeetingEndedIn(const DocIndex& ix, std::uint32_t first, std::uint32_t begin) {
  const std::uint32_t from = first > begin + kOutcomeReach ? first - kOutcomeReach : begin;
  const std::optional<std::uint32_t> meeting = FirstCueIn(ix, CueClass::kMeeting, from, first);
  return meeting && DefiniteToken(ix, *meeting) &&
         (CueInRange(ix, CueClass::kOutcome, from, first) ||
          CueInRange(ix, CueClass::kResult, from, first));
}

bool OutcomeOfTheMeeting(const DocIndex& ix, const Trigger& row, std::uint32_t first,
                         std::uint32_t begin) {
  return IsAgreement(row) && MeetingEndedIn(ix, first, begin);
}

std::vector<TriggerHit> FindTriggers(const DocIndex& ix, const Lexicon& lexicon,
                                     std::uint32_t begin, std::uint32_t end) {
  std::vector<PhraseMatch> matches;
  lexicon.triggers().FindAll(ix.text->norm, ix.text->tokens, begin, end, &matches);
  // A word of fighting (معارك، اشتباكات), not of control: "into the control
  // of" names control itself. Asked only of a handover given back.
  const auto fighting = [&] {
    return std::any_of(matches.begin(), matches.end(), [&](const PhraseMatch& c) {
      const Trigger& row = lexicon.trigger(c.payload);
      return row.cls == TriggerClass::kFixed && row.fixed == SubEventType::kArmedClash;
    });
  };
  std::vector<TriggerHit> hits;
  for (const PhraseMatch& m : matches) {
    const Trigger& row = lexicon.trigger(m.payload);
    // A protest names its actor by the same word (التظاهر، الاحتجاجات are
    // PROTESTERS), and gathering to protest is the protest (تجمعوا للتظاهر).
    const bool protest = EventTypeKey(row) == EventTypeOf(SubEventType::kPeacefulProtest);
    // A name that opens with the trigger names the attacker by its attacks
    // (الغارات الأميركية، الضربات الجوية الأمريكية): the trigger stands.
    bool inside_name = false;
    for (std::uint32_t t = m.first_token; t < m.end_token; ++t) {
      if (ix.mention_at[t] == kNone) continue;
      const Mention& name = ix.mention(ix.mention_at[t]);
      inside_name =
          inside_name || (!(protest && name.id == kProtestersId) &&
                          !(name.kind == MentionKind::kActor && name.first_token == m.first_token));
    }
    if (inside_name) continue;
    if (Negated(ix, m.first_token, begin)) continue;
    if (!row.verb && !protest && PurposeClause(ix, m, begin)) continue;
    if (row.indefinite_only && Definite(ix, m) &&
        !OutcomeOfTheMeeting(ix, row, m.first_token, begin)) {
      continue;
    }
    // سقوط المدينة الصناعية بيد قوات النظام: a fall is a taking only "at the
    // hands of" someone (سقوط قتلى، سقوط قذيفة are no taking).
    if (row.agent_after &&
        !CueInRange(ix, CueClass::kAgent, m.end_token, std::min(end, m.end_token + kHandsReach))) {
      continue;
    }
    if (PreventedBefore(ix, m.first_token, begin)) continue;
    // Given back "into the control of" in a sentence of fighting (أعاد
    // المناطق إلى سيطرة الدولة بعد معارك عنيفة): a retaking, which the words
    // of fighting and control tell. Without fighting it is a handover
    // (سلمت الوحدات الكردية القرى إلى حضن الدولة بموجب اتفاق).
    if (IsHandover(ix, row, m.first_token) &&
        CueInRange(ix, CueClass::kToControl, m.end_token,
                   std::min(end, m.end_token + kToControlReach)) &&
        fighting()) {
      continue;
    }
    if (DamageOfAnEventTold(ix, row, m, begin)) continue;
    if (DescribedBefore(ix, m, begin)) continue;
    if (HabitOfAName(ix, m, begin)) continue;
    if (StateHeld(ix, row, m, begin)) continue;
    if (!NamesABase(ix, row, m)) continue;
    // A view, a wish or an analysis (برأي الناشط، يجب، قال خبير): spec section 2.
    if (CueInRange(ix, CueClass::kOpinion, begin, m.first_token)) continue;
    // A verb row's word after من is its verbal noun (بعد أيام من خطفها).
    const Token& tok = ix.text->tokens[m.first_token];
    const bool noun = !row.verb || (m.first_token > begin && IsWord(ix, m.first_token - 1, kOf));
    const bool possessed = noun && tok.reading_count > m.first_reading &&
                           tok.readings[m.first_reading].enclitic_bytes > 0;
    hits.push_back({m.first_token, m.end_token, &lexicon.trigger(m.payload),
                    PointsBack(ix, m, begin), possessed});
  }
  AbsorbDisruptedWeapons(&hits);
  ArmsListedWithAWeapon(ix, lexicon, begin, &hits);
  return hits;
}

bool AirCueIn(const DocIndex& ix, std::uint32_t from, std::uint32_t to) {
  return CueInRange(ix, CueClass::kAir, from, to) || CueInRange(ix, CueClass::kAircraft, from, to);
}

bool DefiniteNoun(const DocIndex& ix, const TriggerHit& head) {
  return !head.row->verb && DefiniteWord(ix, head);
}

bool OnlyBombardment(const Frame& frame) {
  return std::all_of(frame.hits.begin(), frame.hits.end(),
                     [](const TriggerHit& h) { return h.row->cls == TriggerClass::kExplosion; });
}

bool NamesAWeapon(const DocIndex& ix, const Frame& frame) {
  return AirCueIn(ix, frame.window_begin, frame.window_end) ||
         CueInRange(ix, CueClass::kGround, frame.window_begin, frame.window_end);
}

bool IsUncuedBombardment(const DocIndex& ix, const Frame& frame) {
  const bool all_bombardment =
      std::all_of(frame.hits.begin(), frame.hits.end(),
                  [](const TriggerHit& h) { return h.row->cls == TriggerClass::kExplosion; });
  return all_bombardment && !AirCueIn(ix, frame.window_begin, frame.window_end) &&
         !CueInRange(ix, CueClass::kGround, frame.window_begin, frame.window_end);
}

std::uint32_t TollEnd(const DocIndex& ix, const text::Sentence& sentence, const Frame& frame,
                      const std::vector<TriggerHit>& hits) {
  if (frame.window_end >= sentence.end_token) return frame.window_end;
  for (std::uint32_t t = frame.window_end; t > frame.hits.back().end; --t) {
    if (ix.Cue(t - 1, CueClass::kContrast) && TellsItsOwnEvent(ix, hits, t - 1, frame.window_end)) {
      return t - 1;
    }
    if (IsPunct(ix, t - 1, ",")) {
      const std::uint32_t opening = std::min(t + kResultOpening, frame.window_end);
      return CueInRange(ix, CueClass::kResult, t, opening) ? frame.window_end : t;
    }
  }
  return frame.window_end;
}

std::vector<Frame> BuildFrames(const DocIndex& ix, const std::vector<TriggerHit>& hits,
                               std::uint32_t begin, std::uint32_t end, bool follows_bombardment) {
  std::vector<Frame> frames = GroupIntoFrames(ix, hits, begin, end);
  GiveWindows(ix, hits, begin, end, &frames);
  DropTalk(ix, begin, follows_bombardment, &frames);
  return frames;
}

}  // namespace rasd::extract
