// Event assembly, sentence by sentence. The rules are general facts of
// Arabic news writing (word order, the frames بين X و Y / من قبل X / مقتل N من X,
// coordinated place lists) and of ACLED coding (one event per place and day,
// the lowest fatality figure); none names a word of Arabic: the words are in
// data/extract/. docs/extraction.md explains each step.
#include "extract/event_assembler.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/geo.h"
#include "extract/doc_index.h"
#include "extract/fatalities.h"
#include "extract/places.h"

namespace rasd::extract {
namespace {

using link::Mention;
using link::MentionKind;
using text::Token;

// How far (in tokens) a cue reaches to the name it governs, and the subject
// of a verb from the verb: Arabic news puts them next to each other.
constexpr std::uint32_t kCueReach = 2;
constexpr std::uint32_t kSubjectReach = 4;
// A standfirst: one of an article's first sentences whose words come back, at
// least 4 in 5 of them, in a line of the next dozen sentences; short ones are
// left alone (a short sentence may well be said twice).
constexpr std::uint32_t kStandfirstSentences = 3;
constexpr std::size_t kStandfirstMinWords = 12;
constexpr std::size_t kStandfirstReach = 12;
constexpr std::size_t kStandfirstShareNum = 4;
constexpr std::size_t kStandfirstShareDen = 5;
// How far before a trigger a history cue marks it as recalled (كانوا قضوا في
// المعارك التي دارت).
constexpr std::uint32_t kRecallReach = 6;
// How far before a destruction word "which caused" may stand (أسفر عن تدمير).
constexpr std::uint32_t kResultReach = 4;
// "By" may stand a description away from the name (من قبل الجماعة الجهادية
// هيئة تحرير الشام، على يد عناصر تنظيم داعش).
constexpr std::uint32_t kAgentReach = 4;
// Sentences back that a definite "the meeting" looks for the meeting told.
constexpr std::uint32_t kMeetingReach = 2;
// Words from a meeting word to its "between" (اجتماع حدث يوم الخميس بين).
constexpr std::uint32_t kBetweenReach = 6;
// Words before an agreement noun that a meeting "ended in" stands within.
constexpr std::uint32_t kOutcomeReach = 3;
// Words from an agreement to what it is on, على included (اتفاق مبدئي على
// إعادة): an adjective and على.
constexpr std::uint32_t kAgreedOnReach = 3;
// Tokens a section heading has at most.
constexpr std::uint32_t kHeadingTokens = 12;
// How far after a fall (سقوط) its "at the hands of" may stand (سقوط المدينة
// الصناعية بيد قوات النظام).
constexpr std::uint32_t kHandsReach = 6;
// How far after a giving word "into the control of" may stand (أعاد معظم
// المناطق الشرقية من المدينة إلى سيطرة الدولة).
constexpr std::uint32_t kToControlReach = 8;
// "Which X holds": the holder stands after the verb and its pronoun (التي
// تسيطر عليها المعارضة).
constexpr std::uint32_t kHolderReach = 3;
// How far before the dead group's name its death word stands (مقتل 25 عنصرا
// من، قتل عناصر من): further on, a death word belongs to another clause.
constexpr std::uint32_t kVictimReach = 6;
// How many words may stand between a subject and its verb in SVO order (the
// subject's own apposition: الولايات المتحدة وحلفاؤها استهدفوا).
constexpr std::uint32_t kSvoGap = 2;
// How far from a trigger its weapon is named (قصفت قوات النظام بالطيران الحربي).
constexpr std::uint32_t kWeaponReach = 12;
// The words right after a trigger that name its own weapon (قصف مدفعي، غارات
// جوية), when another trigger's words come before it.
constexpr std::uint32_t kWeaponWordReach = 3;
// "تعرضت X لـ": the place or group subjected to it may take several words.
constexpr std::uint32_t kExposedReach = 8;
// How many words may stand between a verb that stops a weapon and the weapon
// (دمرت أربع سيارات مفخخة).
constexpr std::uint32_t kDisruptReach = 2;
// How many words before a date its "since" may stand (منذ 25 من شهر يونيو:
// the date reader may take only شهر يونيو).
constexpr std::uint32_t kSinceReach = 3;
// How many words a purpose or condition cue reaches into its clause.
constexpr std::uint32_t kPreventReach = 6;
// How many words from إنشاء or إقامة the base it establishes may be named
// (أقامت القوات التركية نقاط مراقبة، مراكز للمراقبة تم إنشاؤها).
constexpr std::uint32_t kBaseReach = 3;
// Triggers of one event type closer than this share a frame (قصف ... بالبراميل).
constexpr std::uint32_t kFrameJoinGap = 10;
// Words between a verb of holding and the control noun it governs (يحكم
// الأكراد اليوم السيطرة على).
constexpr std::uint32_t kHeldReach = 4;
// Words between a support verb and the noun it carries (وشنت بدورها غارات).
constexpr std::uint32_t kCarrierReach = 2;
// Words of place and time between an indefinite noun trigger and the verb
// that describes it (هجوما في المنطقة الليلة الماضية استهدف).
constexpr std::uint32_t kDescribeGap = 4;
// Words between a killing and the weak noun that tells its cause (قتل ضابطا
// شرطة في هجوم), and, two more, between the noun and its place.
constexpr std::uint32_t kOwnTollReach = 4;
// An event dated more than this before publication is recalled history.
constexpr std::int64_t kBackgroundDays = 31;
// The sentences of an article's lead, and how long before publication the day
// it gives may lie for the body's reports to share it.
constexpr std::uint32_t kLeadSentences = 2;
constexpr std::int64_t kLeadDays = 3;
// A report told again at a wider place may date it a day apart (أمس in a
// statement, فجر الجمعة in the observatory's words).
constexpr std::int64_t kRetellingDays = 1;
// A telling dated only by the publication day fixes the week before it, not
// a day (ACLED's time precision 2).
constexpr std::int64_t kUndatedWeekDays = 7;
// Words before a trigger within which "in another incident" makes its event
// another (وفي حادثة أخرى، خطف).
constexpr std::uint32_t kAnotherReach = 6;
// Words between a trigger and "in its turn" (كما نفذت بدورها غارات).
constexpr std::uint32_t kTurnReach = 3;
// Sentences after an event within which "X is who carried it out" names
// its doer (two: a hard-wrapped line splits a sentence).
constexpr std::uint32_t kDoerReach = 2;
// Words between "had" and the trigger of what had happened (وكانت جبهة النصرة
// خطفت).
constexpr std::uint32_t kPluperfectReach = 4;
// Words between a state force and the bomb it set off (نجحت في تفجير).
constexpr std::uint32_t kStateSubjectGap = 3;
// Words between a verb of reacting and its subject (ندد الرئيس التركي رجب).
constexpr std::uint32_t kReactorReach = 4;
// The words that open a clause of result (ما أدى إلى، مما أسفر عن).
constexpr std::uint32_t kResultOpening = 3;
// How far before a taking a "tried to" word makes it an attempt (حاولت قبل
// يومين التقدم).
constexpr std::uint32_t kAttemptReach = 4;
// A report without a place repeats one at most this far before it (about
// three sentences of Arabic news).
constexpr std::uint32_t kContinuationBytes = 600;
// Bombs destroyed this close to a bombing of the side that destroyed them are
// taken to be the bombers' (the scorer's own radius for one place).
constexpr double kOneFrontKm = 25.0;
// Sentences after "X with a class of actors" in which the class is X's men.
constexpr std::uint32_t kCoalitionReach = 2;
// Words between "with" and the class it introduces (بالتعاون مع فصائل أخرى من
// المعارضة).
constexpr std::uint32_t kCoalitionMemberReach = 4;
// A quarter of a town lies within this distance of it: a one-off told again
// there (هجومين انتحاريين … في حلب; الهجمات الانتحارية … منطقة جمعية الزهراء),
// or fighting told after a coalition's attack, is at the same scene.
constexpr double kSceneKm = 10.0;
// How many sentences back a village the gazetteer lacks looks for the known
// place of the region being reported.
constexpr std::uint32_t kAreaReach = 3;
// The registry's id for protesters, whose names are also protest words.
constexpr std::string_view kProtestersId = "PROTESTERS";
// The spec's id and ACLED inter code for civilians.
constexpr std::string_view kCiviliansId = "CIVILIANS";
// The registry's id for gunmen no text names.
constexpr std::string_view kUnidentifiedId = "UNIDENTIFIED_ARMED_GROUP";
constexpr int kCiviliansInter = 7;
constexpr int kProtestersInter = 6;
// ACLED's inter code of a state's forces in their own country.
constexpr int kStateForcesInter = 1;
struct TriggerHit {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  const Trigger* row = nullptr;
  // Refers back to an event already told (هذا الانفجار): it may complete a
  // frame of the same report but makes no event by itself.
  bool anaphoric = false;
  // A noun with a possessive pronoun (خطفها، قصفهم): its owner did it.
  bool possessed = false;
};

struct Frame {
  std::vector<TriggerHit> hits;
  std::uint32_t window_begin = 0;
  std::uint32_t window_end = 0;
  // A definite event noun with nothing named around it (الاشتباكات أسفرت عن
  // ...): it refers back to a reported event and may only add its toll.
  bool refers_back = false;
  // Every trigger verb of the window, also those a stronger word made no
  // frame of: they show the word order around the frame's names.
  std::vector<TriggerHit> verbs;
  // True when the window opens right after the previous frame's trigger: the
  // words before this frame's head follow that trigger first.
  bool after_trigger = false;
  // True when the frame is what an agreement just before it is on (الاتفاق
  // المبدئي على إعادة تفعيل جيش الفتح): agreed, not yet done.
  bool agreed_on = false;
  // For a weapon listed with an air force (سلاحي الجو والمدفعية), the first
  // token of the force's name, else text::kNoToken: its window opens there,
  // and it is a second attack, not the air strike told again.
  std::uint32_t listed_with_arm = text::kNoToken;
  const TriggerHit& head() const { return hits.front(); }
};

struct Roles {
  std::int32_t actor1 = kNone;
  std::int32_t actor2 = kNone;
  std::vector<std::int32_t> assoc;
};

// No event of out_ (an index into it).
constexpr std::size_t kNoEvent = static_cast<std::size_t>(-1);

// "X with a class of actors" (جبهة النصرة بالتعاون مع فصائل أخرى من المعارضة):
// X leads the class's fighters in the report that follows.
struct Coalition {
  std::uint32_t sentence = 0;
  std::uint32_t token = 0;  // the "with" cue's first token
  std::string leader;
  int leader_inter = 0;
  std::optional<ByteSpan> leader_span;
  std::string member;  // the class (registry kind generic)
};

// What the article said last: a sentence that omits the place or the other
// side usually continues the previous report.
struct Context {
  std::optional<Location> location;
  std::uint32_t location_sentence = 0;
  // The last town named by a sentence that reported no event.
  // (A mention index, made a Location only when a report takes it: most
  // sentences without a report set it, few reports use it.)
  std::int32_t scene = kNone;
  std::uint32_t scene_sentence = 0;
  std::string actor1;
  std::string actor2;
  int inter1 = 0;
  int inter2 = 0;
  std::uint32_t actors_sentence = 0;
  std::vector<Claim> claims;
  std::string subject;  // actor1 of the last report
  int subject_inter = 0;
  std::uint32_t subject_sentence = 0;
  std::string subject_sub_type;  // that report's sub-event type
  std::string bombardment;       // sub-type of the last air or ground bombardment
  std::uint32_t bombardment_sentence = 0;
  std::uint32_t event_sentence = 0;  // the sentence of the last event recorded
  // The last explosion or remote attack recorded or told again, in out_.
  std::size_t blast = kNoEvent;
  std::uint32_t blast_sentence = 0;
};

std::string_view EventTypeKey(const Trigger& t) { return EventTypeOf(t.fixed); }

int Specificity(SubEventType t) {
  switch (t) {
    case SubEventType::kSuicideBomb:
      return 5;
    case SubEventType::kChemicalWeapon:
      return 4;
    case SubEventType::kAirDroneStrike:
      return 3;
    case SubEventType::kGovernmentRegainsTerritory:
    case SubEventType::kNonStateActorOvertakesTerritory:
    case SubEventType::kRemoteExplosiveLandmineIed:
    case SubEventType::kAbductionForcedDisappearance:
    case SubEventType::kProtestWithIntervention:
      return 2;
    case SubEventType::kShellingArtilleryMissileAttack:
      return 1;
    default:
      return 0;
  }
}

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

// True when the trigger row `row`, found at token `first`, hands ground over
// or gives it back (إعادة المناطق، تسليم; cue class giving): a handover has a
// giver and a receiver, a withdrawal (انسحاب) neither.
bool IsHandover(const DocIndex& ix, const Trigger& row, std::uint32_t first) {
  return row.cls == TriggerClass::kFixed &&
         row.fixed == SubEventType::kNonViolentTransferOfTerritory &&
         ix.Cue(first, CueClass::kGiving);
}

// The first comma in [from, end), or `end`: where a clause that opens at
// `from` ends.
std::uint32_t CommaFrom(const DocIndex& ix, std::uint32_t from, std::uint32_t end) {
  while (from < end && !IsPunct(ix, from, ",")) ++from;
  return from;
}

// True when token t is punctuation that ends a clause (، ؛ : .); quotes and
// brackets around a name do not.
bool EndsAClause(const DocIndex& ix, std::uint32_t t) {
  return IsPunct(ix, t, ",") || IsPunct(ix, t, ";") || IsPunct(ix, t, ":") || IsPunct(ix, t, ".");
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

// True when the words right before `first` say a meeting ended in it
// (الاجتماع انتهى بالاتفاق، انتهى اللقاء بـ، أسفرت المفاوضات عن): a definite
// meeting word (`meeting`) and a verb of ending (`outcome`) or of result
// (`result`), within kOutcomeReach words and not before `begin`. Talks that
// only discussed a deal (وناقش الاجتماع تطبيق الاتفاق) made none.
bool MeetingEndedIn(const DocIndex& ix, std::uint32_t first, std::uint32_t begin) {
  const std::uint32_t from = first > begin + kOutcomeReach ? first - kOutcomeReach : begin;
  const std::optional<std::uint32_t> meeting = FirstCueIn(ix, CueClass::kMeeting, from, first);
  return meeting && DefiniteToken(ix, *meeting) &&
         (CueInRange(ix, CueClass::kOutcome, from, first) ||
          CueInRange(ix, CueClass::kResult, from, first));
}

// True when a definite agreement noun is what a meeting ended in
// (الاجتماع انتهى بالاتفاق على إعادة تفعيل جيش الفتح): a new agreement, not one
// told before.
bool OutcomeOfTheMeeting(const DocIndex& ix, const Trigger& row, std::uint32_t first,
                         std::uint32_t begin) {
  return IsAgreement(row) && MeetingEndedIn(ix, first, begin);
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

// Triggers of the sentence that are not part of a name (تحرير in هيئة تحرير الشام),
// not negated (لم تقصف) and not a purpose (لصد تقدم).
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

// True when [from, to) says the attack came from the air: an aircraft (طائرات،
// مروحيات، براميل) or the word "aerial" (جوي، الجو).
bool AirCueIn(const DocIndex& ix, std::uint32_t from, std::uint32_t to) {
  return CueInRange(ix, CueClass::kAir, from, to) || CueInRange(ix, CueClass::kAircraft, from, to);
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

// True when the trigger is a noun in its definite reading (الاشتباكات، التفجير).
bool DefiniteNoun(const DocIndex& ix, const TriggerHit& head) {
  return !head.row->verb && DefiniteWord(ix, head);
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

// True when every trigger of the frame is a bombardment word (قصف، استهدف).
bool OnlyBombardment(const Frame& frame) {
  return std::all_of(frame.hits.begin(), frame.hits.end(),
                     [](const TriggerHit& h) { return h.row->cls == TriggerClass::kExplosion; });
}

// True when the frame's window names an air or ground weapon.
bool NamesAWeapon(const DocIndex& ix, const Frame& frame) {
  return AirCueIn(ix, frame.window_begin, frame.window_end) ||
         CueInRange(ix, CueClass::kGround, frame.window_begin, frame.window_end);
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

// Groups triggers into frames and gives each frame its window of the sentence.
std::vector<Frame> BuildFrames(const DocIndex& ix, std::vector<TriggerHit> hits,
                               std::uint32_t begin, std::uint32_t end, bool follows_bombardment) {
  // A strong word that recalls the past (كانوا قضوا في المعارك، في وقت سابق
  // باشتباكات) does not silence the weak words that report today.
  const auto recalled = [&](const TriggerHit& h) {
    const std::uint32_t from = h.first > begin + kRecallReach ? h.first - kRecallReach : begin;
    return CueInRange(ix, CueClass::kBackground, from, h.first);
  };
  // A strong word silences the weak ones of its own clause only: after
  // "، بينما" the writer tells another event.
  const auto clause_of = [&](const TriggerHit& h) {
    return ContrastBetween(ix, hits, begin, h.first, end).value_or(begin);
  };
  // Each silencing word's clause, and where the first such word of the
  // clause starts.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> strong_clauses;
  for (const TriggerHit& h : hits) {
    if (h.row->strong && h.row->cls != TriggerClass::kKilling && !h.anaphoric && !recalled(h)) {
      strong_clauses.emplace_back(clause_of(h), h.first);
    }
  }
  std::sort(strong_clauses.begin(), strong_clauses.end());
  // What a verb of agreement allows or ends is told after it (سمحت للولايات
  // المتحدة باستخدام القواعد في شن غارات; وافقت على وقف القصف): a strong word
  // after the verb is its content, which does not silence it. A noun (تبادل)
  // is no such verb: تبادل خطير لإطلاق النار is fighting.
  const auto has_strong = [&](const TriggerHit& weak) {
    const std::uint32_t clause = clause_of(weak);
    const auto first = std::lower_bound(strong_clauses.begin(), strong_clauses.end(),
                                        std::make_pair(clause, std::uint32_t{0}));
    if (first == strong_clauses.end() || first->first != clause) return false;
    return !(IsAgreement(*weak.row) && weak.row->verb) || first->second < weak.first;
  };
  // A killing is the outcome of the other triggers when there are any. A word
  // that points back to an event told before is its cause only before it
  // (هذه البراميل بمقتل 368); after it, the event is what the killing answers
  // (قتل شرطيين ... ردا على الهجوم الانتحاري).
  const auto outcome = [&](const TriggerHit& killing) {
    return std::any_of(hits.begin(), hits.end(), [&](const TriggerHit& h) {
      return h.row->cls != TriggerClass::kKilling && (!h.anaphoric || h.first < killing.first);
    });
  };
  // A blast "as a result of" a bombardment told after it is what the
  // bombardment did (انفجارات قوية هزت ريف دير الزور جراء استهداف طائرات التحالف).
  const auto caused = [&](const TriggerHit& blast) {
    return std::any_of(hits.begin(), hits.end(), [&](const TriggerHit& h) {
      return h.first > blast.end && h.row->cls != TriggerClass::kBlast &&
             EventTypeKey(*h.row) == EventTypeKey(*blast.row) &&
             CueInRange(ix, CueClass::kCause, blast.end, h.first);
    });
  };
  // A weak noun right after a killing of its own and before a place of its
  // own (وقتل ضابطا شرطة في هجوم استهدفهما بمدينة شانلي أورفا) reports what
  // killed them there: beyond a place, another event than the strong one.
  const auto own_toll = [&](const TriggerHit& weak) {
    const std::uint32_t scene_end = std::min(end, weak.end + kOwnTollReach + 2);
    return NewPlaceIn(ix, begin, weak.end, scene_end) &&
           std::any_of(hits.begin(), hits.end(), [&](const TriggerHit& k) {
             return k.row->cls == TriggerClass::kKilling && k.end <= weak.first &&
                    weak.first - k.end <= kOwnTollReach && PlaceApart(ix, k, hits);
           });
  };
  std::vector<Frame> frames;
  for (const TriggerHit& h : hits) {
    if (h.row->cls == TriggerClass::kKilling && outcome(h)) continue;
    if (h.row->cls == TriggerClass::kBlast && caused(h)) continue;
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
    if (!h.row->strong && has_strong(h) &&
        !((h.row->verb || own_toll(h)) && PlaceApart(ix, h, hits)) && !Answered(ix, h) &&
        !h.row->agent_after) {
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
  // A weak frame with no actor or place in its window is talk, not an event;
  // a weak bombardment word (استهدف، الضربات) needs a weapon: an air or ground
  // cue, or a bombardment just reported that it goes on describing.
  std::erase_if(frames, [&](Frame& fr) {
    // Handing over bodies or prisoners (تسليم جثث قتلى للنظام، تسليم 30 جثة،
    // إعادة الأسرى) is an exchange, no transfer of territory.
    const TriggerHit& head = fr.head();
    if (IsHandover(ix, *head.row, head.first)) {
      for (std::uint32_t t = head.end; t < std::min(fr.window_end, head.end + 2); ++t) {
        if (ix.Cue(t, CueClass::kDeath) || ix.Cue(t, CueClass::kCaptives)) return true;
      }
    }
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
  });
  return frames;
}

// True when a cue of class c stands within `reach` words before `token`, with
// no name between; the quotes around a name (مقاتلين من «النصرة») are no words.
bool CueBefore(const DocIndex& ix, std::uint32_t token, std::uint32_t floor, CueClass c,
               std::uint32_t reach = kCueReach) {
  std::uint32_t words = 0;
  for (std::uint32_t t = token; t > floor && words < reach;) {
    --t;
    if (IsPunct(ix, t, "\"")) continue;
    ++words;
    if (ix.Cue(t, c)) return true;
    if (ix.mention_at[t] != kNone) return false;
  }
  return false;
}

struct SubjectObject {
  std::int32_t subject = kNone;
  std::int32_t object = kNone;  // set only when word order shows it
};

// The sides of a verb of the frame's own event type that stands between two
// names before a noun trigger (X استهدفوا Y بضربات): the name just before the
// verb is its subject and the name just after it the object (SVO). With no
// name before, the name after may be the verb's subject or, after a verbal
// noun (لمهاجمة الدواعش), its object: word order alone does not tell.
SubjectObject SidesOfVerb(const DocIndex& ix, const Frame& frame,
                          const std::vector<std::int32_t>& free_actors) {
  const TriggerHit& head = frame.head();
  for (const TriggerHit& v : frame.verbs) {
    if (v.end > head.first || EventTypeKey(*v.row) != EventTypeKey(*head.row)) continue;
    std::int32_t before = kNone, after = kNone;
    for (const std::int32_t a : free_actors) {
      const Mention& m = ix.mention(a);
      if (m.end_token <= v.first && v.first - m.end_token <= kSvoGap) before = a;
      if (after == kNone && m.first_token >= v.end && m.first_token - v.end <= 1 &&
          m.end_token <= head.first) {
        after = a;
      }
    }
    if (before != kNone && after != kNone && ix.mention(before).id != ix.mention(after).id) {
      return {before, after};
    }
  }
  return {};
}

// The subject by word order: after a verb (VSO) or as the genitive agent of a
// verbal noun (قصف قوات النظام), else the subject of a verb of the same event
// before the trigger, else the nearest name before the trigger (SVO).
SubjectObject SubjectOf(const DocIndex& ix, const Frame& frame,
                        const std::vector<std::int32_t>& free_actors) {
  const TriggerHit& head = frame.head();
  for (const std::int32_t a : free_actors) {
    const std::uint32_t first = ix.mention(a).first_token;
    if (first >= head.end && first < head.end + kSubjectReach) return {a, kNone};
  }
  const SubjectObject sides = SidesOfVerb(ix, frame, free_actors);
  if (sides.subject != kNone) return sides;
  std::int32_t before = kNone;
  for (const std::int32_t a : free_actors) {
    if (ix.mention(a).end_token <= head.first) before = a;
  }
  return {before, kNone};
}

// A frame whose event has a second party by nature (an attack, a clash, an
// arrest, a deal); a group's own change or new base has none unless a cue names it.
bool OpposedFrame(const Frame& frame) {
  const SubEventType t = frame.head().row->fixed;
  return t != SubEventType::kChangeToGroupActivity &&
         t != SubEventType::kHeadquartersOrBaseEstablished && t != SubEventType::kOther;
}

// The first token of the "(suspected of) belonging to" run right before the
// name at `first` (past a lam written apart and quotes), if there is one.
std::optional<std::uint32_t> AffiliationRunBefore(const DocIndex& ix, std::uint32_t first) {
  std::uint32_t t = first;
  while (t > 0 && (IsPunct(ix, t - 1, "\"") || IsWord(ix, t - 1, kLam))) --t;
  const std::uint32_t name = t;
  while (t > 0 && ix.Cue(t - 1, CueClass::kAffiliation)) --t;
  if (t == name || t == 0) return std::nullopt;
  return t;
}

// True when the actor named at token `first` is the body a group just named
// belongs to (الفرقة الأولى الساحلية التابعة للجيش السوري الحر): its parent
// takes no side. After a place or people (أحياء تابعة لقوات النظام) the same
// word names whose they are, a side.
bool ParentOfNamedGroup(const DocIndex& ix, std::uint32_t first) {
  const std::optional<std::uint32_t> run = AffiliationRunBefore(ix, first);
  if (!run) return false;
  const std::int32_t before = ix.mention_at[*run - 1];
  return before != kNone && ix.mention(before).kind == MentionKind::kActor;
}

// True when two actors belong to one camp of camps.tsv.
bool SameCamp(const DocIndex& ix, const std::string& a, const std::string& b) {
  const Camp* ca = ix.lexicon->CampOf(a);
  const Camp* cb = ix.lexicon->CampOf(b);
  return ca != nullptr && cb != nullptr && ca->name == cb->name;
}

// True when actor mention b follows a joined by و alone (مقاتلو المعارضة
// وجبهة النصرة): one side of the event, named twice.
bool Coordinated(const DocIndex& ix, std::int32_t a, std::int32_t b) {
  // A quote closing the first name stands between them (“جبهة النصرة” والفصائل).
  std::uint32_t end = ix.mention(a).end_token;
  if (end < ix.mention(b).first_token && IsPunct(ix, end, "\"")) ++end;
  return ix.mention(b).first_token == end && StartsWithConjunction(ix, ix.mention(b).first_token) &&
         ix.mention(a).id != ix.mention(b).id;
}

// True when a count of some of a group's members stands between trigger head
// and the group's name at token `first`, with no other name between (إعدام
// عنصرين من الشرطة، خطف ثمانية مقاتلين من الفرقة 30).
bool CountedAfterTrigger(const DocIndex& ix, const TriggerHit& head, std::uint32_t first) {
  if (first <= head.end + 1 || first - head.end > kSubjectReach) return false;
  if (!IsWord(ix, first - 1, kOf)) return false;
  bool counted = false;
  for (std::uint32_t t = head.end; t + 1 < first; ++t) {
    if (ix.mention_at[t] != kNone) return false;
    counted = counted || ix.count_at[t] != 0 || ix.number_at[t] != kNone;
  }
  return counted;
}

// The first token of a name at or after t, past a lam written apart and a
// quote (لـ«الكردستاني»).
std::uint32_t NameAfterLam(const DocIndex& ix, std::uint32_t t) {
  const std::size_t n = ix.text->tokens.size();
  while (t < n && (IsPunct(ix, t, "\"") || IsWord(ix, t, kLam))) ++t;
  return t;
}

// True when mention a is unnamed gunmen whose group is named right after
// "of" (في، من) or "belonging to".
bool GunmenOfANamedGroup(const DocIndex& ix, std::int32_t a) {
  const Mention& m = ix.mention(a);
  if (m.id != kUnidentifiedId) return false;
  const std::uint32_t of = m.end_token;
  const std::size_t n = ix.text->tokens.size();
  if (of >= n) return false;
  // "Suspected of belonging to" is one affiliation (مسلحون يشتبه في أنهم
  // تابعون لـ«الكردستاني»).
  std::uint32_t name = of;
  while (name < n && ix.Cue(name, CueClass::kAffiliation)) ++name;
  if (name == of && (IsWord(ix, of, kOf) || IsWord(ix, of, kIn))) ++name;
  if (name == of) return false;
  name = NameAfterLam(ix, name);
  if (name >= n) return false;
  const std::int32_t next = ix.mention_at[name];
  return next != kNone && ix.mention(next).kind == MentionKind::kActor &&
         ix.mention(next).id != kCiviliansId;
}

// True when the name at `first` says whose an unnamed attacker is: a suicide
// bomber or gunmen right before "belonging to" (انتحاري يشتبه في أنه ينتمي
// لتنظيم داعش، مسلحون تابعون لـ«الكردستاني»). The group is the attacker.
bool AttackersGroup(const DocIndex& ix, const Frame& frame, std::uint32_t first) {
  const std::optional<std::uint32_t> run = AffiliationRunBefore(ix, first);
  if (!run) return false;
  const std::uint32_t t = *run;
  if (ix.Cue(t - 1, CueClass::kSuicide)) return true;
  const std::int32_t before = ix.mention_at[t - 1];
  if (before == kNone || ix.mention(before).id != kUnidentifiedId) return false;
  // Gunmen after the verb and another name are its object, not its subject
  // (قصفت طائرات التحالف مسلحين يشتبه في أنهم ينتمون إلى تنظيم داعش).
  const std::uint32_t gunmen = ix.mention(before).first_token;
  const std::uint32_t head_end = frame.head().end;
  return gunmen < head_end || MentionsIn(ix, MentionKind::kActor, head_end, gunmen).empty();
}

// True when actor mention a is named as who holds a place (قرية كفر داعل التي
// تسيطر عليها المعارضة المسلحة): ACLED codes a bombardment of a held town
// without a target unless the text names the side it hit.
bool HoldsThePlace(const DocIndex& ix, std::int32_t a) {
  return CueBefore(ix, ix.mention(a).first_token, 0, CueClass::kHolder, kHolderReach);
}

// True when the name is the subject of a verb of reacting (ندد الرئيس التركي
// رجب طيب أردوغان بالهجوم الانتحاري، وعدت الحكومة التركية … غداة هجوم
// انتحاري): who condemns or promises is no side of the event.
bool Reacts(const DocIndex& ix, const Frame& frame, std::int32_t a) {
  const std::uint32_t begin = frame.window_begin;
  const Mention& m = ix.mention(a);
  // The subject after its verb, past a title (ندد الرئيس التركي رجب طيب أردوغان);
  // not a name after the event it condemns (أدان الائتلاف قصف قوات النظام).
  for (std::uint32_t k = 1; k <= kReactorReach && m.first_token >= begin + k; ++k) {
    const std::uint32_t t = m.first_token - k;
    if (ix.Cue(t, CueClass::kReaction)) return true;
    const bool other_name = ix.mention_at[t] != kNone && ix.mention(ix.mention_at[t]).id != m.id;
    if (ix.text->tokens[t].kind == text::TokenKind::kPunct || other_name ||
        std::any_of(frame.hits.begin(), frame.hits.end(),
                    [&](const TriggerHit& h) { return t >= h.first && t < h.end; })) {
      break;
    }
  }
  return ix.Cue(m.end_token, CueClass::kReaction);
}

// Where in [from, to) a "had" opens history told to explain a name (…، حيث
// كانت جماعة الجولاني معروفة حتى قطعت علاقاتها مع تنظيم القاعدة), or `to`. A
// "had" right after "which, who" describes a name of the report instead
// (مدينة تدمر التي كان تنظيم الدولة يسيطر عليها: the side that lost it).
std::uint32_t HistoryOpensAt(const DocIndex& ix, std::uint32_t from, std::uint32_t to) {
  for (std::uint32_t t = from; t < to; ++t) {
    if (ix.Cue(t, CueClass::kPluperfect) && !(t > 0 && ix.Cue(t - 1, CueClass::kRelative))) {
      return t;
    }
  }
  return to;
}

// True when the name comes after the trigger and a "had" after it: it is in
// history told to explain a name (أحبط هجوما من قبل جبهة النصرة، حيث كانت
// جماعة الجولاني معروفة حتى قطعت علاقاتها مع تنظيم القاعدة), no side.
bool ToldAsHistory(const DocIndex& ix, const Frame& frame, std::int32_t a) {
  const std::uint32_t first = ix.mention(a).first_token;
  const std::uint32_t after = frame.head().end;
  // "Between X, who were …, and Y" still names the sides.
  return first > after && HistoryOpensAt(ix, after, first) < first &&
         !CueInRange(ix, CueClass::kBetween, after, first);
}

// True when the name `m` reads as feminine: its first word ends in ة or ات
// (الشرطة، السلطات، جبهة النصرة، القوات), or in ا as a country's name does
// (تركيا، روسيا).
bool FeminineName(const DocIndex& ix, const Mention& m) {
  static constexpr std::string_view kAlef = "\xD8\xA7";            // U+0627
  static constexpr std::string_view kAlefTa = "\xD8\xA7\xD8\xAA";  // U+0627 U+062A
  const std::string_view word = ix.text->norm.View(ix.text->tokens[m.first_token].norm);
  return word.ends_with(kHeh) || word.ends_with(kAlefTa) || word.ends_with(kAlef);
}

// True when the name, the subject of a verb of saying, speaks of what another
// did: before "that he" when it is feminine (قالت السلطات التركية إنه فجر
// نفسه), or before "that she" when it is masculine, with the trigger after. A
// pronoun that agrees (أعلنت جبهة النصرة أنها خطفت) is the speaker claiming
// its own act: it stays a side. A bare "that" says nothing of who acted:
// armies claim their own strikes with it (قال الجيش إن طائرات حربية قصفت).
bool SpeaksOfAnother(const DocIndex& ix, const Frame& frame, std::int32_t a) {
  const Mention& m = ix.mention(a);
  const std::uint32_t head = frame.head().first;
  if (m.end_token >= head) return false;
  // The subject of a verb of saying (قالت، أشارت، أعلنت) right before it.
  const std::uint32_t from = m.first_token > frame.window_begin + kReactorReach
                                 ? m.first_token - kReactorReach
                                 : frame.window_begin;
  if (!CueInRange(ix, CueClass::kReport, from, m.first_token)) return false;
  const bool feminine = FeminineName(ix, m);
  for (std::uint32_t t = m.end_token; t < head; ++t) {
    if (ix.Cue(t, CueClass::kThatHe)) return feminine;
    if (ix.Cue(t, CueClass::kThatShe)) return !feminine;
  }
  return false;
}

// True when the name at `first` follows a members word (عناصر، مقاتلين), or a
// count and "of", that a death word shortly before counts (مقتل 25 عنصرا من
// تنظيم داعش، مقتل العشرات من قوات النظام).
bool MembersOfTheDead(const DocIndex& ix, const Frame& frame, std::uint32_t first) {
  // A count and "of" stand for the members word (مقتل العشرات من قوات النظام).
  const bool counted = first >= frame.window_begin + 2 && IsWord(ix, first - 1, kOf) &&
                       (ix.number_at[first - 2] != kNone || ix.count_at[first - 2] != 0);
  if (!counted && !CueBefore(ix, first, frame.window_begin, CueClass::kMembers)) return false;
  const std::uint32_t from =
      std::max(frame.window_begin, first > kVictimReach ? first - kVictimReach : 0);
  return CueInRange(ix, CueClass::kDeath, from, first);
}

// True when a death word counts the dead shortly before actor mention a
// (قتل 28 عنصرا على الاقل من الفصائل المقاتلة وداعش): the dead of a pair.
bool DeadOfBoth(const DocIndex& ix, const Frame& frame, std::int32_t a) {
  const std::uint32_t first = ix.mention(a).first_token;
  const std::uint32_t from =
      std::max(frame.window_begin, first > kVictimReach + 2 ? first - kVictimReach - 2 : 0);
  return CueInRange(ix, CueClass::kDeath, from, first);
}

// The other side of "between" for the side actors[k]: a name of another camp
// joined to it by و alone (بين الجيش اللبناني ومسلحين), else the next name
// of another known camp (camps.tsv), else the next name with another id.
std::int32_t OtherSide(const DocIndex& ix, const std::vector<std::int32_t>& actors, std::size_t k) {
  const std::string& side = ix.mention(actors[k]).id;
  const Camp* camp = ix.lexicon->CampOf(side);
  // "On one side" closes the first side's list (بين فصائل المعارضة وجبهة النصرة
  // من جهة وقوات النظام من جهة أخرى): the other side is named after it.
  std::size_t from = k + 1;
  for (std::size_t j = k + 1; j < actors.size(); ++j) {
    const std::uint32_t gap_from = ix.mention(actors[j - 1]).end_token;
    if (CueInRange(ix, CueClass::kSideMarker, gap_from, ix.mention(actors[j]).first_token)) {
      from = j;
      break;
    }
  }
  std::int32_t other_id = kNone;
  for (std::size_t j = from; j < actors.size(); ++j) {
    const std::string& id = ix.mention(actors[j]).id;
    if (id == side) continue;
    if (from > k + 1) return actors[j];
    if (j == k + 1 && Coordinated(ix, actors[k], actors[j]) && !SameCamp(ix, id, side)) {
      return actors[j];
    }
    const Camp* c = ix.lexicon->CampOf(id);
    if (camp == nullptr || (c != nullptr && c->name != camp->name)) return actors[j];
    if (other_id == kNone && !SameCamp(ix, id, side)) other_id = actors[j];
  }
  return other_id;
}

// True when "by" before a name after the trigger belongs to what a report
// after the trigger said (أعلن تنظيم داعش عن نصب كمين …، وقال إنه أوقع خسائر
// …، ولكن دون تعليق عما حصل من قبل جبهة النصرة): a reporting verb, then a
// comma, lie between the trigger and the "by". Not an aside closed right
// before it (لقصف، بحسب ناشطين، من قبل قوات النظام), nor a report that the
// trigger's event was done by it (وأكدت مصادر أنه نفذ من قبل …).
bool ReportedAfterTheTrigger(const DocIndex& ix, const Frame& frame, std::uint32_t name) {
  const std::uint32_t trigger_end = frame.head().end;
  if (name <= trigger_end) return false;
  std::uint32_t by = name;  // the first word of "by"
  while (by > trigger_end && !ix.Cue(by - 1, CueClass::kAgent)) --by;
  while (by > trigger_end && ix.Cue(by - 1, CueClass::kAgent)) --by;
  const std::optional<std::uint32_t> report = FirstCueIn(ix, CueClass::kReport, trigger_end, by);
  if (!report || by == trigger_end || IsPunct(ix, by - 1, ",")) return false;
  return CommaFrom(ix, *report, by) < by;
}

// True when the name is written with the preposition ل joined to it or
// standing apart before it (لحركة نور الدين الزنكي، لـ«داعش»): whom a
// handover gives to.
bool GivenTo(const DocIndex& ix, std::int32_t a) {
  const Mention& m = ix.mention(a);
  if (m.name_span.begin.value > m.original.begin.value) {
    const std::string_view proclitics =
        std::string_view(ix.doc->text)
            .substr(m.original.begin.value, m.name_span.begin.value - m.original.begin.value);
    if (proclitics.find(kLam) != std::string_view::npos) return true;
  }
  std::uint32_t t = m.first_token;
  while (t > 0 && IsPunct(ix, t - 1, "\"")) --t;
  return t > 0 && IsWord(ix, t - 1, kLam);
}

// True when the name after a handover is who receives it: written with ل
// (إعادة بعض المناطق لحركة نور الدين الزنكي), not "belonging to" (تابعين
// لحركة), or after "into the control of" (سلم مدينة الطبقة لسيطرة قوات سوريا
// الديمقراطية).
bool Receives(const DocIndex& ix, const Frame& frame, std::int32_t a) {
  const std::uint32_t first = ix.mention(a).first_token;
  if (CueBefore(ix, first, frame.window_begin, CueClass::kToControl, 1)) return true;
  return GivenTo(ix, a) && !CueBefore(ix, first, frame.window_begin, CueClass::kAffiliation, 2);
}

// True when a holder named after عند، لدى is the one whose holding a
// handover gives back: named in what the trigger hands over, after it, or
// the last name before it (معتقلي الأحرار عند الهيئة، بالإضافة إلى إعادة …);
// not a name a subject of the trigger's own stands after (وقال قيادي لدى
// حركة أحرار الشام إن هيئة تحرير الشام سلمت النقاط).
bool HoldsWhatIsHandedOver(const DocIndex& ix, const Frame& frame, std::int32_t a) {
  const Mention& m = ix.mention(a);
  if (m.first_token >= frame.head().end) return true;
  return MentionsIn(ix, MentionKind::kActor, m.end_token, frame.head().first).empty();
}

Roles AssignActors(const DocIndex& ix, const Frame& frame) {
  Roles roles;
  std::vector<std::int32_t> actors =
      MentionsIn(ix, MentionKind::kActor, frame.window_begin, frame.window_end);
  const bool bombardment =
      EventTypeKey(*frame.head().row) == EventTypeOf(SubEventType::kShellingArtilleryMissileAttack);
  const bool arrest = frame.head().row->cls == TriggerClass::kFixed &&
                      frame.head().row->fixed == SubEventType::kArrests;
  // "Gunmen of the organisation" (مسلحون في تنظيم داعش، مسلحين من النصرة) are
  // that organisation's men: the group named after them is the side.
  std::erase_if(actors, [&](std::int32_t a) {
    // People arrested are suspects, no side (ستة أشخاص).
    if (arrest && ix.mention(a).id == kCiviliansId) return true;
    return GunmenOfANamedGroup(ix, a) || (bombardment && HoldsThePlace(ix, a)) ||
           Reacts(ix, frame, a) || SpeaksOfAnother(ix, frame, a) || ToldAsHistory(ix, frame, a);
  });
  const bool handover = IsHandover(ix, *frame.head().row, frame.head().first);
  std::int32_t agent = kNone, between_first = kNone, between_second = kNone, target = kNone,
               victim = kNone, holder = kNone;
  std::vector<std::int32_t> free_actors;
  for (std::size_t k = 0; k < actors.size(); ++k) {
    const std::int32_t a = actors[k];
    const std::uint32_t first = ix.mention(a).first_token;
    const bool named_by_trigger =
        std::any_of(frame.hits.begin(), frame.hits.end(),
                    [&](const TriggerHit& h) { return h.first == first; });
    // اعتقل ستة أشخاص للاشتباه بانتمائهم لتنظيم داعش: the detainees' group
    // is the side arrested, not an attacker.
    const bool detainees_group = arrest && AffiliationRunBefore(ix, first);
    if (!detainees_group && (named_by_trigger || AttackersGroup(ix, frame, first))) {
      // الغارات الأميركية: the strikes name who made them.
      if (agent == kNone) agent = a;
      // The order of the tests decides the role: "with X" and a parent body
      // make an associate before any other role, a second name joined by و
      // only after agent and between; so two branches add an associate.
    } else if (CueBefore(ix, first, frame.window_begin, CueClass::kWith) ||
               ParentOfNamedGroup(ix, first)) {  // NOLINT(bugprone-branch-clone)
      roles.assoc.push_back(a);
    } else if (CueBefore(ix, first, frame.window_begin, CueClass::kAgent, kAgentReach)) {
      // "By X" follows the trigger it belongs to: before this frame's head,
      // right after the previous frame's trigger, it is that trigger's (قصف من
      // قبل الفصائل على مناطق النظام وقصف من الطيران المروحي).
      const bool previous_trigger_s = frame.after_trigger && first < frame.head().first;
      if (agent == kNone && !previous_trigger_s && !ReportedAfterTheTrigger(ix, frame, first)) {
        agent = a;
      }
    } else if (handover && CueBefore(ix, first, frame.window_begin, CueClass::kHeldBy, 1) &&
               HoldsWhatIsHandedOver(ix, frame, a)) {
      // معتقلي الأحرار عند الهيئة، بالإضافة إلى إعادة بعض المناطق: who holds
      // what is handed back hands it back; only "by X" says otherwise.
      if (holder == kNone) holder = a;
    } else if (CueBefore(ix, first, frame.window_begin, CueClass::kBetween)) {
      between_first = a;
      // The other side is the next other name: "between the Syrian forces
      // belonging to the regime and the FSA" names the regime twice. A second
      // "between" pairs its own sides.
      // Nor are its allies named with it (بين قوات النظام و«حزب الله» وجيش
      // التحرير الفلسطيني من جهة، والفصائل): the other side is the next name
      // of another known camp, else the next other name.
      between_second = OtherSide(ix, actors, k);
    } else if (a == between_second ||
               (k > 0 && Coordinated(ix, actors[k - 1], a) &&
                (actors[k - 1] == target || actors[k - 1] == victim) &&
                SameCamp(ix, ix.mention(actors[k - 1]).id, ix.mention(a).id))) {
      // Paired already, or the side hit named twice (قتل العشرات من قوات
      // النظام والحرس الجمهوري).
      continue;
    } else if (k > 0 && Coordinated(ix, actors[k - 1], a) && actors[k - 1] != target &&
               actors[k - 1] != victim) {
      // شنه مقاتلو المعارضة وجبهة النصرة: X وY outside بين act together; the
      // dead of X وY (مقتل 28 من الفصائل وداعش) are both sides.
      roles.assoc.push_back(a);
    } else if (detainees_group || CueBefore(ix, first, frame.window_begin, CueClass::kTarget) ||
               (handover && first >= frame.head().end && Receives(ix, frame, a))) {
      if (target == kNone) target = a;
    } else if (MembersOfTheDead(ix, frame, first) || CountedAfterTrigger(ix, frame.head(), first)) {
      // مقتل 25 عنصرا من X; إعدام عنصرين من الشرطة، خطف ثمانية مقاتلين من
      // الفرقة: the group whose members died or were counted is the victim.
      if (victim == kNone) victim = a;
    } else {
      free_actors.push_back(a);
    }
  }
  const TriggerHit& head = frame.head();
  bool exposed = false;
  for (std::uint32_t k = 1; k <= kExposedReach && head.first >= frame.window_begin + k; ++k) {
    exposed = exposed || ix.Cue(head.first - k, CueClass::kExposed);
  }
  if (exposed && agent == kNone) {
    // تعرضت X لقصف من Y: X is the target, the name after the trigger the attacker.
    for (const std::int32_t a : free_actors) {
      if (ix.mention(a).first_token >= head.end) {
        agent = a;
        break;
      }
    }
    for (const std::int32_t a : free_actors) {
      if (ix.mention(a).end_token <= head.first && target == kNone) target = a;
    }
    std::erase_if(free_actors, [&](std::int32_t a) { return a == agent || a == target; });
  }
  if (agent != kNone) {
    roles.actor1 = agent;
  } else if (between_first != kNone) {
    roles.actor1 = between_first;
  } else {
    const SubjectObject so = SubjectOf(ix, frame, free_actors);
    roles.actor1 = holder != kNone ? holder : so.subject;
    if (target == kNone) target = so.object;
  }
  for (const std::int32_t candidate : {between_second, target, victim}) {
    if (candidate != kNone && candidate != roles.actor1) {
      roles.actor2 = candidate;
      break;
    }
  }
  if (roles.actor2 == kNone && OpposedFrame(frame)) {
    for (const std::int32_t a : free_actors) {
      if (roles.actor1 == kNone || ix.mention(a).id != ix.mention(roles.actor1).id) {
        roles.actor2 = a;
        break;
      }
    }
  }
  if (roles.actor1 != kNone && roles.actor2 != kNone &&
      ix.mention(roles.actor1).id == ix.mention(roles.actor2).id) {
    roles.actor2 = kNone;
  }
  // "Between the two sides" (قتل 28 عنصرا من الفصائل المقاتلة وداعش في
  // اشتباكات بين الطرفين): the two names joined by و are the sides, not allies.
  if (roles.actor1 != kNone && roles.actor2 == kNone && !roles.assoc.empty() &&
      CueInRange(ix, CueClass::kBothSides, frame.window_begin, frame.window_end) &&
      DeadOfBoth(ix, frame, roles.actor1)) {
    roles.actor2 = roles.assoc.front();
    roles.assoc.erase(roles.assoc.begin());
  }
  // Two actors of one cohesive camp fight together: the second is an associate.
  if (roles.actor1 != kNone && roles.actor2 != kNone) {
    const Camp* c1 = ix.lexicon->CampOf(ix.mention(roles.actor1).id);
    const Camp* c2 = ix.lexicon->CampOf(ix.mention(roles.actor2).id);
    if (c1 != nullptr && c2 != nullptr && c1->cohesive && c1->name == c2->name) {
      roles.assoc.push_back(roles.actor2);
      roles.actor2 = kNone;
    }
  }
  return roles;
}

bool IsState(const Mention& m) { return m.inter == 1; }

SubEventType ResolveHit(const DocIndex& ix, const Frame& frame, const TriggerHit& hit,
                        const Roles& roles) {
  // The weapon is named next to the trigger (قصف الطيران الحربي، قصف مدفعي،
  // بالبراميل): cues further away in a long clause describe other attacks.
  std::uint32_t b =
      std::max(frame.window_begin, hit.first > kWeaponReach ? hit.first - kWeaponReach : 0);
  // Nor before the comma that opens the trigger's clause (قصف الطيران الحربي على
  // مناطق الاشتباك، فيما قصفت قوات النظام الحولة: no aircraft in the second).
  for (std::uint32_t t = hit.first; t > b; --t) {
    if (IsPunct(ix, t - 1, ",")) {
      b = t;
      break;
    }
  }
  const std::uint32_t e = std::min(frame.window_end, hit.end + kWeaponReach);
  switch (hit.row->cls) {
    case TriggerClass::kFixed:
      // Violence on civilians by aircraft is an air strike (ACLED codes the
      // remote weapon: مجزرة نفذتها طائرات النظام المروحية).
      if (hit.row->fixed == SubEventType::kAttack && AirCueIn(ix, b, e)) {
        return SubEventType::kAirDroneStrike;
      }
      return hit.row->fixed;
    case TriggerClass::kExplosion:
      if (AirCueIn(ix, b, e)) return SubEventType::kAirDroneStrike;
      return SubEventType::kShellingArtilleryMissileAttack;
    case TriggerClass::kBlast:
      if (CueInRange(ix, CueClass::kSuicide, b, e)) return SubEventType::kSuicideBomb;
      return SubEventType::kRemoteExplosiveLandmineIed;
    case TriggerClass::kTerritory:
      if (roles.actor1 != kNone && IsState(ix.mention(roles.actor1))) {
        return SubEventType::kGovernmentRegainsTerritory;
      }
      return SubEventType::kNonStateActorOvertakesTerritory;
    case TriggerClass::kKilling:
      if (CueInRange(ix, CueClass::kCivilian, b, e)) return SubEventType::kAttack;
      return SubEventType::kArmedClash;
  }
  return hit.row->fixed;
}

SubEventType ResolveFrame(const DocIndex& ix, const Frame& frame, const Roles& roles) {
  SubEventType best = ResolveHit(ix, frame, frame.head(), roles);
  for (const TriggerHit& h : frame.hits) {
    const SubEventType t = ResolveHit(ix, frame, h, roles);
    if (Specificity(t) > Specificity(best)) best = t;
  }
  if (best == SubEventType::kPeacefulProtest &&
      CueInRange(ix, CueClass::kIntervention, frame.window_begin, frame.window_end)) {
    best = SubEventType::kProtestWithIntervention;
  }
  return best;
}

// The date of the frame: the date expression nearest the trigger in the
// sentence, else the latest one of the two sentences before, else the
// publication date as "within a week" (news reports what happened lately).
// The day the article's lead gives its news (أمس in its first sentences),
// which the body's reports share when they name no day of their own; none
// when the lead names no day within a week of publication.
const text::DateMention* LeadDate(const DocIndex& ix, std::uint32_t sentence_index) {
  const auto& sentences = ix.text->sentences;
  if (!ix.pub_date || sentences.empty() || sentence_index < kLeadSentences) return nullptr;
  const std::uint32_t lead_end = sentences[kLeadSentences - 1].end_token;
  for (const text::DateMention& d : ix.text->dates) {
    if (d.first_token >= lead_end) break;
    if (d.precision != text::DatePrecision::kDay) continue;
    const std::int64_t before = ix.pub_date->ToDays() - d.date.ToDays();
    if (before >= 0 && before <= kLeadDays) return &d;
  }
  return nullptr;
}

// The date expressions that start in [from, to): the reader lists them in
// text order, so a question about one clause does not read the whole article's.
std::span<const text::DateMention> DatesIn(const DocIndex& ix, std::uint32_t from,
                                           std::uint32_t to) {
  const auto& dates = ix.text->dates;
  const auto before = [](const text::DateMention& d, std::uint32_t t) { return d.first_token < t; };
  const auto lo = std::lower_bound(dates.begin(), dates.end(), from, before);
  const auto hi = std::lower_bound(lo, dates.end(), to, before);
  return {lo, hi};
}

// True when [from, to) names a day other than `iso` (الهجوم الذي اوقع اربعة قتلى
// … في 5 حزيران/يونيو): "the attack" there is another one than the event told.
bool OtherDayIn(const DocIndex& ix, std::uint32_t from, std::uint32_t to, const std::string& iso) {
  const auto told = text::CivilDate::FromIso(iso);
  if (!told) return false;
  const auto dates = DatesIn(ix, from, to);
  // A day apart is the same event told again (أمس … مساء الخميس).
  return std::any_of(dates.begin(), dates.end(), [&](const text::DateMention& d) {
    const std::int64_t apart = d.date.ToDays() - told->ToDays();
    return d.precision == text::DatePrecision::kDay &&
           (apart > kRetellingDays || -apart > kRetellingDays);
  });
}

void FillDate(const DocIndex& ix, const text::Sentence& sentence, std::uint32_t sentence_index,
              std::uint32_t trigger, Event* e) {
  const text::DateMention* best = nullptr;
  std::uint32_t best_distance = UINT32_MAX;
  const std::uint32_t floor =
      sentence_index >= 2 ? ix.text->sentences[sentence_index - 2].first_token : 0;
  for (const text::DateMention& d : DatesIn(ix, floor, sentence.end_token)) {
    const bool same = d.first_token >= sentence.first_token;
    // A year told before is the background of the story, not the date of
    // the reports that follow it.
    if (!same && d.precision == text::DatePrecision::kYear) continue;
    // "Since June 25" starts what goes on (تشهد منذ 25 حزيران اشتباكات): the
    // report is of today, not of that day.
    const std::uint32_t lead = d.first_token > kSinceReach ? d.first_token - kSinceReach : 0;
    if (CueInRange(ix, CueClass::kSince, lead, d.first_token)) continue;
    // A year or a month after the trigger and a "had" (أحبط هجوما من قبل
    // جبهة النصرة، حيث كانت … حتى قطعت علاقاتها مع القاعدة في عام 2016) dates
    // what had happened before, told to explain a name; a day or a week (يوم
    // الأحد) still dates the report.
    const bool coarse =
        d.precision == text::DatePrecision::kMonth || d.precision == text::DatePrecision::kYear;
    if (same && d.first_token > trigger && coarse &&
        HistoryOpensAt(ix, trigger, d.first_token) < d.first_token) {
      continue;
    }
    const std::uint32_t distance =
        same ? (d.first_token > trigger ? d.first_token - trigger : trigger - d.first_token)
             : UINT32_MAX - 1 - (d.first_token - floor);
    if (distance <= best_distance) {
      best_distance = distance;
      best = &d;
    }
  }
  if (best == nullptr) best = LeadDate(ix, sentence_index);
  if (best != nullptr && best->precision != text::DatePrecision::kYear) {
    e->date = best->date.ToIso();
    e->time_precision = static_cast<int>(best->precision);
    e->date_span = ix.Original(best->first_token, best->end_token);
  } else if (ix.pub_date) {
    e->date = ix.pub_date->ToIso();
    e->time_precision = 2;
  }
  if (best != nullptr && best->precision == text::DatePrecision::kYear && ix.pub_date &&
      best->date.year < ix.pub_date->year) {
    e->date = best->date.ToIso();
    e->time_precision = 3;
  }
}

EventStatus DecideStatus(const DocIndex& ix, const text::Sentence& sentence, const Frame& frame,
                         const Event& e) {
  const std::uint32_t head = frame.head().first;
  if (CueInRange(ix, CueClass::kDeny, sentence.first_token, head)) return EventStatus::kDenied;
  if (frame.agreed_on || CueInRange(ix, CueClass::kPlanned, frame.window_begin, frame.head().end)) {
    return EventStatus::kPlanned;
  }
  // What a "had" after the trigger tells is history explaining a name, not
  // this event's (… من قبل جبهة النصرة، حيث كانت … حتى قطعت علاقاتها مع
  // القاعدة في عام 2016).
  const std::uint32_t told_end = HistoryOpensAt(ix, frame.head().end, frame.window_end);
  if (CueInRange(ix, CueClass::kBackground, frame.window_begin, told_end)) {
    return EventStatus::kBackground;
  }
  if (ix.pub_date && !e.date.empty()) {
    if (auto d = text::CivilDate::FromIso(e.date)) {
      if (ix.pub_date->ToDays() - d->ToDays() > kBackgroundDays) return EventStatus::kBackground;
    }
  }
  return EventStatus::kCurrent;
}

// Who says so: a reporting or denying verb and the source or actor it
// introduces (أعلنت X، بحسب X، X قالت), within the sentence.
std::vector<Claim> FindClaims(const DocIndex& ix, const text::Sentence& sentence) {
  std::vector<Claim> claims;
  for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
    const bool report = ix.Cue(t, CueClass::kReport);
    const bool deny = ix.Cue(t, CueClass::kDeny);
    if (!report && !deny) continue;
    std::int32_t who = kNone;
    for (std::uint32_t k = t + 1; k < sentence.end_token && k <= t + kSubjectReach; ++k) {
      if (ix.mention_at[k] != kNone && ix.mention(ix.mention_at[k]).kind != MentionKind::kPlace) {
        who = ix.mention_at[k];
        break;
      }
    }
    if (who == kNone && t > sentence.first_token && ix.mention_at[t - 1] != kNone &&
        ix.mention(ix.mention_at[t - 1]).kind != MentionKind::kPlace) {
      who = ix.mention_at[t - 1];
    }
    if (who == kNone) continue;
    const Mention& m = ix.mention(who);
    const std::string source = m.id.empty() ? m.surface : m.id;
    const bool seen = std::any_of(claims.begin(), claims.end(),
                                  [&](const Claim& c) { return c.source == source; });
    if (seen) continue;
    const ByteSpan cue_span = ix.text->tokens[t].original;
    claims.push_back({source, deny ? ClaimStance::kDenies : ClaimStance::kAsserts,
                      std::string(ix.doc->text.substr(cue_span.begin.value, cue_span.size())),
                      m.original});
  }
  return claims;
}

void SetActor(const DocIndex& ix, std::int32_t m, std::string* id, int* inter,
              std::optional<ByteSpan>* span) {
  if (m == kNone) return;
  *id = ix.mention(m).id;
  *inter = ix.mention(m).inter;
  *span = ix.mention(m).original;
}

// Deaths belong to violence; a deal or a protest reported beside them does not own them.
bool Violent(const Event& e) {
  return e.event_type != "Strategic developments" && e.event_type != "Protests";
}

std::string LocationKey(const Event& e);
std::size_t SentenceAt(const DocIndex& ix, std::uint32_t at);
std::uint32_t TokenAtByte(const DocIndex& ix, std::uint32_t at);
bool IsBattle(const Event& e);
void Complete(const Event& later, Event* kept);

// An air strike or a shelling.
bool IsBombardment(const Event& e) {
  return e.sub_event_type == SubEventTypeName(SubEventType::kShellingArtilleryMissileAttack) ||
         e.sub_event_type == SubEventTypeName(SubEventType::kAirDroneStrike);
}

// A bomb set off: an IED or a suicide bombing.
bool IsBombing(const Event& e) {
  return e.sub_event_type == SubEventTypeName(SubEventType::kRemoteExplosiveLandmineIed) ||
         e.sub_event_type == SubEventTypeName(SubEventType::kSuicideBomb);
}

// Leaves the event without its second side.
void ClearActor2(Event* e) {
  e->actor2.clear();
  e->inter2 = 0;
  e->actor2_span = {};
}

// Drops the event's first side: the second, if any, takes its place.
void DropActor1(Event* e) {
  e->actor1 = std::move(e->actor2);
  e->inter1 = e->inter2;
  e->actor1_span = e->actor2_span;
  ClearActor2(e);
}

// Sets an event's sub-type and the event type that holds it.
void Retype(SubEventType sub, Event* e) {
  e->sub_event_type = std::string(SubEventTypeName(sub));
  e->event_type = std::string(EventTypeOf(sub));
}

// A town or ground taken, by the state or by another.
bool IsTaking(const Event& e) {
  return e.sub_event_type == SubEventTypeName(SubEventType::kGovernmentRegainsTerritory) ||
         e.sub_event_type == SubEventTypeName(SubEventType::kNonStateActorOvertakesTerritory);
}

// True when a trigger of this row could have made event e: its fixed
// sub-type, or one its class decides between.
bool CanBe(const Trigger& row, const Event& e) {
  const auto is = [&](SubEventType t) { return e.sub_event_type == SubEventTypeName(t); };
  switch (row.cls) {
    case TriggerClass::kFixed:
      return is(row.fixed);
    case TriggerClass::kExplosion:
      return is(SubEventType::kAirDroneStrike) || is(SubEventType::kShellingArtilleryMissileAttack);
    case TriggerClass::kBlast:
      return is(SubEventType::kSuicideBomb) || is(SubEventType::kRemoteExplosiveLandmineIed);
    case TriggerClass::kTerritory:
      return is(SubEventType::kGovernmentRegainsTerritory) ||
             is(SubEventType::kNonStateActorOvertakesTerritory);
    case TriggerClass::kKilling:
      return is(SubEventType::kAttack) || is(SubEventType::kArmedClash);
  }
  return false;
}

// Events that happen once, so that "the" one told again is the one already
// reported: a suicide bombing, a kidnapping.
bool OneOff(const Event& e) {
  return e.sub_event_type == SubEventTypeName(SubEventType::kSuicideBomb) ||
         e.sub_event_type == SubEventTypeName(SubEventType::kAbductionForcedDisappearance);
}

// True when the name at token `first` is what a verb or a noun was done to,
// or whom something was done with (قصفت قوات النظام مواقع جبهة النصرة،
// اشتباكات مع قوات النظام): no subject that leads others.
bool NamedAsAnObject(const DocIndex& ix, std::uint32_t first) {
  const auto right_before = [&](CueClass c) { return CueBefore(ix, first, 0, c, 1); };
  std::uint32_t t = first;
  if (t > 0 && IsPunct(ix, t - 1, "\"")) --t;
  return right_before(CueClass::kTarget) || right_before(CueClass::kWith) ||
         right_before(CueClass::kBetween) || right_before(CueClass::kMembers) ||
         (t > 0 && IsWord(ix, t - 1, kWithWord));
}

// Every "X with a class of actors" of the document: a group named right
// before a "with" cue, the subject of its clause, and a class of actors
// within a few words after the cue.
std::vector<Coalition> FindCoalitions(const DocIndex& ix) {
  std::vector<Coalition> found;
  const auto k = static_cast<std::size_t>(CueClass::kWith);
  const std::uint32_t n = static_cast<std::uint32_t>(ix.text->tokens.size());
  for (std::uint32_t c = ix.cue_from[k]; c < ix.cue_from[k + 1]; ++c) {
    const std::uint32_t t = ix.cue_tokens[c];
    if (t == 0 || ix.Cue(t - 1, CueClass::kWith)) continue;  // not the phrase's first word
    std::uint32_t before = t - 1;
    while (before > 0 && (IsPunct(ix, before, "\"") || IsPunct(ix, before, ","))) --before;
    const std::int32_t leader = ix.mention_at[before];
    if (leader == kNone || ix.mention(leader).kind != MentionKind::kActor ||
        ix.mention(leader).generic || ix.mention(leader).id.empty() ||
        NamedAsAnObject(ix, ix.mention(leader).first_token)) {
      continue;
    }
    std::uint32_t after = t;
    while (after < n && ix.Cue(after, CueClass::kWith)) ++after;
    for (std::uint32_t u = after; u < n && u < after + kCoalitionMemberReach; ++u) {
      const std::int32_t m = ix.mention_at[u];
      if (m == kNone || ix.mention(m).kind != MentionKind::kActor) continue;
      if (ix.mention(m).generic && ix.mention(m).id != ix.mention(leader).id) {
        const Mention& l = ix.mention(leader);
        found.push_back(
            {static_cast<std::uint32_t>(SentenceAt(ix, ix.text->tokens[t].original.begin.value)), t,
             l.id, l.inter, l.original, ix.mention(m).id});
      }
      break;
    }
  }
  return found;
}

// A bombardment "during the clashes" (cue class `during`: أثناء الاشتباكات
// عمدت قوات النظام إلى قصف المنطقة; `taking_part`: معارك عنيفة يشارك فيها
// سلاحي الجو والمدفعية) with no target named hit the bomber's enemy in the battle told
// in its sentence or the one before, among events[0, before). The cue
// governs its clause: after "، فيما" another report begins (قتل عنصران خلال
// الاشتباكات …، فيما قصفت قوات النظام بلدة كفرزيتا). The bomber's own side is
// itself, its state or its air arm, or a member of its camp when the camp's
// members never fight each other; a bomber that fought on neither side, or
// on both, takes no target.
void HitInTheFighting(const DocIndex& ix, std::uint32_t s, std::uint32_t sentence_first,
                      std::uint32_t head, const std::vector<Event>& events, std::size_t before,
                      Event* e) {
  if (!IsBombardment(*e) || e->actor1.empty() || !e->actor2.empty()) return;
  std::optional<std::uint32_t> cue = FirstCueIn(ix, CueClass::kDuring, sentence_first, head);
  // "Taking part in it" speaks of the event told last before it in its
  // sentence, which must be a battle (معارك عنيفة في محيط البلدة بين …،
  // يشارك فيها سلاح الجو), not talks (المحادثات التي شاركت فيها وفود الدول).
  const bool taking_part = !cue;
  if (taking_part) cue = FirstCueIn(ix, CueClass::kTakingPart, sentence_first, head);
  if (!cue || CueInRange(ix, CueClass::kContrast, *cue, head)) return;
  const Lexicon& lexicon = *ix.lexicon;
  const auto same_side = [&](const std::string& bomber, const std::string& side) {
    if (bomber == side || lexicon.AirArmOf(side) == bomber || lexicon.AirArmOf(bomber) == side) {
      return true;
    }
    const Camp* c = lexicon.CampOf(bomber);
    return c != nullptr && c->cohesive && SameCamp(ix, bomber, side);
  };
  for (std::size_t i = before; i-- > 0;) {
    const Event& battle = events[i];
    if (SentenceAt(ix, battle.evidence.begin.value) + 1 < s) return;
    const bool two_sided = IsBattle(battle) && !battle.actor1.empty() && !battle.actor2.empty();
    if (taking_part) {
      const std::uint32_t word = TokenAtByte(ix, battle.trigger.begin.value);
      if (word >= *cue) continue;  // told after it: the attack taking part itself
      if (word < sentence_first || !two_sided) return;
      // Talks, or another clause, between the battle and "taking part": it
      // is in them (، فيما تستمر المحادثات التي تشارك فيها الوفود).
      if (CueInRange(ix, CueClass::kContrast, word, *cue) ||
          CueInRange(ix, CueClass::kMeeting, word, *cue)) {
        return;
      }
    } else if (!two_sided) {
      continue;
    }
    const bool first = same_side(e->actor1, battle.actor1);
    if (first == same_side(e->actor1, battle.actor2)) continue;  // neither, or both
    const std::string& enemy = first ? battle.actor2 : battle.actor1;
    if (enemy == e->actor1) return;
    e->actor2 = enemy;
    e->inter2 = first ? battle.inter2 : battle.inter1;
    return;
  }
}

class AssemblyRun {
 public:
  AssemblyRun(const Lexicon& lexicon, const DocIndex& ix, std::vector<Event>* out)
      : lexicon_(lexicon), ix_(ix), out_(out), coalitions_(FindCoalitions(ix)) {}

  void Sentence(std::uint32_t s) {
    const text::Sentence& sentence = ix_.text->sentences[s];
    const std::uint32_t begin = std::max(sentence.first_token, sentence.dateline_end_token);
    const std::uint32_t end = sentence.end_token;
    if (begin >= end) return;
    if (sentence.paragraph_start) context_.claims.clear();
    if (IsHeadline(s) || IsQuestion(sentence) || IsStandfirst(s)) return;
    const std::vector<Claim> claims = FindClaims(ix_, sentence);
    if (!claims.empty()) context_.claims = claims;
    const bool follows_bombardment =
        !context_.bombardment.empty() && s <= context_.bombardment_sentence + 2;
    const std::vector<Frame> frames =
        BuildFrames(ix_, TriggersOf(s), begin, end, follows_bombardment);
    for (const Frame& frame : frames) Emit(s, sentence, frame);
    TollOfPointedEvents(s, frames);
    NameTheDoer(s, begin, end);
    const bool reports =
        std::any_of(frames.begin(), frames.end(), [](const Frame& f) { return !f.refers_back; });
    if (!reports) RememberPlace(s, begin, end);
  }

 private:
  // A word that points back and makes no frame (قدرت خسائره في هذا التفجير
  // بأكثر من مائة قتيل) tells the toll of the last event of its type.
  void TollOfPointedEvents(std::uint32_t s, const std::vector<Frame>& frames) {
    const text::Sentence& sentence = ix_.text->sentences[s];
    const ByteOffset sentence_begin = ix_.text->tokens[sentence.first_token].original.begin;
    for (const TriggerHit& h : TriggersOf(s)) {
      if (!h.anaphoric) continue;
      const bool framed = std::any_of(frames.begin(), frames.end(), [&](const Frame& f) {
        return std::any_of(f.hits.begin(), f.hits.end(),
                           [&](const TriggerHit& g) { return g.first == h.first; });
      });
      if (framed) continue;
      auto told = std::find_if(out_->rbegin(), out_->rend(), [&](const Event& e) {
        return e.evidence.end.value <= sentence_begin.value && CanBe(*h.row, e);
      });
      if (told == out_->rend() || !Violent(*told)) continue;
      if (OtherDayIn(ix_, h.first, sentence.end_token, told->date)) continue;
      GiveToll(Fatalities(ix_, h.first, sentence.end_token), &*told);
    }
  }

  // "X is who carried it out" (جبهة النصرة التي انضمت إلى غرفة عمليات أهل
  // الشام هي من قامت بالعملية العسكرية: cue class `perpetrator`) and "X is
  // behind it" (بأن تنظيم داعش يقف وراء الاعتداء: class `behind`) name the
  // doer of the last violent event told just before the sentence with none
  // named. X is the subject of the clause: the first name after the verb of
  // saying that opens it (past a relative clause describing X), or the name
  // right before "behind". A denial (ونفت جبهة النصرة أن تكون هي من نفذت)
  // names no doer, nor does "who is behind it is X" (من يقف وراء التفجير).
  void NameTheDoer(std::uint32_t s, std::uint32_t begin, std::uint32_t end) {
    // Found through the cue index: most sentences have neither class.
    const std::uint32_t cue =
        std::min(FirstCueIn(ix_, CueClass::kPerpetrator, begin, end).value_or(end),
                 FirstCueIn(ix_, CueClass::kBehind, begin, end).value_or(end));
    if (cue == end || CueInRange(ix_, CueClass::kDeny, begin, cue)) return;
    std::int32_t doer = kNone;
    if (ix_.Cue(cue, CueClass::kBehind)) {
      std::uint32_t t = cue;
      if (t > begin && IsPunct(ix_, t - 1, "\"")) --t;
      if (t > begin) doer = ix_.mention_at[t - 1];
      if (doer != kNone && ix_.mention(doer).kind != MentionKind::kActor) doer = kNone;
    } else {
      std::uint32_t clause = begin;  // where X's clause opens
      for (std::uint32_t t = cue; t > begin; --t) {
        if (ix_.Cue(t - 1, CueClass::kReport)) {
          clause = t;
          break;
        }
      }
      const std::vector<std::int32_t> named = MentionsIn(ix_, MentionKind::kActor, clause, cue);
      if (!named.empty()) doer = named.front();
    }
    if (doer == kNone) return;
    // The last event whose doer was not named, or was named as the body the
    // relative clause says X belongs to (غرفة عمليات أهل الشام for جبهة النصرة
    // التي انضمت إلى غرفة عمليات أهل الشام): X is the more exact doer. One
    // that names another doer (a taking told as its cause: كرد أولي على سقوط
    // المدينة الصناعية بيد قوات النظام) keeps it.
    const std::vector<std::int32_t> bodies =
        MentionsIn(ix_, MentionKind::kActor, ix_.mention(doer).end_token, cue);
    const auto body_of_doer = [&](const std::string& id) {
      return std::any_of(bodies.begin(), bodies.end(),
                         [&](std::int32_t b) { return ix_.mention(b).id == id; });
    };
    const ByteOffset sentence_begin = ix_.text->tokens[begin].original.begin;
    Event* told = nullptr;
    for (auto it = out_->rbegin(); it != out_->rend(); ++it) {
      if (it->evidence.end.value > sentence_begin.value || !Violent(*it)) continue;
      if (SentenceAt(ix_, it->evidence.begin.value) + kDoerReach < s) break;
      if (it->actor1.empty() || body_of_doer(it->actor1)) {
        told = &*it;
        break;
      }
    }
    if (told == nullptr || told->actor2 == ix_.mention(doer).id) return;
    const std::string body = told->actor1;
    SetActor(ix_, doer, &told->actor1, &told->inter1, &told->actor1_span);
    if (!body.empty()) ActForTheBody(doer, body, *told);
  }

  // Where X has replaced the body it belongs to as a report's doer, the body
  // is X in the other events of that report's clause too (أعلنت غرفة عمليات
  // أهل الشام عن مقتل العشرات …، وذلك بعد سقوط المدينة الصناعية بيد قوات
  // النظام: the city fell from X's hands). After "، بينما" another report
  // begins. Events are kept in text order: those of the sentence lie around
  // the told one.
  void ActForTheBody(std::int32_t doer, const std::string& body, const Event& told) {
    const std::size_t sentence = SentenceAt(ix_, told.evidence.begin.value);
    const text::Sentence& span = ix_.text->sentences[sentence];
    const std::uint32_t from = ix_.text->tokens[span.first_token].original.begin.value;
    const std::uint32_t to = ix_.text->tokens[span.end_token - 1].original.end.value;
    const std::uint32_t told_at = TokenAtByte(ix_, told.trigger.begin.value);
    const std::string& id = ix_.mention(doer).id;
    const std::size_t k = static_cast<std::size_t>(&told - out_->data());
    const auto act = [&](Event& e) {
      const std::uint32_t at = TokenAtByte(ix_, e.trigger.begin.value);
      if (CueInRange(ix_, CueClass::kContrast, std::min(at, told_at), std::max(at, told_at))) {
        return;
      }
      if (e.actor2 == body && e.actor1 != id) {
        SetActor(ix_, doer, &e.actor2, &e.inter2, &e.actor2_span);
      } else if (e.actor1 == body && e.actor2 != id) {
        SetActor(ix_, doer, &e.actor1, &e.inter1, &e.actor1_span);
      }
    };
    const auto inside = [&](const Event& e) {
      return e.evidence.begin.value >= from && e.evidence.begin.value < to;
    };
    for (std::size_t i = k; i-- > 0 && inside((*out_)[i]);) act((*out_)[i]);
    for (std::size_t i = k + 1; i < out_->size() && inside((*out_)[i]); ++i) act((*out_)[i]);
  }

  // Sets a toll an event lacks: a count where it had none or deaths without
  // one, and deaths without a count (spec: 0) where it had nothing.
  void GiveToll(const FatalityFigure& fig, Event* told) const {
    if (!fig.value || (told->fatalities && (*told->fatalities > 0 || *fig.value == 0))) return;
    told->fatalities = fig.value;
    told->fatalities_span = fig.span;
    told->fatalities_vague = fig.vague;
    told->fatalities_text =
        std::string(ix_.doc->text.substr(fig.span.begin.value, fig.span.size()));
  }

  // True when the frame retells the event recorded just before: a definite
  // noun of the same event type in the next sentence, naming no place but the
  // event's own (... الاشتباكات أسفرت عن استشهاد 6 مقاتلين؛ وتركزت المعارك في
  // المربع الأمني داخل مدينة درعا، ما أسفر عن مقتل وجرح عدد من جنود النظام).
  // It adds its toll to that event instead of making a second one.
  bool Retold(std::uint32_t s, const Frame& frame) {
    if (out_->empty() || s > context_.event_sentence + 1 || !DefiniteNoun(ix_, frame.head()) ||
        frame.listed_with_arm != text::kNoToken) {
      return false;
    }
    Event& told = out_->back();
    if (told.event_type != EventTypeKey(*frame.head().row) || !Violent(told)) return false;
    for (const std::int32_t p :
         MentionsIn(ix_, MentionKind::kPlace, frame.window_begin, frame.window_end)) {
      const std::string& id = ix_.mention(p).id;
      if (!told.location || id.empty() || id != told.location->place_id) return false;
    }
    GiveToll(Fatalities(ix_, frame.window_begin, frame.window_end), &told);
    return true;
  }

  void Emit(std::uint32_t s, const text::Sentence& sentence, const Frame& frame) {
    if (Retold(s, frame) || frame.refers_back) return;
    const Roles roles = AssignActors(ix_, frame);
    SubEventType sub = ResolveFrame(ix_, frame, roles);
    // After "، فيما" with an actor of its own the writer tells another attack
    // (فيما قصفت قوات النظام الحولة): it does not go on describing the
    // bombardment before it, as "whereas 29 of them died in a strike on" does.
    const bool contrasted =
        ix_.Cue(frame.window_begin, CueClass::kContrast) &&
        !MentionsIn(ix_, MentionKind::kActor, frame.window_begin, frame.window_end).empty();
    // Nor does a bombardment that names who fired it "by" (وسط قصف عنيف من
    // قبل قوات النظام): told without aircraft, it is the ground's.
    const bool own_initiator =
        roles.actor1 != kNone && CueBefore(ix_, ix_.mention(roles.actor1).first_token,
                                           frame.head().end, CueClass::kAgent, kCueReach);
    if (!context_.bombardment.empty() && s <= context_.bombardment_sentence + 2 &&
        IsUncuedBombardment(frame) && !contrasted && !own_initiator) {
      sub = *ParseSubEventType(context_.bombardment);
    }
    Event base;
    Retype(sub, &base);
    SetActor(ix_, roles.actor1, &base.actor1, &base.inter1, &base.actor1_span);
    SetActor(ix_, roles.actor2, &base.actor2, &base.inter2, &base.actor2_span);
    for (const std::int32_t a : roles.assoc) {
      const std::string& id = ix_.mention(a).id;
      if (id != base.actor1 && id != base.actor2 &&
          std::find(base.assoc_actor_1.begin(), base.assoc_actor_1.end(), id) ==
              base.assoc_actor_1.end()) {
        base.assoc_actor_1.push_back(id);
      }
    }
    InheritSubject(s, frame, &base);
    SubjectInItsTurn(s, frame, &base);
    OwnerOfANoun(s, frame, roles, &base);
    InheritRetoldSides(s, frame, &base);
    OneOfASeries(s, frame, &base);
    CiviliansAsTarget(frame, &base);
    DuringTheFighting(s, sentence, frame, &base);
    PartiesOfTheMeeting(s, frame, &base);
    const bool describes_a_name = ChangeOfTheNameBefore(frame, &base);
    GroupJoined(frame, &base);
    UnarmedFightNoBattle(&base);
    DeadOfThem(s, frame, &base);
    ContinueDyad(s, &base);
    RetypeTerritory(&base);
    RetypeBombByTheState(frame, roles, &base);
    RetypeAttemptedTaking(frame, &base);
    RetypeAttackOnForces(&base);
    AttackIsOnCivilians(&base);
    CodeToAirArm(frame, &base);
    ShareTheListedTarget(frame, &base);
    DetaineesAreNoSide(&base);
    ProtestersAreTheSide(&base);
    base.trigger = ix_.Original(frame.head().first, frame.hits.back().end);
    FillDate(ix_, sentence, s, frame.head().first, &base);
    base.status = DecideStatus(ix_, sentence, frame, base);
    // Told to describe a group, undated, it is the group's history.
    if (describes_a_name && base.status == EventStatus::kCurrent && !base.date_span) {
      base.status = EventStatus::kBackground;
    }
    base.claims = context_.claims;
    base.confidence = frame.head().row->strong ? 0.8 : 0.6;

    std::vector<std::int32_t> places =
        ChoosePlaces(ix_, PlacesBegin(sentence, frame), frame.window_end, frame.head().first,
                     base.event_type != "Strategic developments");
    // ACLED splits violence by place; a statement or a deal is one event.
    if (base.event_type == "Strategic developments" && places.size() > 1) {
      places.erase(places.begin() + 1, places.end());
    }
    std::uint32_t previous_end = frame.window_begin;
    // What the next reports carry on from this one is read from `base` now:
    // the last place's event takes `base` itself, not a copy.
    if (sub == SubEventType::kAirDroneStrike ||
        sub == SubEventType::kShellingArtilleryMissileAttack) {
      context_.bombardment = base.sub_event_type;
      context_.bombardment_sentence = s;
    }
    if (!base.actor1.empty()) {
      context_.subject = base.actor1;
      context_.subject_inter = base.inter1;
      context_.subject_sub_type = base.sub_event_type;
      context_.subject_sentence = s;
    }
    if (!base.actor1.empty() && !base.actor2.empty()) {
      context_.actor1 = base.actor1;
      context_.actor2 = base.actor2;
      context_.inter1 = base.inter1;
      context_.inter2 = base.inter2;
      context_.actors_sentence = s;
    }
    const std::size_t count = std::max<std::size_t>(1, places.size());
    for (std::size_t k = 0; k < count; ++k) {
      // Only the last pass moves `base`; the passes before copy it.
      Event e = k + 1 == count ? std::move(base) : base;  // NOLINT(bugprone-use-after-move)
      bool scene_only = false;
      std::uint32_t ev_begin =
          k == 0 ? std::min(frame.head().first, EvidenceStart(frame, roles)) : previous_end;
      std::uint32_t ev_end = frame.hits.back().end;
      if (!places.empty()) {
        const Mention& p = ix_.mention(places[k]);
        e.location = ToLocation(p);
        if (IsCueOnly(p) &&
            !PlaceInArea(ix_, places[k], frame.window_begin, frame.window_end, &*e.location)) {
          // None in the clause: the region the article was reporting from.
          const std::uint32_t from =
              ix_.text->sentences[s >= kAreaReach ? s - kAreaReach : 0].first_token;
          PlaceInArea(ix_, places[k], from, frame.window_begin, &*e.location);
        }
        ev_end = std::max(ev_end, p.end_token);
        if (k > 0) ev_end = p.end_token;
        previous_end = p.end_token;
      } else {
        scene_only = FallbackLocation(s, &e);
      }
      ev_begin = std::max(ev_begin, frame.window_begin);
      ev_end = std::min(std::max(ev_end, ev_begin + 1), frame.window_end);
      // One place: the evidence is the clause, the frame's whole window.
      if (places.size() <= 1) {
        ev_begin = frame.window_begin;
        ev_end = frame.window_end;
      } else if (k == 0) {
        ev_begin = frame.window_begin;
      } else if (k + 1 == places.size()) {
        ev_end = frame.window_end;
      }
      e.evidence = ix_.Original(ev_begin, ev_end);
      const FatalityFigure fig = k == 0 ? FrameFatalities(s, frame) : FatalityFigure{};
      if (fig.value && Violent(e)) {
        e.fatalities = fig.value;
        e.fatalities_span = fig.span;
        e.fatalities_vague = fig.vague;
        e.fatalities_text =
            std::string(ix_.doc->text.substr(fig.span.begin.value, fig.span.size()));
      }
      if (e.location) {
        context_.location = e.location;
        context_.location_sentence = s;
      }
      PoliceAbroad(frame, &e);
      LedByTheNamedGroup(s, frame.head().first, &e);
      OwnerOfTheBombs(roles, &e);
      if (!Codable(e, frame, scene_only)) continue;
      if (Event* told = OneOffTold(frame, e)) {
        // The report that places it is the fuller record of the two. A
        // retelling may name who did it, but its other names are who speaks
        // of it (رئيس الحكومة التركية), not whom it hit.
        e.actor2.clear();
        if (!told->location && e.location) std::swap(*told, e);
        NamedDoerOfTheClass(e, told);
        Complete(e, told);
        RememberBlast(s, static_cast<std::size_t>(told - out_->data()));
        continue;
      }
      out_->push_back(std::move(e));
      context_.event_sentence = s;
      if (series_of_next_ != kNoEvent) {
        series_members_.emplace_back(series_of_next_, out_->size() - 1);
      }
      RememberBlast(s, out_->size() - 1);
    }
  }

  // An event an ACLED coder could record: with a place, or at least a named
  // side for a word that is an event by itself (غارات، اشتباكات); a weak
  // word (هجوم، استهدف) needs a place, and a side or someone killed, unless it
  // is a killing between two named armed sides. A place carried from a
  // sentence that reported nothing does not count.
  bool Codable(const Event& e, const Frame& frame, bool scene_only) const {
    const bool strong = std::any_of(frame.hits.begin(), frame.hits.end(),
                                    [](const TriggerHit& h) { return h.row->strong; }) ||
                        // A weak bombardment word with its weapon named (دفع طائرات
                        // التحالف إلى استهداف مقرات لها) is as much an event.
                        (OnlyBombardment(frame) && NamesAWeapon(ix_, frame));
    const bool side = !e.actor1.empty() || !e.actor2.empty();
    const bool place = e.location.has_value() && !scene_only;
    if (strong) return side || place;
    // Someone killed there makes the word an event without a named side
    // (قتل شرطي ... في هجوم وقع في أحد أحياء دياربكر).
    const bool dead = e.fatalities.value_or(0) > 0;
    // A killing with killer and killed named, both armed (أعضاء «الفرقة 30»
    // قتلوا مقاتلين من «النصرة»), is an event wherever it happened.
    const bool killing = std::any_of(frame.hits.begin(), frame.hits.end(), [](const TriggerHit& h) {
      return h.row->cls == TriggerClass::kKilling;
    });
    const bool armed_sides = !e.actor1.empty() && !e.actor2.empty() && e.actor1 != kCiviliansId &&
                             e.actor2 != kCiviliansId;
    if (killing && armed_sides && e.fatalities.has_value()) return true;
    // Fighting between two named armed sides (دارت معارك بين قوات النظام
    // ومقاتلي المعارضة) is an event wherever it was.
    const bool fighting =
        std::any_of(frame.hits.begin(), frame.hits.end(), [](const TriggerHit& h) {
          return h.row->cls == TriggerClass::kFixed && h.row->fixed == SubEventType::kArmedClash;
        });
    if (fighting && armed_sides &&
        CueInRange(ix_, CueClass::kBetween, frame.window_begin, frame.window_end)) {
      return true;
    }
    // So is a deal a meeting ended in, between the meeting's two parties
    // (الاجتماع انتهى بالاتفاق على …): where the meeting was is seldom told.
    if (!e.actor1.empty() && !e.actor2.empty() &&
        OutcomeOfTheMeeting(ix_, *frame.head().row, frame.head().first, frame.window_begin)) {
      return true;
    }
    return (side || dead) && place;
  }

  // A summary at the top of an article that its body repeats nearly word for
  // word (the standfirst: "هيئة تحرير الشام" تعلن عن نفير عام … then أعلنت
  // "هيئة تحرير الشام" عن نفير عام …): the body's telling is the report.
  bool IsStandfirst(std::uint32_t s) const {
    const auto& sentences = ix_.text->sentences;
    if (s >= kStandfirstSentences || !sentences[s].paragraph_start) return false;
    // A standfirst is a paragraph of one sentence.
    if (s + 1 < sentences.size() && !sentences[s + 1].paragraph_start) return false;
    // The words as hashes of their written forms: each later line's, sorted,
    // are searched for each of this one's, with no string compared.
    const std::vector<std::uint32_t> words = WordHashes(sentences[s]);
    if (words.size() < kStandfirstMinWords) return false;
    const std::size_t last = std::min<std::size_t>(sentences.size(), s + kStandfirstReach);
    std::vector<std::uint32_t> later;
    for (std::size_t t = s + 1; t < last; ++t) {
      // The body repeats a standfirst as a paragraph of its own, about as long.
      const text::Sentence& line = sentences[t];
      const std::size_t tokens = line.end_token - line.first_token;
      if (!line.line_start || tokens * kStandfirstShareDen < words.size() * kStandfirstShareNum) {
        continue;
      }
      later = WordHashes(line);
      if (later.size() * kStandfirstShareDen < words.size() * kStandfirstShareNum) continue;
      std::sort(later.begin(), later.end());
      const auto shared = std::count_if(words.begin(), words.end(), [&](std::uint32_t w) {
        return std::binary_search(later.begin(), later.end(), w);
      });
      if (static_cast<std::size_t>(shared) * kStandfirstShareDen >=
          words.size() * kStandfirstShareNum) {
        return true;
      }
    }
    return false;
  }

  std::vector<std::uint32_t> WordHashes(const text::Sentence& sentence) const {
    std::vector<std::uint32_t> words;
    for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      const Token& token = ix_.text->tokens[t];
      if (token.kind == text::TokenKind::kArabicWord) words.push_back(WordHash(token));
    }
    return words;
  }

  // The hash of a word as written, clitics and article included: the
  // tokenizer's hash of its first reading, the surface form.
  static std::uint32_t WordHash(const Token& token) { return token.stem_hash[0]; }

  // A sentence that ends in a question mark asks about events (ما حقيقة
  // مشاركة جند الأقصى … في معركة خناصر؟); the answer, if any, reports them.
  bool IsQuestion(const text::Sentence& sentence) const {
    for (std::uint32_t t = sentence.end_token; t > sentence.first_token; --t) {
      if (ix_.text->tokens[t - 1].kind != text::TokenKind::kPunct) return false;
      if (IsPunct(ix_, t - 1, "?")) return true;
    }
    return false;
  }

  // The triggers of sentence s (after its dateline), found once per sentence.
  const std::vector<TriggerHit>& TriggersOf(std::uint32_t s) {
    if (triggers_.empty()) triggers_.resize(ix_.text->sentences.size());
    if (!triggers_[s]) {
      const text::Sentence& sentence = ix_.text->sentences[s];
      const std::uint32_t begin = std::max(sentence.first_token, sentence.dateline_end_token);
      triggers_[s] = FindTriggers(ix_, lexicon_, begin, std::max(begin, sentence.end_token));
    }
    return *triggers_[s];
  }

  // Where a frame's toll may stand: up to the next frame, but not into the
  // clause that leads into it, opened by a comma (… وانباء عن خسائر بشرية في
  // صفوف عناصر التنظيم، أيضاً مقتل مقاتل من المعارضة خلال اشتباكات) or by
  // "whereas" with a side of its own (… خسائر فادحة في الأرواح فيما قال الجيش
  // الأميركي إن … استهدفوا): deaths there are the next trigger's. A clause
  // that tells what this frame did (قصفت …، ما أدى إلى مقتل 5 مدنيين واندلاع
  // اشتباكات) is its own.
  std::uint32_t TollEnd(const text::Sentence& sentence, const Frame& frame,
                        const std::vector<TriggerHit>& hits) const {
    if (frame.window_end >= sentence.end_token) return frame.window_end;
    for (std::uint32_t t = frame.window_end; t > frame.hits.back().end; --t) {
      if (ix_.Cue(t - 1, CueClass::kContrast) &&
          TellsItsOwnEvent(ix_, hits, t - 1, frame.window_end)) {
        return t - 1;
      }
      if (IsPunct(ix_, t - 1, ",")) {
        const std::uint32_t opening = std::min(t + kResultOpening, frame.window_end);
        return CueInRange(ix_, CueClass::kResult, t, opening) ? frame.window_end : t;
      }
    }
    return frame.window_end;
  }

  // The toll in the frame's window, else in the next sentence when that one
  // only reports the outcome (وأسفر القصف عن مقتل 7 مدنيين) and has no event of its own.
  FatalityFigure FrameFatalities(std::uint32_t s, const Frame& frame) {
    const text::Sentence& sentence = ix_.text->sentences[s];
    FatalityFigure fig;
    // A word pointing back before the trigger (قدرت خسائره في هذا التفجير
    // بأكثر من مائة قتيل، كذلك تم تفجير …) tells the earlier event's toll.
    const std::vector<TriggerHit>& hits = TriggersOf(s);
    const bool pointed_before = std::any_of(hits.begin(), hits.end(), [&](const TriggerHit& h) {
      return h.anaphoric && h.first >= frame.window_begin && h.end <= frame.head().first;
    });
    if (pointed_before ||
        frame.window_begin > std::max(sentence.first_token, sentence.dateline_end_token)) {
      // A frame after another: the deaths told between the two triggers are
      // the earlier report's (قصف ... ما أدى لمقتل ضابط، كما قصفت ... ولم ترد
      // أنباء عن إصابات); this one's toll follows its own trigger.
      fig = Fatalities(ix_, frame.head().first, TollEnd(sentence, frame, hits));
      if (!fig.value && !pointed_before) {
        fig = Fatalities(ix_, frame.window_begin, frame.head().first);
      }
      const std::uint32_t sentence_begin =
          std::max(sentence.first_token, sentence.dateline_end_token);
      if (!fig.value && CueInRange(ix_, CueClass::kDeath, sentence_begin, frame.window_begin)) {
        // The clause before told who was killed; this one leaves the verb out.
        fig = GappedToll(ix_, frame.window_begin, frame.head().first);
      }
    } else {
      fig = Fatalities(ix_, frame.window_begin, TollEnd(sentence, frame, hits));
    }
    if (!fig.value) {
      // The toll of the sentence's report may stand past the next trigger
      // (سيطرت على التل بعد مواجهات ... وقتلت وأسرت جنودا): the sentence's words.
      fig = Fatalities(ix_, frame.window_end, sentence.end_token);
    }
    if (fig.value && *fig.value > 0) return fig;
    if (s + 1 >= ix_.text->sentences.size()) return fig;
    const text::Sentence& next = ix_.text->sentences[s + 1];
    const std::vector<TriggerHit>& next_hits = TriggersOf(s + 1);
    const bool only_killing =
        std::all_of(next_hits.begin(), next_hits.end(),
                    [](const TriggerHit& h) { return h.row->cls == TriggerClass::kKilling; });
    if (!only_killing || TellsHistory(next)) return fig;
    const FatalityFigure later = Fatalities(ix_, next.first_token, next.end_token);
    return later.value && *later.value > 0 ? later : fig;
  }

  // True when a sentence recalls the past, not today's report: a background
  // cue, an earlier year (تشهد سوريا منذ منتصف آذار/مارس 2011 نزاعا داميا تسبب
  // بمقتل اكثر من 230 الف شخص) or a day that makes its events background
  // (الهجوم الذي اوقع اربعة قتلى … في 5 حزيران/يونيو).
  bool TellsHistory(const text::Sentence& sentence) const {
    if (CueInRange(ix_, CueClass::kBackground, sentence.first_token, sentence.end_token)) {
      return true;
    }
    const auto dates = DatesIn(ix_, sentence.first_token, sentence.end_token);
    return ix_.pub_date && std::any_of(dates.begin(), dates.end(), [&](const text::DateMention& d) {
             return d.date.year < ix_.pub_date->year ||
                    (d.precision == text::DatePrecision::kDay &&
                     ix_.pub_date->ToDays() - d.date.ToDays() > kBackgroundDays);
           });
  }

  // The article's headline: its first sentence, alone on its line and without
  // a full stop. A headline repeats what the body reports in full.
  bool IsHeadline(std::uint32_t s) const {
    if (s != 0 || ix_.text->sentences.size() < 2) return false;
    const text::Sentence& first = ix_.text->sentences[0];
    const text::Sentence& next = ix_.text->sentences[1];
    if (!next.paragraph_start || first.end_token == first.first_token) return false;
    const Token& last = ix_.text->tokens[first.end_token - 1];
    return !(last.kind == text::TokenKind::kPunct && ix_.text->norm.View(last.norm) == ".");
  }

  // A bombardment word with no weapon named in its window (الضربات، استهدفت).
  bool IsUncuedBombardment(const Frame& frame) const {
    const bool all_bombardment =
        std::all_of(frame.hits.begin(), frame.hits.end(),
                    [](const TriggerHit& h) { return h.row->cls == TriggerClass::kExplosion; });
    return all_bombardment && !AirCueIn(ix_, frame.window_begin, frame.window_end) &&
           !CueInRange(ix_, CueClass::kGround, frame.window_begin, frame.window_end);
  }

  // ACLED codes a state's air strike to its air force where the words name
  // aircraft (قصف المنطقة بالطيران الحربي، ألقت مروحيات النظام براميل); "the
  // army launched air strikes" (شنت قوات النظام غارات، كثف الجيش السوري غاراته
  // الجوية) names the army, and so does the record.
  void CodeToAirArm(const Frame& frame, Event* e) const {
    // Artillery is no air force's (يشارك فيها سلاحي الجو والمدفعية): the
    // shelling is the state's forces'.
    if (e->sub_event_type == SubEventTypeName(SubEventType::kShellingArtilleryMissileAttack)) {
      const std::string& state = lexicon_.StateOfAirArm(e->actor1);
      if (!state.empty() && state != e->actor2) e->actor1 = state;
      return;
    }
    if (e->sub_event_type != SubEventTypeName(SubEventType::kAirDroneStrike)) return;
    const std::string& arm = lexicon_.AirArmOf(e->actor1);
    if (arm.empty() ||
        !CueInRange(ix_, CueClass::kAircraft, frame.window_begin, frame.window_end)) {
      return;
    }
    e->actor1 = arm;
  }

  // The two attacks of an air force and a weapon listed with it (يشارك فيها
  // سلاح الجو السوري والمدفعية ضد فصائل المعارضة) hit the same side: where
  // only one names it, the other takes it.
  void ShareTheListedTarget(const Frame& frame, Event* e) {
    if (frame.listed_with_arm == text::kNoToken || out_->empty()) return;
    Event& arm = out_->back();
    const ByteOffset arm_name = ix_.text->tokens[frame.listed_with_arm].original.begin;
    if (arm.trigger.begin != arm_name) return;
    if (e->actor2.empty() && !arm.actor2.empty()) {
      e->actor2 = arm.actor2;
      e->inter2 = arm.inter2;
      e->actor2_span = arm.actor2_span;
    } else if (arm.actor2.empty() && !e->actor2.empty() && e->actor2 != arm.actor1) {
      arm.actor2 = e->actor2;
      arm.inter2 = e->inter2;
      arm.actor2_span = e->actor2_span;
    }
  }

  std::uint32_t EvidenceStart(const Frame& frame, const Roles& roles) const {
    std::uint32_t start = frame.head().first;
    if (roles.actor1 != kNone) start = std::min(start, ix_.mention(roles.actor1).first_token);
    return std::max(start, frame.window_begin);
  }

  // A taking the words say was only tried (قوات النظام حاولت قبل يومين التقدم
  // نحو قرى، تستمر ميليشيات حزب الله في محاولاتها للتقدم): ACLED codes the
  // fighting, an Armed clash, since no ground changed hands.
  void RetypeAttemptedTaking(const Frame& frame, Event* e) const {
    if (!AttemptedTaking(frame, *e)) return;
    Retype(SubEventType::kArmedClash, e);
  }

  // True when the frame's taking word follows a word of trying (اشتباكات …
  // شنت هجوما على المبنى محاولة اقتحامه): the taking word, not the frame's
  // first trigger, is the one tried.
  bool AttemptedTaking(const Frame& frame, const Event& e) const {
    if (!IsTaking(e)) return false;
    return std::any_of(frame.hits.begin(), frame.hits.end(), [&](const TriggerHit& h) {
      if (h.row->cls != TriggerClass::kTerritory) return false;
      // Within the taking's clause: وبعد محاولات عدة، سيطرت … is a taking.
      for (std::uint32_t k = 1; k <= kAttemptReach && h.first >= frame.window_begin + k; ++k) {
        if (ix_.Cue(h.first - k, CueClass::kAttempt)) return true;
        if (ix_.text->tokens[h.first - k].kind == text::TokenKind::kPunct) return false;
      }
      return false;
    });
  }

  // A bomb that state forces, the subject right before it, set off (قوات
  // حماية الفرع نجحت في تفجير سيارة مفخخة … كانت في طريقها لاقتحام الفرع) is
  // the attacker's weapon destroyed: ACLED codes car bombs and IEDs to armed
  // groups, and their destruction by the state as Disrupted weapons use.
  void RetypeBombByTheState(const Frame& frame, const Roles& roles, Event* e) const {
    // Bombs set off among civilians (فجرت عبوات ناسفة في منازل المدنيين) are an attack.
    if (e->sub_event_type != SubEventTypeName(SubEventType::kRemoteExplosiveLandmineIed) ||
        e->inter1 != 1 || roles.actor1 == kNone || e->actor2 == kCiviliansId ||
        CueInRange(ix_, CueClass::kCivilian, frame.window_begin, frame.window_end)) {
      return;
    }
    const std::uint32_t subject_end = ix_.mention(roles.actor1).end_token;
    const std::uint32_t head = frame.head().first;
    if (subject_end > head || head - subject_end > kStateSubjectGap) return;
    for (std::uint32_t t = subject_end; t < head; ++t) {
      if (ix_.text->tokens[t].kind == text::TokenKind::kPunct) return;
    }
    Retype(SubEventType::kDisruptedWeaponsUse, e);
  }

  // Bombs that the side a bombing hit destroyed (قوات الجيش دمرت أربع سيارات
  // مفخخة قبل أن تصل إلى أهدافها, after هجومين انتحاريين on the army) were the
  // bombers': the doer of the last bombing the article told of it owned them.
  void OwnerOfTheBombs(const Roles& roles, Event* e) const {
    if (e->sub_event_type != SubEventTypeName(SubEventType::kDisruptedWeaponsUse) ||
        roles.actor2 != kNone || e->actor1.empty()) {
      return;
    }
    for (auto it = out_->rbegin(); it != out_->rend(); ++it) {
      if (!IsBombing(*it) || it->actor2 != e->actor1 || it->actor1.empty() ||
          it->status != e->status) {
        continue;
      }
      // A bombing of the side on another front says nothing of these bombs.
      if (e->location && it->location && !WithinKm(*it->location, *e->location, kOneFrontKm)) {
        return;
      }
      e->actor2 = it->actor1;
      e->inter2 = it->inter1;
      e->actor2_span = it->actor1_span;
      return;
    }
  }

  // Who took ground decides the sub-type; the taker may have been inherited
  // from the previous report after the frame was typed.
  static void RetypeTerritory(Event* e) {
    if (!IsTaking(*e) || e->actor1.empty()) return;
    e->sub_event_type = std::string(
        SubEventTypeName(e->inter1 == 1 ? SubEventType::kGovernmentRegainsTerritory
                                        : SubEventType::kNonStateActorOvertakesTerritory));
  }

  // Violence against civilians is done to civilians (spec section 1): a
  // killing or an execution of a force's members (اعدام عنصرين من الشرطة
  // التركية) is a clash with that force.
  static void RetypeAttackOnForces(Event* e) {
    if (e->sub_event_type != SubEventTypeName(SubEventType::kAttack) || e->actor2.empty() ||
        e->actor1.empty() || e->actor2 == kCiviliansId) {
      return;
    }
    if (e->inter2 == kProtestersInter || e->inter2 == kCiviliansInter) return;
    Retype(SubEventType::kArmedClash, e);
  }

  // An attack that stays one after RetypeAttackOnForces hit no armed side:
  // with none named, its victims are civilians (ACLED's Violence against
  // civilians always has them as actor2: تنفيذ حكم الإعدام ببعض هؤلاء المحتجزين).
  static void AttackIsOnCivilians(Event* e) {
    if (e->sub_event_type != SubEventTypeName(SubEventType::kAttack) || !e->actor2.empty() ||
        e->actor1 == kCiviliansId) {
      return;
    }
    e->actor2 = std::string(kCiviliansId);
    e->inter2 = kCiviliansInter;
  }

  // ACLED codes every protest to the protesters (تظاهر المئات، مطالبة
  // بحماية سكان الفوعة names none: PROTESTERS). A peaceful protest has no
  // other side: whom they protest against (احتجاجات ضد النظام) is no party
  // to it; only an intervention (Protest with intervention) brings one.
  static void ProtestersAreTheSide(Event* e) {
    if (e->event_type != EventTypeOf(SubEventType::kPeacefulProtest)) return;
    if (e->actor2 == kProtestersId) {
      std::swap(e->actor1, e->actor2);
      std::swap(e->inter1, e->inter2);
      std::swap(e->actor1_span, e->actor2_span);
    }
    if (e->actor1 != kProtestersId) {
      // فرقت قوات النظام مظاهرة: the force that broke it up is the other side.
      if (e->actor2.empty()) {
        e->actor2 = std::move(e->actor1);
        e->inter2 = e->inter1;
        e->actor2_span = e->actor1_span;
      }
      e->actor1 = std::string(kProtestersId);
      e->inter1 = kProtestersInter;
      e->actor1_span = {};
    }
    if (e->sub_event_type != SubEventTypeName(SubEventType::kPeacefulProtest)) return;
    ClearActor2(e);
  }

  // A bombing or an attack whose victims are people with no side named (32
  // شخصا، مدنيين، أطفال) targets civilians (spec: civilians are CIVILIANS).
  // People arrested are suspects (أوقفت الشرطة 251 شخصا لانتمائهم إلى جماعات
  // إرهابية), not civilians attacked: an arrest names the force that made it
  // and the group the detainees are said to belong to, if any.
  static void DetaineesAreNoSide(Event* e) {
    if (e->sub_event_type != SubEventTypeName(SubEventType::kArrests)) return;
    if (e->actor1 == kCiviliansId) DropActor1(e);
    if (e->actor2 == kCiviliansId) ClearActor2(e);
  }

  // A side named only as the class a group was said to act with (قيام جبهة
  // النصرة بالتعاون مع فصائل أخرى من المعارضة بتفخيخ نفق … تلى ذلك اشتباكات
  // بين قوات النظام وفصائل المعارضة) is that group's coalition: in the
  // report that follows, the group is the side and the class its associate.
  // Only after the cue, and at the place of the coalition's own event: told
  // elsewhere, the class fights on its own (وفي ريف حلب، اشتباكات بين تنظيم
  // الدولة وفصائل المعارضة في بلدة مارع).
  void LedByTheNamedGroup(std::uint32_t s, std::uint32_t head, Event* e) const {
    for (auto it = coalitions_.rbegin(); it != coalitions_.rend(); ++it) {
      if (it->sentence > s || it->token >= head) continue;
      if (s > it->sentence + kCoalitionReach) return;
      const std::uint32_t cue = ix_.text->tokens[it->token].original.begin.value;
      const bool own = e->evidence.begin.value <= cue && cue < e->evidence.end.value;
      if (!own && !AtTheCoalitionsScene(*it, *e)) continue;
      const bool member_is_side = e->actor1 == it->member || e->actor2 == it->member;
      const bool led = e->actor1 == it->leader || e->actor2 == it->leader;
      // The leader a side already: the class is its associate. The class a
      // side: the leader takes its place. Both, or neither: nothing to do.
      if (led == member_is_side) continue;
      const bool first = e->actor1 == (led ? it->leader : it->member);
      if (!led) {
        (first ? e->actor1 : e->actor2) = it->leader;
        (first ? e->inter1 : e->inter2) = it->leader_inter;
        (first ? e->actor1_span : e->actor2_span) = it->leader_span;
      }
      std::vector<std::string>& assoc = first ? e->assoc_actor_1 : e->assoc_actor_2;
      if (std::find(assoc.begin(), assoc.end(), it->member) == assoc.end()) {
        assoc.push_back(it->member);
      }
      return;
    }
  }

  // True when `e` is told at the place of the event that the coalition's
  // cue stands in, or within kSceneKm of it; false when there is no such event.
  bool AtTheCoalitionsScene(const Coalition& c, const Event& e) const {
    const std::uint32_t cue = ix_.text->tokens[c.token].original.begin.value;
    for (const Event& own : *out_) {
      if (own.evidence.begin.value > cue || cue >= own.evidence.end.value ||
          (own.actor1 != c.leader && own.actor2 != c.leader)) {
        continue;
      }
      if (!own.location || !e.location) return true;
      return LocationKey(own) == LocationKey(e) || WithinKm(*own.location, *e.location, kSceneKm);
    }
    return false;
  }

  // A change told in a relative clause after a group's name (جبهة النصرة
  // التي انضمت إلى غرفة عمليات أهل الشام، لواء التوبة الذي بايع …) is that
  // group's: the name before the relative pronoun is actor1. Returns true when
  // the clause describes the name so.
  bool ChangeOfTheNameBefore(const Frame& frame, Event* e) const {
    if (e->sub_event_type != SubEventTypeName(SubEventType::kChangeToGroupActivity)) return false;
    std::uint32_t t = frame.head().first;
    if (t < 2 || !ix_.Cue(t - 1, CueClass::kRelative)) return false;
    t -= 1;
    while (t > 0 && IsPunct(ix_, t - 1, "\"")) --t;
    const std::int32_t name = t > 0 ? ix_.mention_at[t - 1] : kNone;
    if (name == kNone || ix_.mention(name).kind != MentionKind::kActor ||
        ix_.mention(name).id.empty()) {
      return false;
    }
    SetActor(ix_, name, &e->actor1, &e->inter1, &e->actor1_span);
    if (e->actor2 == e->actor1) ClearActor2(e);
    return true;
  }

  // The group a joining, a pledge or a return goes "to" (انضمت إلى غرفة
  // عمليات أهل الشام; عودتهم إلى ما سموه "الأصل وإيفاء البيعة" في إشارة إلى
  // "تنظيم القاعدة") is the second side of the change: the first other name
  // after the trigger in its clause, with إلى right before it (past a quote).
  // A call "to fight" a side (دعت إلى قتال قوات النظام) names no group joined.
  void GroupJoined(const Frame& frame, Event* e) const {
    if (e->sub_event_type != SubEventTypeName(SubEventType::kChangeToGroupActivity) ||
        e->actor1.empty() || !e->actor2.empty()) {
      return;
    }
    const std::uint32_t after = frame.hits.back().end;
    const std::uint32_t clause_end = CommaFrom(ix_, after, frame.window_end);
    for (const std::int32_t a : MentionsIn(ix_, MentionKind::kActor, after, clause_end)) {
      const Mention& group = ix_.mention(a);
      if (group.id.empty() || group.id == e->actor1) continue;
      std::uint32_t t = group.first_token;
      while (t > after && IsPunct(ix_, t - 1, "\"")) --t;
      if (t > after && IsWord(ix_, t - 1, kTo)) {
        SetActor(ix_, a, &e->actor2, &e->inter2, &e->actor2_span);
      }
      return;
    }
  }

  // An agreement "the meeting ended with" (أفاد الناشطون أن الاجتماع انتهى
  // بالاتفاق المبدئي على إعادة تفعيل جيش الفتح: MeetingEndedIn) whose own
  // words name no party was made by the meeting's parties: the first two
  // names after "between" in the clause that tells a meeting, in the last
  // sentence up to two before that tells one with "between" (اجتماع حدث يوم
  // الخميس بين أبو محمد الجولاني زعيم "جبهة النصرة" والقائد العام لـ"أحرار
  // الشام"). What was agreed on (جيش الفتح) is no party.
  void PartiesOfTheMeeting(std::uint32_t s, const Frame& frame, Event* e) const {
    if (e->sub_event_type != SubEventTypeName(SubEventType::kAgreement) || !e->actor1.empty() ||
        !e->actor2.empty() || !MeetingEndedIn(ix_, frame.head().first, frame.window_begin)) {
      return;
    }
    for (std::uint32_t back = 1; back <= kMeetingReach && back <= s; ++back) {
      const text::Sentence& earlier = ix_.text->sentences[s - back];
      const std::optional<std::pair<std::int32_t, std::int32_t>> parties =
          MeetingParties(earlier.first_token, earlier.end_token);
      if (!parties) continue;
      SetActor(ix_, parties->first, &e->actor1, &e->inter1, &e->actor1_span);
      SetActor(ix_, parties->second, &e->actor2, &e->inter2, &e->actor2_span);
      return;
    }
  }

  // The two parties of a meeting told in [begin, end): "between" within
  // kBetweenReach words after a meeting word, no comma between them, and the
  // first two different names after it before the clause ends.
  std::optional<std::pair<std::int32_t, std::int32_t>> MeetingParties(std::uint32_t begin,
                                                                      std::uint32_t end) const {
    for (std::uint32_t m = begin; m < end; ++m) {
      const std::optional<std::uint32_t> meeting = FirstCueIn(ix_, CueClass::kMeeting, m, end);
      if (!meeting) return std::nullopt;
      m = *meeting;
      const std::uint32_t reach = CommaFrom(ix_, m + 1, std::min(end, m + kBetweenReach + 1));
      const std::optional<std::uint32_t> between =
          FirstCueIn(ix_, CueClass::kBetween, m + 1, reach);
      if (!between) continue;
      std::int32_t first = kNone;
      for (const std::int32_t a :
           MentionsIn(ix_, MentionKind::kActor, *between, CommaFrom(ix_, *between, end))) {
        const std::string& id = ix_.mention(a).id;
        if (id.empty()) continue;
        if (first == kNone) {
          first = a;
        } else if (id != ix_.mention(first).id) {
          return std::make_pair(first, a);
        }
      }
    }
    return std::nullopt;
  }

  // A bombardment "during the clashes" that names no target hit the bomber's
  // enemy in them (HitInTheFighting), among the events told before it.
  void DuringTheFighting(std::uint32_t s, const text::Sentence& sentence, const Frame& frame,
                         Event* e) const {
    HitInTheFighting(ix_, s, sentence.first_token, frame.head().first, *out_, out_->size(), e);
  }

  void CiviliansAsTarget(const Frame& frame, Event* e) const {
    // Civilians suffer violence; they do not carry it out (ACLED codes them
    // as actor2 only): a count of dead people before the trigger (وامرأة
    // وطفلها في قصف جوي) is no attacker.
    if (e->actor1 == kCiviliansId && Violent(*e) && e->event_type != "Battles") {
      std::swap(e->actor1, e->actor2);
      std::swap(e->inter1, e->inter2);
      std::swap(e->actor1_span, e->actor2_span);
      return;
    }
    if (!e->actor2.empty() || e->actor1 == kCiviliansId) return;
    if (e->event_type != "Explosions/Remote violence" &&
        e->event_type != "Violence against civilians") {
      return;
    }
    if (!CueInRange(ix_, CueClass::kCivilian, frame.window_begin, frame.window_end)) return;
    if (CueInRange(ix_, CueClass::kMembers, frame.window_begin, frame.window_end)) return;
    e->actor2 = kCiviliansId;
    e->inter2 = kCiviliansInter;
  }

  // A battle is fought between organised armed sides (ACLED): the people
  // counted among its dead (مصرع 17 شخصا) or living in a town taken, or a
  // body that carries no arms and is in no camp (the UN reporting it), are
  // no side of it.
  void UnarmedFightNoBattle(Event* e) const {
    if (e->event_type != "Battles") return;
    constexpr int kFirstUnarmedInter = 5;  // rioters, protesters, civilians, other
    const auto unarmed = [&](const std::string& id, int inter) {
      return id == kCiviliansId || (!id.empty() && !id.starts_with("new:") &&
                                    lexicon_.CampOf(id) == nullptr && inter >= kFirstUnarmedInter);
    };
    if (unarmed(e->actor2, e->inter2)) ClearActor2(e);
    if (unarmed(e->actor1, e->inter1)) DropActor1(e);
  }

  // A country's police abroad (police_forces.tsv). Policemen or a police post
  // named by what they are (فجر مسلحون قنبلة في مركز شرطة في بلدة بيسميل),
  // with no other side hit, are the side hit; arrests there are theirs.
  void PoliceAbroad(const Frame& frame, Event* e) const {
    if (!e->location) return;
    const std::string& force = lexicon_.PoliceForceOf(e->location->country);
    // Arrests that name no one making them (اعتقل ستة أشخاص للاشتباه
    // بعلاقتهم بالحادث) there are the state's: only its forces arrest.
    if (e->sub_event_type == SubEventTypeName(SubEventType::kArrests)) {
      if (e->actor1.empty() && !force.empty() && e->actor2 != force) {
        e->actor1 = force;
        e->inter1 = kStateForcesInter;
      }
      return;
    }
    // With no attacker named the police hit is left unnamed too: the other
    // side would be guessed from the article (FillOpponents), not read.
    if (!e->actor2.empty() || e->actor1.empty() || !Violent(*e)) return;
    if (force.empty() || force == e->actor1) return;
    if (!PoliceHit(frame)) return;
    e->actor2 = force;
    e->inter2 = kStateForcesInter;
  }

  // True when the frame names policemen or a post who are not its speaker
  // (not وقال ضابط شرطة إن: a police word right after a verb of saying).
  bool PoliceHit(const Frame& frame) const {
    for (std::uint32_t t = frame.window_begin; t < frame.window_end; ++t) {
      if (!ix_.Cue(t, CueClass::kPolice)) continue;
      const std::uint32_t from = t > frame.window_begin + 2 ? t - 2 : frame.window_begin;
      if (!CueInRange(ix_, CueClass::kReport, from, t)) return true;
    }
    return false;
  }

  // A verb with no subject named (وشنت غارات، كما نفذت بدورها) continues the
  // subject of the previous report: Arabic drops a subject pronoun it can infer.
  void InheritSubject(std::uint32_t s, const Frame& frame, Event* e) const {
    if (!e->actor1.empty() || context_.subject.empty()) return;
    // A noun carried by a verb (كما نفذ غارة، وشنت بدورها غارات) acts as one
    // when it goes on with the same kind of act: the words do not show a
    // passive (ونُفذ هجوم انتحاري), and a new kind of act has a new doer.
    const TriggerHit& head = frame.head();
    const std::uint32_t from = head.first > frame.window_begin + kCarrierReach
                                   ? head.first - kCarrierReach
                                   : frame.window_begin;
    const bool same_kind = context_.subject_sub_type == e->sub_event_type;
    const bool carried = CueInRange(ix_, CueClass::kSupport, from, head.first) && same_kind;
    const bool cause =
        same_kind && CueBefore(ix_, head.first, frame.window_begin, CueClass::kCause, 2);
    if (!head.row->verb && !carried && !cause) return;
    if (s > context_.subject_sentence + (cause ? 2 : 1) || context_.subject == e->actor2) return;
    e->actor1 = context_.subject;
    e->inter1 = context_.subject_inter;
  }

  // A trigger noun with a possessive pronoun after another report of its
  // sentence (خطفت جبهة النصرة … مجموعة ثانية من أعضاء الفرقة 30 …، بعد أيام من
  // خطفها ثمانية مقاتلين آخرين): the pronoun is that report's initiator, and
  // with no group named after the noun, its target too. The names between the
  // two triggers are the earlier report's.
  void OwnerOfANoun(std::uint32_t s, const Frame& frame, const Roles& roles, Event* e) const {
    if (!frame.head().possessed || !frame.after_trigger || context_.subject_sentence != s ||
        context_.actors_sentence != s || context_.actor1.empty()) {
      return;
    }
    e->actor1 = context_.actor1;
    e->inter1 = context_.inter1;
    const bool target_after = roles.actor2 != kNone &&
                              ix_.mention(roles.actor2).first_token >= frame.head().end &&
                              ix_.mention(roles.actor2).id != e->actor1;
    if (!target_after) {
      e->actor2 = context_.actor2;
      e->inter2 = context_.inter2;
    }
  }

  // The earlier report of a one-off event that a definite noun tells again
  // (… الهجوم الانتحاري الذي أوقع 32 قتيلا): same sub-type, and no other place.
  Event* OneOffTold(const Frame& frame, const Event& e) const {
    if (!OneOff(e) || !DefiniteNoun(ix_, frame.head())) return nullptr;
    for (Event& told : *out_) {
      if (told.sub_event_type != e.sub_event_type || told.status != e.status) continue;
      if (!e.location || !told.location || LocationKey(told) == LocationKey(e)) return &told;
      if (!told.date.empty() && told.date == e.date && QuarterOf(*told.location, *e.location)) {
        return &told;
      }
    }
    return nullptr;
  }

  // True when one place is a town and the other a quarter or a landmark
  // within kSceneKm of it (حلب and جمعية الزهراء), or a spot the gazetteer
  // lacks, which carries the point of the area it is in (حي الحمدانية): two
  // quarters of one town (المزة، باب توما) are two scenes.
  bool QuarterOf(const Location& a, const Location& b) const {
    const auto kind = [&](const Location& l) -> std::string_view {
      for (const Mention& m : ix_.linked->mentions) {
        if (m.kind == MentionKind::kPlace && m.name_span == l.span) return m.place_kind;
      }
      return {};
    };
    const auto town = [](std::string_view k) {
      return k == "city" || k == "town" || k == "village";
    };
    const auto spot = [](const Location& l, std::string_view k) {
      return k == "neighbourhood" || k == "landmark" || l.place_id.empty();
    };
    const std::string_view ka = kind(a), kb = kind(b);
    return ((town(ka) && spot(b, kb)) || (spot(a, ka) && town(kb))) && WithinKm(a, b, kSceneKm);
  }

  void RememberBlast(std::uint32_t s, std::size_t event) {
    const Event& e = (*out_)[event];
    if (e.event_type != EventTypeOf(SubEventType::kRemoteExplosiveLandmineIed) ||
        e.status != EventStatus::kCurrent) {
      return;
    }
    context_.blast = event;
    context_.blast_sentence = s;
  }

  // "A third car bomb" (وقال مصدر بالمجموعة إن سيارة ملغومة ثالثة انفجرت): one
  // more of the series of bombs just told, set off by the same side at the
  // same target. The ordinal follows the trigger's noun, which a verb may
  // open (وانفجرت سيارة مفخخة ثانية). Bombs go on a series of bombs, strikes
  // one of strikes.
  void OneOfASeries(std::uint32_t s, const Frame& frame, Event* e) {
    series_of_next_ = kNoEvent;
    const auto ordinal_at = [&](std::uint32_t t) {
      return t < ix_.text->tokens.size() && ix_.Cue(t, CueClass::kOrdinal);
    };
    if (!e->actor1.empty() || context_.blast == kNoEvent ||
        s > context_.blast_sentence + kDoerReach ||
        !(ordinal_at(frame.head().end) || ordinal_at(frame.hits.back().end))) {
      return;
    }
    const Event& series = (*out_)[context_.blast];
    const bool same_kind =
        series.sub_event_type == e->sub_event_type || (IsBombing(series) && IsBombing(*e));
    if (!same_kind || series.actor1.empty()) return;
    e->actor1 = series.actor1;
    e->inter1 = series.inter1;
    if (e->actor2.empty()) {
      e->actor2 = series.actor2;
      e->inter2 = series.inter2;
    }
    series_of_next_ = context_.blast;
  }

  // True when both places have points at most `km` apart.
  static bool WithinKm(const Location& a, const Location& b, double km) {
    return a.lat && a.lon && b.lat && b.lon && DistanceKm(*a.lat, *a.lon, *b.lat, *b.lon) <= km;
  }

  // True when the article names `id` only as a class of actors (فصائل
  // المعارضة، المتمردون), not as one group.
  bool Generic(const std::string& id) const {
    return std::any_of(ix_.linked->mentions.begin(), ix_.linked->mentions.end(),
                       [&](const Mention& m) { return m.generic && m.id == id; });
  }

  // A retelling that names the group which did it (نفذت الهجمات الانتحارية من
  // قبل الجماعة الجهادية حياة التحرير الشام) makes the exact doer of an event
  // first told as the work of a class of actors (نفذ المتمردون السوريون هجومين
  // إنتحاريين); the bombs of its series (OneOfASeries) go with it.
  void NamedDoerOfTheClass(const Event& later, Event* told) const {
    if (told->actor1.empty() || later.actor1.empty() || later.actor1 == told->actor2 ||
        !Generic(told->actor1) || Generic(later.actor1)) {
      return;
    }
    const std::string class_id = told->actor1;
    const auto index = static_cast<std::size_t>(told - out_->data());
    for (const auto& [series, member] : series_members_) {
      Event& m = (*out_)[member];
      if (series == index && m.actor1 == class_id) {
        m.actor1 = later.actor1;
        m.inter1 = later.inter1;
      }
    }
    told->actor1 = later.actor1;
    told->inter1 = later.inter1;
    told->actor1_span = later.actor1_span;
  }

  // Where a frame's places start. A frame after another in its sentence
  // shares the words between the two triggers with it: when it names a place
  // after its own trigger, those before are the earlier report's (قصف … في
  // بلدة تل الضمان، كما قصفت … مناطق في قرية عبطين → عبطين).
  std::uint32_t PlacesBegin(const text::Sentence& sentence, const Frame& frame) const {
    const std::uint32_t first = std::max(sentence.first_token, sentence.dateline_end_token);
    if (frame.window_begin <= first) return frame.window_begin;
    const bool own_place =
        !MentionsIn(ix_, MentionKind::kPlace, frame.head().first, frame.window_end).empty();
    return own_place ? frame.head().first : frame.window_begin;
  }

  // A definite event noun with no side named (الضربات التي وجهت في سوريا،
  // وامتد القصف الجوي إلى عين لاروز) goes on with the report just made: it
  // takes that event's sides, and its own places make it events of their own.
  void InheritRetoldSides(std::uint32_t s, const Frame& frame, Event* e) const {
    if (!e->actor1.empty() || !DefiniteNoun(ix_, frame.head())) return;
    if (out_->empty() || s > context_.event_sentence + 1) return;
    const Event& told = out_->back();
    if (told.event_type != e->event_type) return;
    if (!e->actor2.empty()) {
      // The strikes told again with their target named (طيران التحالف نفذ 9
      // غارات … وأفاد البيان أن الغارات استهدفت مواقع داعش): who made them.
      if (!told.actor1.empty() && told.actor1 != e->actor2) {
        e->actor1 = told.actor1;
        e->inter1 = told.inter1;
      }
      return;
    }
    e->actor1 = told.actor1;
    e->inter1 = told.inter1;
    e->actor2 = told.actor2;
    e->inter2 = told.inter2;
  }

  // "In its turn" by the trigger (كما نفذت بدورها غارات، وشنت غارات بدورها
  // على تنظيم داعش: cue class `turn`) says the doer is the subject the
  // sentence opened with, or the one before opened with: a pronoun, not a
  // name of the clause.
  void SubjectInItsTurn(std::uint32_t s, const Frame& frame, Event* e) const {
    const TriggerHit& head = frame.head();
    const std::uint32_t from =
        head.first > frame.window_begin + kTurnReach ? head.first - kTurnReach : frame.window_begin;
    const std::uint32_t to = std::min(frame.window_end, head.end + kTurnReach);
    const std::optional<std::uint32_t> found = FirstCueIn(ix_, CueClass::kTurn, from, to);
    if (!found) return;
    const std::uint32_t turn = *found;
    // A subject the words name by the verb stays (وقصفت قوات النظام بدورها،
    // ورد النظام بدوره بقصف).
    // Between the trigger and the cue, or in the two words before a cue that
    // comes first.
    const std::uint32_t named_from =
        turn > head.first ? head.end : std::max(frame.window_begin, turn > 2 ? turn - 2 : 0);
    if (!MentionsIn(ix_, MentionKind::kActor, named_from, turn).empty()) return;
    const text::Sentence& sentence = ix_.text->sentences[s];
    std::vector<std::int32_t> named =
        MentionsIn(ix_, MentionKind::kActor, sentence.first_token, head.first);
    if (named.empty() && s > 0) {
      const text::Sentence& before = ix_.text->sentences[s - 1];
      named = MentionsIn(ix_, MentionKind::kActor, before.first_token, before.end_token);
    }
    if (named.empty() || ix_.mention(named.front()).id == e->actor2) return;
    SetActor(ix_, named.front(), &e->actor1, &e->inter1, &e->actor1_span);
  }

  // "N of them" killed (بينما قتل 29 منهم في استهداف): the dead are of the
  // side hit in the report just before, in this sentence or the one before.
  void DeadOfThem(std::uint32_t s, const Frame& frame, Event* e) const {
    if (!e->actor2.empty() || context_.actor2.empty() || s > context_.actors_sentence + 1 ||
        context_.actor2 == e->actor1 || !Violent(*e)) {
      return;
    }
    for (std::uint32_t t = frame.window_begin + 1; t < frame.window_end; ++t) {
      const bool counted = ix_.number_at[t - 1] != kNone || ix_.count_at[t - 1] != 0;
      if (!counted || !ix_.Cue(t, CueClass::kAmong)) continue;
      const std::uint32_t from = t > kVictimReach ? t - kVictimReach : 0;
      if (!CueInRange(ix_, CueClass::kDeath, std::max(from, frame.window_begin), t)) continue;
      e->actor2 = context_.actor2;
      e->inter2 = context_.inter2;
      return;
    }
  }

  // One side named: the other is the side this one fought in the previous
  // report of the article (news follows one dyad at a time). Not for a
  // bombardment: it hits what its words name, places or people (بينما رد
  // الأخير بقصف أحياء درعا البلد), and ACLED leaves its target blank where
  // they name no side, however the fighting before it went.
  void ContinueDyad(std::uint32_t s, Event* e) const {
    if (context_.actor1.empty() || s > context_.actors_sentence + 2) return;
    if (IsBombardment(*e)) return;
    if (e->actor1.empty() || !e->actor2.empty()) return;
    const bool first = e->actor1 == context_.actor1;
    if (!first && e->actor1 != context_.actor2) return;
    const std::string& other = first ? context_.actor2 : context_.actor1;
    // Nor does a battle take civilians for its other side.
    if (e->event_type == "Battles" && other == kCiviliansId) return;
    e->actor2 = other;
    e->inter2 = first ? context_.inter2 : context_.inter1;
  }

  // A sentence with no event that names a town still sets the scene for the
  // reports after it (معركة الزبداني ... كما أن القصف الصاروخي ...).
  void RememberPlace(std::uint32_t s, std::uint32_t begin, std::uint32_t end) {
    const std::vector<std::int32_t> places = MentionsIn(ix_, MentionKind::kPlace, begin, end);
    for (auto it = places.rbegin(); it != places.rend(); ++it) {
      const Mention& m = ix_.mention(*it);
      if (m.dateline || !m.lat || IsArea(m) || m.country != "Syria") continue;
      context_.scene = *it;
      context_.scene_sentence = s;
      return;
    }
  }

  // The place of the report before (within two sentences), or a town a
  // sentence named since. Returns true when only such a town places it: it
  // places the report but does not make a bare word an event.
  bool FallbackLocation(std::uint32_t s, Event* e) const {
    const bool reported = context_.location && s <= context_.location_sentence + 2;
    const bool scene = context_.scene != kNone && s <= context_.scene_sentence + 2 &&
                       (!reported || context_.scene_sentence > context_.location_sentence);
    if (scene) {
      e->location = ToLocation(ix_.mention(context_.scene));
    } else if (reported) {
      e->location = context_.location;
    }
    return scene && !reported;
  }

  const Lexicon& lexicon_;
  const DocIndex& ix_;
  std::vector<Event>* out_;
  Context context_;
  std::vector<std::optional<std::vector<TriggerHit>>> triggers_;  // by sentence, when found
  std::vector<Coalition> coalitions_;
  // The series the frame being emitted continues (OneOfASeries), and the
  // events so continued: {series, member} indices into out_.
  std::size_t series_of_next_ = kNoEvent;
  std::vector<std::pair<std::size_t, std::size_t>> series_members_;
};

bool SameActors(const DocIndex& ix, const Event& a, const Event& b) {
  // A state's forces and its air force are one side told two ways (شنت قوات
  // النظام غارات … طيران النظام).
  const auto same = [&](const std::string& x, const std::string& y) {
    if (x == y) return true;
    if (x.empty() || y.empty()) return false;
    return ix.lexicon->AirArmOf(x) == y || ix.lexicon->AirArmOf(y) == x;
  };
  // A battle's sides are a pair; a one-sided attack has one initiator, and
  // the side it hit answering in kind (كما أطلق المسلحون صواريخ) is another event.
  if (a.event_type != "Battles" && !a.actor1.empty() && !b.actor1.empty() &&
      !same(a.actor1, b.actor1)) {
    return false;
  }
  const auto covers = [&](const Event& x, const Event& y) {
    return (y.actor1.empty() || same(y.actor1, x.actor1) || same(y.actor1, x.actor2)) &&
           (y.actor2.empty() || same(y.actor2, x.actor1) || same(y.actor2, x.actor2));
  };
  return covers(a, b) || covers(b, a);
}

std::string LocationKey(const Event& e) {
  if (!e.location) return "";
  return e.location->place_id.empty() ? e.location->name : e.location->place_id;
}

// Two reports name one place when they give the same place or the later gives
// none (a governorate and a town in it are two places: ACLED codes both).
bool SamePlace(const Event& kept, const Event& later) {
  if (LocationKey(kept) == LocationKey(later)) return true;
  // A later report with no place continues only a report close before it.
  const std::uint32_t gap = later.evidence.begin.value > kept.evidence.end.value
                                ? later.evidence.begin.value - kept.evidence.end.value
                                : 0;
  return !later.location && gap < kContinuationBytes;
}

// True when a later report's toll should replace the kept one: any count
// beats none or "casualties" with no count, a precise figure beats a word's
// convention (عشرات), and of two figures alike the lowest wins (spec).
bool BetterFigure(const Event& later, const Event& kept) {
  if (!later.fatalities) return false;
  if (!kept.fatalities || *kept.fatalities == 0) return *later.fatalities > 0 || !kept.fatalities;
  if (*later.fatalities == 0) return false;
  if (kept.fatalities_vague != later.fatalities_vague) return kept.fatalities_vague;
  return *later.fatalities < *kept.fatalities;
}

// What a later report of a kept event adds to it: a side it lacked, a better
// toll, its sources.
void Complete(const Event& later, Event* kept) {
  if (kept->actor1.empty() && !later.actor1.empty() && later.actor1 != kept->actor2) {
    kept->actor1 = later.actor1;
    kept->inter1 = later.inter1;
  }
  if (kept->actor2.empty() && !later.actor2.empty() && later.actor2 != kept->actor1) {
    kept->actor2 = later.actor2;
    kept->inter2 = later.inter2;
  }
  if (BetterFigure(later, *kept)) {
    kept->fatalities = later.fatalities;
    kept->fatalities_text = later.fatalities_text;
    kept->fatalities_span = later.fatalities_span;
    kept->fatalities_vague = later.fatalities_vague;
  }
  for (const Claim& c : later.claims) {
    const bool known = std::any_of(kept->claims.begin(), kept->claims.end(),
                                   [&](const Claim& k) { return k.source == c.source; });
    if (!known) kept->claims.push_back(c);
  }
}

// A battle has two sides by nature; a bombardment of a place often names no
// target (قصفت قوات النظام مناطق في داريا), and ACLED then codes none.
bool IsBattle(const Event& e) { return e.event_type == "Battles"; }

// The token that starts at or holds byte `at` of the original text.
std::uint32_t TokenAtByte(const DocIndex& ix, std::uint32_t at) {
  const auto& tokens = ix.text->tokens;
  const auto it =
      std::lower_bound(tokens.begin(), tokens.end(), at,
                       [](const Token& t, std::uint32_t b) { return t.original.end.value <= b; });
  return static_cast<std::uint32_t>(it - tokens.begin());
}

// Days between two ISO dates, or none when either is missing or malformed.
std::optional<std::int64_t> DaysApart(const std::string& a, const std::string& b) {
  const auto da = text::CivilDate::FromIso(a), db = text::CivilDate::FromIso(b);
  if (!da || !db) return std::nullopt;
  const std::int64_t d = da->ToDays() - db->ToDays();
  return d < 0 ? -d : d;
}

// True when `wide` places a report only at a governorate or region that holds
// `exact`'s town: the same strikes told again less precisely (غارات على مواقع
// في ريف حلب الشمالي الشرقي ... قرب بلدة الراعي).
bool HeldArea(const Event& wide, const Event& exact) {
  // A village the gazetteer lacks carries its area's point and precision but
  // no id of its own: it is not the area.
  return wide.location && exact.location && wide.location->geo_precision >= 3 &&
         !wide.location->place_id.empty() && exact.location->geo_precision < 3 &&
         !wide.location->admin1.empty() && wide.location->admin1 == exact.location->admin1;
}

// One report told at two precisions: the same type and both sides named alike,
// close by in the text and within a day, one at the area that holds the
// other's town.
bool SameReportWider(const Event& k, const Event& e) {
  if (k.actor1.empty() || k.actor2.empty() || k.actor1 != e.actor1 || k.actor2 != e.actor2) {
    return false;
  }
  // Battles at a town and across its region are often two: fronts move.
  if (IsBattle(k)) return false;
  // Told again close by, in another clause: far apart, the same sides may
  // meet twice; in one clause, the places are items of a list.
  if (e.evidence.begin.value < k.evidence.end.value ||
      e.evidence.begin.value - k.evidence.end.value >= kContinuationBytes) {
    return false;
  }
  const auto days = DaysApart(k.date, e.date);
  return days && *days <= kRetellingDays && (HeldArea(k, e) || HeldArea(e, k));
}

// The index of the sentence whose original text holds byte `at`.
std::size_t SentenceAt(const DocIndex& ix, std::uint32_t at) {
  const auto& sentences = ix.text->sentences;
  const auto it = std::upper_bound(
      sentences.begin(), sentences.end(), at,
      [](std::uint32_t b, const text::Sentence& s) { return b < s.original.begin.value; });
  return it == sentences.begin() ? 0 : static_cast<std::size_t>(it - sentences.begin() - 1);
}

// Clashes told in the sentence that reports a town taken, between the same
// sides and at that town or at no place of their own (سيطرة مقاتلي الفصائل على
// بلدة البحصة ... خلال اشتباكات عنيفة بين الطرفين في البلدة), are the fighting
// of the taking: ACLED codes the battle once, by its outcome.
void AbsorbClashesOfTakings(const DocIndex& ix, std::vector<Event>* events) {
  // The takings by sentence, so that each clash looks only at its own.
  std::vector<std::pair<std::size_t, std::size_t>> takings;
  for (std::size_t t = 0; t < events->size(); ++t) {
    if (IsTaking((*events)[t])) {
      takings.emplace_back(SentenceAt(ix, (*events)[t].evidence.begin.value), t);
    }
  }
  std::sort(takings.begin(), takings.end());
  std::vector<bool> absorbed(events->size(), false);
  for (std::size_t c = 0; c < events->size(); ++c) {
    const Event& clash = (*events)[c];
    if (clash.sub_event_type != SubEventTypeName(SubEventType::kArmedClash)) continue;
    const std::size_t sentence = SentenceAt(ix, clash.evidence.begin.value);
    auto it =
        std::lower_bound(takings.begin(), takings.end(), std::make_pair(sentence, std::size_t{0}));
    for (; it != takings.end() && it->first == sentence; ++it) {
      Event& taking = (*events)[it->second];
      if (taking.status != clash.status || !SameActors(ix, taking, clash)) continue;
      if (clash.location && taking.location && LocationKey(clash) != LocationKey(taking)) {
        continue;
      }
      Complete(clash, &taking);
      absorbed[c] = true;
      break;
    }
  }
  std::size_t k = 0;
  std::erase_if(*events, [&](const Event&) { return absorbed[k++]; });
}

// True when "had" stands in the few words before the event's trigger, in its
// clause (وكانت جبهة النصرة خطفت): the writer tells what happened before.
bool TellsAnEarlierOne(const DocIndex& ix, const Event& e) {
  const auto& tokens = ix.text->tokens;
  const auto at =
      std::lower_bound(tokens.begin(), tokens.end(), e.trigger.begin.value,
                       [](const Token& t, std::uint32_t b) { return t.original.begin.value < b; });
  const auto head = static_cast<std::uint32_t>(at - tokens.begin());
  // Words, not the quotes around a name (وكانت «جبهة النصرة» خطفت).
  std::uint32_t words = 0;
  for (std::uint32_t t = head; t > 0 && words < kPluperfectReach; --t) {
    if (EndsAClause(ix, t - 1)) return false;
    if (ix.Cue(t - 1, CueClass::kPluperfect)) return true;
    words += ix.text->tokens[t - 1].kind == text::TokenKind::kPunct ? 0 : 1;
  }
  return false;
}

// True when the event's date is only the publication day's (FillDate's last
// resort): no words of the text gave it.
bool DatedByPublication(const Event& e) { return !e.date_span && e.time_precision == 2; }

// True when `later` tells again a one-off event `kept` told: a bombing or an
// abduction by the same side, within a day, at its place or at none
// (خطفت جبهة النصرة ثمانية عناصر … غداة إقدام الجبهة على خطف ثمانية عناصر).
bool OneOffRetold(const DocIndex& ix, const Event& kept, const Event& later) {
  if (!OneOff(later) || kept.actor1.empty() || kept.actor1 != later.actor1) return false;
  // وكانت جبهة النصرة خطفت ثمانية عناصر: an earlier one, beside the news's.
  if (TellsAnEarlierOne(ix, later)) return false;
  if (kept.location && later.location && LocationKey(kept) != LocationKey(later)) return false;
  const auto days = DaysApart(kept.date, later.date);
  // خطفت جبهة النصرة خمسة مقاتلين in the lead, with no day, and «خطفت … يوم
  // أمس الثلاثاء» in the body: the body's day is within the lead's week.
  // Unnamed gunmen are no one group: two of their abductions that week may
  // be two.
  const bool undated =
      (DatedByPublication(kept) || DatedByPublication(later)) && kept.actor1 != kUnidentifiedId;
  return days && *days <= (undated ? kUndatedWeekDays : kRetellingDays);
}

// True when one is an explosion nobody is named for and the other a
// suicide bombing at its place on its day with its toll (انفجارا في بلدة
// سروج أسفر عن مقتل 27 شخصا … هجوما انتحاريا نفذه تنظيم الدولة … 27
// قتيلا): the blast first told without its cause, then identified. Told
// after the bombing with no toll of its own, a blast there is it again.
bool SameBlastIdentified(const DocIndex& ix, const Event& a, const Event& b) {
  const auto is = [](const Event& e, SubEventType t) {
    return e.sub_event_type == SubEventTypeName(t);
  };
  const Event* blast = is(a, SubEventType::kRemoteExplosiveLandmineIed) ? &a : &b;
  const Event* bombing = blast == &a ? &b : &a;
  // A blast its words call remote (انفجرت بالتحكم عن بعد) is no suicide.
  const auto remote = [&](const Event& e) {
    return CueInRange(ix, CueClass::kRemote, TokenAtByte(ix, e.evidence.begin.value),
                      TokenAtByte(ix, e.evidence.end.value));
  };
  return is(*blast, SubEventType::kRemoteExplosiveLandmineIed) &&
         is(*bombing, SubEventType::kSuicideBomb) && blast->actor1.empty() && !remote(*blast) &&
         blast->status == bombing->status && blast->date == bombing->date && blast->location &&
         bombing->location && LocationKey(*blast) == LocationKey(*bombing) &&
         (blast->actor2.empty() || blast->actor2 == bombing->actor2) &&
         (blast->fatalities ? blast->fatalities == bombing->fatalities
                            : blast->evidence.begin.value > bombing->evidence.begin.value);
}

// True when the word after the event's trigger makes it another event of
// its kind (بعد يوم من قصف مماثل على هذه المدينة، ووقوع هجومين آخرين: cue
// class `another`): never the same event told again.
bool ToldAsAnother(const DocIndex& ix, const Event& e) {
  const std::uint32_t after = TokenAtByte(ix, e.trigger.end.value);
  if (after < ix.text->tokens.size() &&
      (ix.Cue(after, CueClass::kAnother) || ix.Cue(after, CueClass::kOrdinal))) {
    return true;
  }
  // وفي حادثة أخرى، خطف مسلحون: "in another incident" opens the clause.
  const std::uint32_t head = TokenAtByte(ix, e.trigger.begin.value);
  return CueInRange(ix, CueClass::kElsewhere, head > kAnotherReach ? head - kAnotherReach : 0,
                    head);
}

// Gives `record` the evidence of another telling of its event: the clause,
// the trigger and the spans of the sides both name.
void TakeTheWordsOf(const Event& telling, Event* record) {
  record->evidence = telling.evidence;
  record->trigger = telling.trigger;
  if (record->actor1 == telling.actor1 && telling.actor1_span) {
    record->actor1_span = telling.actor1_span;
  }
  if (record->actor2 == telling.actor2 && telling.actor2_span) {
    record->actor2_span = telling.actor2_span;
  }
}

// True when the event is told in a short line that ends without a mark, as
// a section heading does (تمرّد على الجولاني..وانشقاقات في صفوف النصرة). The
// walk over the line's sentences stops once it is too long for a heading.
bool InAHeading(const DocIndex& ix, const Event& e) {
  const std::vector<text::Sentence>& sentences = ix.text->sentences;
  const std::size_t s = SentenceAt(ix, e.evidence.begin.value);
  std::size_t first = s;
  std::size_t last = s;
  const auto tokens = [&] { return sentences[last].end_token - sentences[first].first_token; };
  while (first > 0 && !sentences[first].line_start && tokens() <= kHeadingTokens) --first;
  while (last + 1 < sentences.size() && !sentences[last + 1].line_start &&
         tokens() <= kHeadingTokens) {
    ++last;
  }
  if (tokens() > kHeadingTokens) return false;
  return ix.text->tokens[sentences[last].end_token - 1].kind != text::TokenKind::kPunct;
}

// True when the event is an agreement a meeting ended in (MeetingEndedIn,
// within the event's sentence).
bool ReachedAtAMeeting(const DocIndex& ix, const Event& e) {
  if (e.sub_event_type != SubEventTypeName(SubEventType::kAgreement)) return false;
  const std::size_t s = SentenceAt(ix, e.evidence.begin.value);
  return MeetingEndedIn(ix, TokenAtByte(ix, e.trigger.begin.value),
                        ix.text->sentences[s].first_token);
}

// One event per type, place, day and dyad (ACLED's unit): a report repeated
// in the headline, the lead and the body is one event. The first mention
// stays, completed by what the later ones add; the lowest figure wins; of a
// report told at an area and at a town of it, the town is the place.
void MergeRepeats(const DocIndex& ix, std::vector<Event>* events) {
  std::vector<Event> kept;
  kept.reserve(events->size());  // an Event is large: moving them as kept grows costs
  for (Event& e : *events) {
    bool wider = false;
    const bool reached_at_a_meeting = ReachedAtAMeeting(ix, e);
    auto same = std::find_if(kept.begin(), kept.end(), [&](const Event& k) {
      if (SameBlastIdentified(ix, k, e)) return true;
      if (k.sub_event_type != e.sub_event_type || k.status != e.status) return false;
      // What a meeting ended in is a deal of its own, not a retelling of
      // another between the same parties (a release of prisoners told before).
      if (ReachedAtAMeeting(ix, k) != reached_at_a_meeting) return false;
      // A suicide bombing happens once at its place and day, whoever each
      // telling names (فجر انتحاري نفسه … وقال المرصد «فجر انتحاري نفسه …»).
      const bool bombing = e.sub_event_type == SubEventTypeName(SubEventType::kSuicideBomb);
      if (k.date == e.date && SamePlace(k, e) && k.location && (bombing || SameActors(ix, k, e))) {
        return true;
      }
      if (k.date == e.date && SamePlace(k, e) && SameActors(ix, k, e)) return true;
      if (OneOffRetold(ix, k, e)) return true;
      wider = SameReportWider(k, e);
      return wider;
    });
    if (same == kept.end() || ToldAsAnother(ix, e)) {
      kept.push_back(std::move(e));
      continue;
    }
    // The first mention stays the record; the town is the more exact place.
    if (wider && HeldArea(*same, e)) same->location = e.location;
    // The blast is the suicide bombing it was found to be.
    if (SameBlastIdentified(ix, *same, e) && e.sub_event_type != same->sub_event_type) {
      Retype(SubEventType::kSuicideBomb, &*same);
    }
    // A one-off dated only by publication takes the day a retelling gives
    // (خطفت … يوم أمس الثلاثاء).
    if (OneOff(e) && DatedByPublication(*same) && !DatedByPublication(e) && e.time_precision > 0) {
      same->date = e.date;
      same->time_precision = e.time_precision;
      same->date_span = e.date_span;
    }
    // A telling with no place is completed by the one that gives it.
    if (!same->location && e.location && OneOff(e)) {
      same->location = e.location;
      if (e.time_precision > 0 &&
          (same->time_precision == 0 || e.time_precision < same->time_precision)) {
        same->date = e.date;
        same->time_precision = e.time_precision;
        same->date_span = e.date_span;
      }
    }
    // The army told once and its aircraft once: the air force struck.
    if (!e.actor1.empty() && ix.lexicon->AirArmOf(same->actor1) == e.actor1) {
      same->actor1 = e.actor1;
      same->actor1_span = e.actor1_span;
    }
    Complete(e, &*same);
    // A section heading (تمرّد على الجولاني..وانشقاقات في صفوف النصرة) names
    // what the body below it tells: the body's words are the evidence.
    if (InAHeading(ix, *same) && !InAHeading(ix, e)) TakeTheWordsOf(e, &*same);
  }
  *events = std::move(kept);
}

// A suicide bombing happens once and an article names its perpetrator where
// it can (تبناه، نفذه، يشتبه في أنه ينتمي ل): a report of one that names none
// takes the armed group the article gives another suicide bombing, and one
// that names no target hit the people around it, as ACLED codes a bombing
// of a crowd (spec: civilians are CIVILIANS).
void FillSuicideBombings(std::vector<Event>* events) {
  const auto suicide = [](const Event& e) {
    return e.sub_event_type == SubEventTypeName(SubEventType::kSuicideBomb);
  };
  for (Event& e : *events) {
    if (!suicide(e) || !e.actor1.empty()) continue;
    for (const Event& other : *events) {
      // Bombers are armed groups (ACLED inter 2 to 4), not a state or its police.
      const bool armed_group = other.inter1 >= 2 && other.inter1 <= 4;
      if (&other == &e || other.sub_event_type != e.sub_event_type || !armed_group ||
          other.actor1 == e.actor2) {
        continue;
      }
      e.actor1 = other.actor1;
      e.inter1 = other.inter1;
      break;
    }
  }
  for (Event& e : *events) {
    if (!suicide(e) || !e.actor2.empty() || e.actor1.empty() || e.actor1 == kCiviliansId) {
      continue;
    }
    e.actor2 = kCiviliansId;
    e.inter2 = kCiviliansInter;
  }
}

// A battle that names one side only: the other side is the article's
// most-named actor of an opposing camp, when the article names one at least twice.
void FillOpponents(const DocIndex& ix, std::vector<Event>* events) {
  const auto one_sided = [](const Event& e) {
    return IsBattle(e) && e.actor1.empty() != e.actor2.empty();
  };
  // Most articles have no such battle: the counts are not made for them.
  if (std::none_of(events->begin(), events->end(), one_sided)) return;
  std::unordered_map<std::string, int> counts;
  std::unordered_map<std::string, int> inter;
  for (const Mention& m : ix.linked->mentions) {
    if (m.kind != MentionKind::kActor || m.id.empty()) continue;
    ++counts[m.id];
    inter[m.id] = m.inter;
  }
  for (Event& e : *events) {
    if (!one_sided(e)) continue;
    const std::string& known = e.actor1.empty() ? e.actor2 : e.actor1;
    const Camp* camp = ix.lexicon->CampOf(known);
    if (camp == nullptr) continue;
    std::string best;
    int best_count = 1;
    const auto ally = [&](const std::string& id) {
      return std::find(e.assoc_actor_1.begin(), e.assoc_actor_1.end(), id) !=
                 e.assoc_actor_1.end() ||
             std::find(e.assoc_actor_2.begin(), e.assoc_actor_2.end(), id) != e.assoc_actor_2.end();
    };
    for (const auto& [id, n] : counts) {
      const Camp* other = ix.lexicon->CampOf(id);
      // One fighting alongside it (“جبهة النصرة” والفصائل المقاومة) is no opponent.
      if (other == nullptr || other->name == camp->name || ally(id)) continue;
      if (n > best_count || (n == best_count && !best.empty() && id < best)) {
        best = id;
        best_count = n;
      }
    }
    if (best.empty()) continue;
    if (e.actor1.empty()) {
      e.actor1 = best;
      e.inter1 = inter[best];
    } else {
      e.actor2 = best;
      e.inter2 = inter[best];
    }
  }
}

// A battle whose other side only the article as a whole gave (FillOpponents)
// gives it to the bombardments during it too (معارك عنيفة يشارك فيها سلاحي
// الجو والمدفعية, with the enemy named elsewhere).
void HitInFightingTheArticleCompleted(const DocIndex& ix, std::vector<Event>* events) {
  for (std::size_t i = 0; i < events->size(); ++i) {
    Event& e = (*events)[i];
    if (!IsBombardment(e) || e.actor1.empty() || !e.actor2.empty()) continue;
    const std::size_t s = SentenceAt(ix, e.evidence.begin.value);
    HitInTheFighting(ix, static_cast<std::uint32_t>(s), ix.text->sentences[s].first_token,
                     TokenAtByte(ix, e.trigger.begin.value), *events, i, &e);
  }
}

}  // namespace

void EventAssembler::Assemble(const Document& doc, const text::AnalyzedText& analyzed,
                              const link::LinkedText& linked,
                              std::optional<text::CivilDate> pub_date,
                              std::vector<Event>* out) const {
  out->clear();
  const DocIndex ix = BuildIndex(doc, analyzed, linked, pub_date, *lexicon_);
  AssemblyRun run(*lexicon_, ix, out);
  for (std::uint32_t s = 0; s < analyzed.sentences.size(); ++s) run.Sentence(s);
  FillOpponents(ix, out);
  HitInFightingTheArticleCompleted(ix, out);
  FillSuicideBombings(out);
  AbsorbClashesOfTakings(ix, out);
  MergeRepeats(ix, out);
}

}  // namespace rasd::extract
