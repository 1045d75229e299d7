// Event assembly, sentence by sentence. The rules are general facts of
// Arabic news writing (word order, the frames بين X و Y / من قبل X / مقتل N من X,
// coordinated place lists) and of ACLED coding (one event per place and day,
// the lowest fatality figure); none names a word of Arabic: the words are in
// data/extract/. docs/extraction.md explains each step.
//
// This file holds the run over an article's sentences (AssemblyRun): what the
// article said last, and what each frame's event takes from it. The steps it
// calls are in frames.h (triggers and frames), roles.h (sides), event_fields.h
// (type, date, status, claims), places.h and fatalities.h; the passes over the
// whole article after the last sentence are in article_merge.h.
#include "extract/event_assembler.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/geo.h"
#include "extract/article_merge.h"
#include "extract/doc_index.h"
#include "extract/event_fields.h"
#include "extract/fatalities.h"
#include "extract/frames.h"
#include "extract/lexicon.h"
#include "extract/places.h"
#include "extract/roles.h"

namespace rasd::extract {
namespace {

using link::Mention;
using link::MentionKind;
using text::Token;

// A standfirst: one of an article's first sentences whose words come back, at
// least 4 in 5 of them, in a line of the next dozen sentences; short ones are
// left alone (a short sentence may well be said twice).
constexpr std::uint32_t kStandfirstSentences = 3;
constexpr std::size_t kStandfirstMinWords = 12;
constexpr std::size_t kStandfirstReach = 12;
constexpr std::size_t kStandfirstShareNum = 4;
constexpr std::size_t kStandfirstShareDen = 5;
// Sentences back that a definite "the meeting" looks for the meeting told.
constexpr std::uint32_t kMeetingReach = 2;
// Words from a meeting word to its "between" (اجتماع حدث يوم الخميس بين).
constexpr std::uint32_t kBetweenReach = 6;
// Words between a support verb and the noun it carries (وشنت بدورها غارات).
constexpr std::uint32_t kCarrierReach = 2;
// Words between a trigger and "in its turn" (كما نفذت بدورها غارات).
constexpr std::uint32_t kTurnReach = 3;
// Sentences after an event within which "X is who carried it out" names
// its doer (two: a hard-wrapped line splits a sentence).
constexpr std::uint32_t kDoerReach = 2;
// Words between a state force and the bomb it set off (نجحت في تفجير).
constexpr std::uint32_t kStateSubjectGap = 3;
// The words that open a clause of result (ما أدى إلى، مما أسفر عن).
constexpr std::uint32_t kResultOpening = 3;
// How far before a taking a "tried to" word makes it an attempt (حاولت قبل
// يومين التقدم).
constexpr std::uint32_t kAttemptReach = 4;
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
// ACLED's inter code for protesters.
constexpr int kProtestersInter = 6;
// ACLED's inter code of a state's forces in their own country.
constexpr int kStateForcesInter = 1;

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
