// Actor roles (roles.h): the side of each name of a frame's window, read from
// the cue before it and, where none stands, from word order (VSO, SVO). The
// rules are general facts of Arabic news writing; the words they rest on are
// in data/extract/. docs/extraction.md (step 4) explains them.
#include "extract/roles.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/doc_index.h"
#include "extract/frames.h"
#include "extract/lexicon.h"

namespace rasd::extract {
namespace {

using link::Mention;
using link::MentionKind;

// "By" may stand a description away from the name (من قبل الجماعة الجهادية
// هيئة تحرير الشام، على يد عناصر تنظيم داعش).
constexpr std::uint32_t kAgentReach = 4;
// "Which X holds": the holder stands after the verb and its pronoun (التي
// تسيطر عليها المعارضة).
constexpr std::uint32_t kHolderReach = 3;
// How many words may stand between a subject and its verb in SVO order (the
// subject's own apposition: الولايات المتحدة وحلفاؤها استهدفوا).
constexpr std::uint32_t kSvoGap = 2;
// Words between a verb of reacting and its subject (ندد الرئيس التركي رجب).
constexpr std::uint32_t kReactorReach = 4;

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

// The names of a frame's window by the role their cues give them, before
// actor1 and actor2 are chosen among them (ChooseSides).
struct Candidates {
  std::int32_t agent = kNone;
  std::int32_t between_first = kNone;
  std::int32_t between_second = kNone;
  std::int32_t target = kNone;
  std::int32_t victim = kNone;
  std::int32_t holder = kNone;
  std::vector<std::int32_t> free_actors;  // names no cue gives a role
};

// True when the frame's head is an arrest word.
bool ArrestFrame(const Frame& frame) {
  return frame.head().row->cls == TriggerClass::kFixed &&
         frame.head().row->fixed == SubEventType::kArrests;
}

// The actors of the frame's window that may take a role: not the people an
// arrest names, nor a name that is no side of the event told.
std::vector<std::int32_t> ActorsOfTheWindow(const DocIndex& ix, const Frame& frame) {
  std::vector<std::int32_t> actors =
      MentionsIn(ix, MentionKind::kActor, frame.window_begin, frame.window_end);
  const bool bombardment =
      EventTypeKey(*frame.head().row) == EventTypeOf(SubEventType::kShellingArtilleryMissileAttack);
  const bool arrest = ArrestFrame(frame);
  // "Gunmen of the organisation" (مسلحون في تنظيم داعش، مسلحين من النصرة) are
  // that organisation's men: the group named after them is the side.
  std::erase_if(actors, [&](std::int32_t a) {
    // People arrested are suspects, no side (ستة أشخاص).
    if (arrest && ix.mention(a).id == kCiviliansId) return true;
    return GunmenOfANamedGroup(ix, a) || (bombardment && HoldsThePlace(ix, a)) ||
           Reacts(ix, frame, a) || SpeaksOfAnother(ix, frame, a) || ToldAsHistory(ix, frame, a);
  });
  return actors;
}

// The role the cues before each of the actors give it (Candidates); the
// associates they make go to *assoc.
Candidates ByTheirCues(const DocIndex& ix, const Frame& frame,
                       const std::vector<std::int32_t>& actors, std::vector<std::int32_t>* assoc) {
  const bool arrest = ArrestFrame(frame);
  const bool handover = IsHandover(ix, *frame.head().row, frame.head().first);
  Candidates c;
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
      if (c.agent == kNone) c.agent = a;
      // The order of the tests decides the role: "with X" and a parent body
      // make an associate before any other role, a second name joined by و
      // only after agent and between; so two branches add an associate.
    } else if (CueBefore(ix, first, frame.window_begin, CueClass::kWith) ||
               ParentOfNamedGroup(ix, first)) {  // NOLINT(bugprone-branch-clone)
      assoc->push_back(a);
    } else if (CueBefore(ix, first, frame.window_begin, CueClass::kAgent, kAgentReach)) {
      // "By X" follows the trigger it belongs to: before this frame's head,
      // right after the previous frame's trigger, it is that trigger's (قصف من
      // قبل الفصائل على مناطق النظام وقصف من الطيران المروحي).
      const bool previous_trigger_s = frame.after_trigger && first < frame.head().first;
      if (c.agent == kNone && !previous_trigger_s && !ReportedAfterTheTrigger(ix, frame, first)) {
        c.agent = a;
      }
    } else if (handover && CueBefore(ix, first, frame.window_begin, CueClass::kHeldBy, 1) &&
               HoldsWhatIsHandedOver(ix, frame, a)) {
      // معتقلي الأحرار عند الهيئة، بالإضافة إلى إعادة بعض المناطق: who holds
      // what is handed back hands it back; only "by X" says otherwise.
      if (c.holder == kNone) c.holder = a;
    } else if (CueBefore(ix, first, frame.window_begin, CueClass::kBetween)) {
      c.between_first = a;
      // The other side is the next other name: "between the Syrian forces
      // belonging to the regime and the FSA" names the regime twice. A second
      // "between" pairs its own sides.
      // Nor are its allies named with it (بين قوات النظام و«حزب الله» وجيش
      // التحرير الفلسطيني من جهة، والفصائل): the other side is the next name
      // of another known camp, else the next other name.
      c.between_second = OtherSide(ix, actors, k);
    } else if (a == c.between_second ||
               (k > 0 && Coordinated(ix, actors[k - 1], a) &&
                (actors[k - 1] == c.target || actors[k - 1] == c.victim) &&
                SameCamp(ix, ix.mention(actors[k - 1]).id, ix.mention(a).id))) {
      // Paired already, or the side hit named twice (قتل العشرات من قوات
      // النظام والحرس الجمهوري).
      continue;
    } else if (k > 0 && Coordinated(ix, actors[k - 1], a) && actors[k - 1] != c.target &&
               actors[k - 1] != c.victim) {
      // شنه مقاتلو المعارضة وجبهة النصرة: X وY outside بين act together; the
      // dead of X وY (مقتل 28 من الفصائل وداعش) are both sides.
      assoc->push_back(a);
    } else if (detainees_group || CueBefore(ix, first, frame.window_begin, CueClass::kTarget) ||
               (handover && first >= frame.head().end && Receives(ix, frame, a))) {
      if (c.target == kNone) c.target = a;
    } else if (MembersOfTheDead(ix, frame, first) || CountedAfterTrigger(ix, frame.head(), first)) {
      // مقتل 25 عنصرا من X; إعدام عنصرين من الشرطة، خطف ثمانية مقاتلين من
      // الفرقة: the group whose members died or were counted is the victim.
      if (c.victim == kNone) c.victim = a;
    } else {
      c.free_actors.push_back(a);
    }
  }
  return c;
}

// تعرضت X لقصف من Y: after "subjected to" with no agent named, X is the
// target, the name after the trigger the attacker.
void SubjectedTo(const DocIndex& ix, const Frame& frame, Candidates* c) {
  const TriggerHit& head = frame.head();
  bool exposed = false;
  for (std::uint32_t k = 1; k <= kExposedReach && head.first >= frame.window_begin + k; ++k) {
    exposed = exposed || ix.Cue(head.first - k, CueClass::kExposed);
  }
  if (!exposed || c->agent != kNone) return;
  for (const std::int32_t a : c->free_actors) {
    if (ix.mention(a).first_token >= head.end) {
      c->agent = a;
      break;
    }
  }
  for (const std::int32_t a : c->free_actors) {
    if (ix.mention(a).end_token <= head.first && c->target == kNone) c->target = a;
  }
  std::erase_if(c->free_actors, [&](std::int32_t a) { return a == c->agent || a == c->target; });
}

// Chooses actor1 and actor2 among the candidates: actor1 the agent, else the
// first side of "between", else the holder or the subject by word order;
// actor2 the first of the other side, the target and the victim that is not
// actor1, else, for a frame of two sides, the first free name of another id.
void ChooseSides(const DocIndex& ix, const Frame& frame, Candidates* c, Roles* roles) {
  if (c->agent != kNone) {
    roles->actor1 = c->agent;
  } else if (c->between_first != kNone) {
    roles->actor1 = c->between_first;
  } else {
    const SubjectObject so = SubjectOf(ix, frame, c->free_actors);
    roles->actor1 = c->holder != kNone ? c->holder : so.subject;
    if (c->target == kNone) c->target = so.object;
  }
  for (const std::int32_t candidate : {c->between_second, c->target, c->victim}) {
    if (candidate != kNone && candidate != roles->actor1) {
      roles->actor2 = candidate;
      break;
    }
  }
  if (roles->actor2 == kNone && OpposedFrame(frame)) {
    for (const std::int32_t a : c->free_actors) {
      if (roles->actor1 == kNone || ix.mention(a).id != ix.mention(roles->actor1).id) {
        roles->actor2 = a;
        break;
      }
    }
  }
  if (roles->actor1 != kNone && roles->actor2 != kNone &&
      ix.mention(roles->actor1).id == ix.mention(roles->actor2).id) {
    roles->actor2 = kNone;
  }
}

// Settles the two sides chosen by what the window says of them together:
// the dead of "both sides" are the two sides, and two actors of one cohesive
// camp fight on one.
void SettleSides(const DocIndex& ix, const Frame& frame, Roles* roles) {
  // "Between the two sides" (قتل 28 عنصرا من الفصائل المقاتلة وداعش في
  // اشتباكات بين الطرفين): the two names joined by و are the sides, not allies.
  if (roles->actor1 != kNone && roles->actor2 == kNone && !roles->assoc.empty() &&
      CueInRange(ix, CueClass::kBothSides, frame.window_begin, frame.window_end) &&
      DeadOfBoth(ix, frame, roles->actor1)) {
    roles->actor2 = roles->assoc.front();
    roles->assoc.erase(roles->assoc.begin());
  }
  // Two actors of one cohesive camp fight together: the second is an associate.
  if (roles->actor1 != kNone && roles->actor2 != kNone) {
    const Camp* c1 = ix.lexicon->CampOf(ix.mention(roles->actor1).id);
    const Camp* c2 = ix.lexicon->CampOf(ix.mention(roles->actor2).id);
    if (c1 != nullptr && c2 != nullptr && c1->cohesive && c1->name == c2->name) {
      roles->assoc.push_back(roles->actor2);
      roles->actor2 = kNone;
    }
  }
}

}  // namespace

bool SameCamp(const DocIndex& ix, const std::string& a, const std::string& b) {
  const Camp* ca = ix.lexicon->CampOf(a);
  const Camp* cb = ix.lexicon->CampOf(b);
  return ca != nullptr && cb != nullptr && ca->name == cb->name;
}

std::uint32_t HistoryOpensAt(const DocIndex& ix, std::uint32_t from, std::uint32_t to) {
  for (std::uint32_t t = from; t < to; ++t) {
    if (ix.Cue(t, CueClass::kPluperfect) && !(t > 0 && ix.Cue(t - 1, CueClass::kRelative))) {
      return t;
    }
  }
  return to;
}

Roles AssignActors(const DocIndex& ix, const Frame& frame) {
  Roles roles;
  const std::vector<std::int32_t> actors = ActorsOfTheWindow(ix, frame);
  Candidates candidates = ByTheirCues(ix, frame, actors, &roles.assoc);
  SubjectedTo(ix, frame, &candidates);
  ChooseSides(ix, frame, &candidates, &roles);
  SettleSides(ix, frame, &roles);
  return roles;
}

}  // namespace rasd::extract
