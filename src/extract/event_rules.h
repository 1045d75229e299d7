// Internal header. The rules that rewrite one event of a frame, or judge
// whether it can be coded, from the frame, the document index and the
// lexicon alone (docs/extraction.md, steps 3 and 4): the doer "in its turn"
// points to, the sides ACLED gives civilians, protesters, detainees and a
// state's air arm or police, the sub-types that turn on who did it, and the
// parties of a change or a meeting's deal. The sentence run applies them in
// the order given here among its own rules, which read what the article
// told before.
#ifndef RASD_EXTRACT_EVENT_RULES_H_
#define RASD_EXTRACT_EVENT_RULES_H_

#include <cstdint>
#include <optional>
#include <string>

#include "rasd/event.h"

#include "extract/doc_index.h"
#include "extract/frames.h"
#include "extract/lexicon.h"
#include "extract/roles.h"

namespace rasd::extract {

// "In its turn" by the trigger (كما نفذت بدورها غارات، وشنت غارات بدورها
// على تنظيم داعش: cue class `turn`) says the doer is the subject the
// sentence opened with, or the one before opened with: a pronoun, not a
// name of the clause.
void SubjectInItsTurn(const DocIndex& ix, std::uint32_t s, const Frame& frame, Event* e);

// A bombing or an attack whose victims are people with no side named (32
// شخصا، مدنيين، أطفال) targets civilians (spec: civilians are CIVILIANS).
void CiviliansAsTarget(const DocIndex& ix, const Frame& frame, Event* e);

// An agreement "the meeting ended with" (أفاد الناشطون أن الاجتماع انتهى
// بالاتفاق المبدئي على إعادة تفعيل جيش الفتح: MeetingEndedIn) whose own
// words name no party was made by the meeting's parties: the first two
// names after "between" in the clause that tells a meeting, in the last
// sentence up to two before that tells one with "between" (اجتماع حدث يوم
// الخميس بين أبو محمد الجولاني زعيم "جبهة النصرة" والقائد العام لـ"أحرار
// الشام"). What was agreed on (جيش الفتح) is no party.
void PartiesOfTheMeeting(const DocIndex& ix, std::uint32_t s, const Frame& frame, Event* e);

// A change told in a relative clause after a group's name (جبهة النصرة
// التي انضمت إلى غرفة عمليات أهل الشام، لواء التوبة الذي بايع …) is that
// group's: the name before the relative pronoun is actor1. Returns true when
// the clause describes the name so.
bool ChangeOfTheNameBefore(const DocIndex& ix, const Frame& frame, Event* e);

// The group a joining, a pledge or a return goes "to" (انضمت إلى غرفة
// عمليات أهل الشام; عودتهم إلى ما سموه "الأصل وإيفاء البيعة" في إشارة إلى
// "تنظيم القاعدة") is the second side of the change: the first other name
// after the trigger in its clause, with إلى right before it (past a quote).
// A call "to fight" a side (دعت إلى قتال قوات النظام) names no group joined.
void GroupJoined(const DocIndex& ix, const Frame& frame, Event* e);

// A battle is fought between organised armed sides (ACLED): the people
// counted among its dead (مصرع 17 شخصا) or living in a town taken, or a
// body that carries no arms and is in no camp (the UN reporting it), are
// no side of it.
void UnarmedFightNoBattle(const Lexicon& lexicon, Event* e);

// Who took ground decides the sub-type; the taker may have been inherited
// from the previous report after the frame was typed.
void RetypeTerritory(Event* e);

// A bomb that state forces, the subject right before it, set off (قوات
// حماية الفرع نجحت في تفجير سيارة مفخخة … كانت في طريقها لاقتحام الفرع) is
// the attacker's weapon destroyed: ACLED codes car bombs and IEDs to armed
// groups, and their destruction by the state as Disrupted weapons use.
void RetypeBombByTheState(const DocIndex& ix, const Frame& frame, const Roles& roles, Event* e);

// A taking the words say was only tried (قوات النظام حاولت قبل يومين التقدم
// نحو قرى، تستمر ميليشيات حزب الله في محاولاتها للتقدم): ACLED codes the
// fighting, an Armed clash, since no ground changed hands.
void RetypeAttemptedTaking(const DocIndex& ix, const Frame& frame, Event* e);

// Violence against civilians is done to civilians (spec section 1): a
// killing or an execution of a force's members (اعدام عنصرين من الشرطة
// التركية) is a clash with that force.
void RetypeAttackOnForces(Event* e);

// An attack that stays one after RetypeAttackOnForces hit no armed side:
// with none named, its victims are civilians (ACLED's Violence against
// civilians always has them as actor2: تنفيذ حكم الإعدام ببعض هؤلاء المحتجزين).
void AttackIsOnCivilians(Event* e);

// ACLED codes a state's air strike to its air force where the words name
// aircraft (قصف المنطقة بالطيران الحربي، ألقت مروحيات النظام براميل); "the
// army launched air strikes" (شنت قوات النظام غارات، كثف الجيش السوري غاراته
// الجوية) names the army, and so does the record.
void CodeToAirArm(const DocIndex& ix, const Lexicon& lexicon, const Frame& frame, Event* e);

// People arrested are suspects (أوقفت الشرطة 251 شخصا لانتمائهم إلى جماعات
// إرهابية), not civilians attacked: an arrest names the force that made it
// and the group the detainees are said to belong to, if any.
void DetaineesAreNoSide(Event* e);

// ACLED codes every protest to the protesters (تظاهر المئات، مطالبة
// بحماية سكان الفوعة names none: PROTESTERS). A peaceful protest has no
// other side: whom they protest against (احتجاجات ضد النظام) is no party
// to it; only an intervention (Protest with intervention) brings one.
void ProtestersAreTheSide(Event* e);

// A country's police abroad (police_forces.tsv). Policemen or a police post
// named by what they are (فجر مسلحون قنبلة في مركز شرطة في بلدة بيسميل),
// with no other side hit, are the side hit; arrests there are theirs.
void PoliceAbroad(const DocIndex& ix, const Lexicon& lexicon, const Frame& frame, Event* e);

// An event an ACLED coder could record: with a place, or at least a named
// side for a word that is an event by itself (غارات، اشتباكات); a weak
// word (هجوم، استهدف) needs a place, and a side or someone killed, unless it
// is a killing between two named armed sides. A place carried from a
// sentence that reported nothing does not count.
bool Codable(const DocIndex& ix, const Event& e, const Frame& frame, bool scene_only);

// What the sentence run shares with the rules.

// Sets a side (its id, inter code and span) from mention m; kNone leaves it.
void SetActor(const DocIndex& ix, std::int32_t m, std::string* id, int* inter,
              std::optional<ByteSpan>* span);

// Deaths belong to violence; a deal or a protest reported beside them does not own them.
bool Violent(const Event& e);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_EVENT_RULES_H_
