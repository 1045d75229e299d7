// Event assembly, sentence by sentence. The rules are general facts of
// Arabic news writing (word order, the frames بين X و Y / من قبل X / مقتل N من X,
// coordinated place lists) and of ACLED coding (one event per place and day,
// the lowest fatality figure); none names a word of Arabic: the words are in
// data/extract/. docs/extraction.md explains each step.
//
// This file holds the run over an article's sentences (AssemblyRun): what the
// article said last, and what each frame's event takes from it. The steps it
// calls are in sentence_kinds.h (sentences that tell no event), frames.h
// (triggers and frames), roles.h and coalitions.h (sides), event_rules.h (the
// rules that rewrite one event from its frame alone), event_fields.h (type,
// date, status, claims), places.h and fatalities.h; the passes over the whole
// article after the last sentence are in article_merge.h.
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
#include "extract/coalitions.h"
#include "extract/doc_index.h"
#include "extract/event_fields.h"
#include "extract/event_rules.h"
#include "extract/fatalities.h"
#include "extract/frames.h"
#include "extract/lexicon.h"
#include "extract/places.h"
#include "extract/roles.h"
#include "extract/sentence_kinds.h"

namespace rasd::extract {
namespace {

using link::Mention;
using link::MentionKind;

// Words between a support verb and the noun it carries (وشنت بدورها غارات).
constexpr std::uint32_t kCarrierReach = 2;
// Sentences after an event within which "X is who carried it out" names
// its doer (two: a hard-wrapped line splits a sentence).
constexpr std::uint32_t kDoerReach = 2;
// Bombs destroyed this close to a bombing of the side that destroyed them are
// taken to be the bombers' (the scorer's own radius for one place).
constexpr double kOneFrontKm = 25.0;
// Sentences after "X with a class of actors" in which the class is X's men.
constexpr std::uint32_t kCoalitionReach = 2;
// A quarter of a town lies within this distance of it: a one-off told again
// there (هجومين انتحاريين … في حلب; الهجمات الانتحارية … منطقة جمعية الزهراء),
// or fighting told after a coalition's attack, is at the same scene.
constexpr double kSceneKm = 10.0;
// How many sentences back a village the gazetteer lacks looks for the known
// place of the region being reported.
constexpr std::uint32_t kAreaReach = 3;

// No event of out_ (an index into it).
constexpr std::size_t kNoEvent = static_cast<std::size_t>(-1);

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

// Sets the event's toll to the figure and the words that give it.
void SetToll(const DocIndex& ix, const FatalityFigure& fig, Event* e) {
  e->fatalities = fig.value;
  e->fatalities_span = fig.span;
  e->fatalities_vague = fig.vague;
  e->fatalities_text = std::string(ix.doc->text.substr(fig.span.begin.value, fig.span.size()));
}

// A bomb set off: an IED or a suicide bombing.
bool IsBombing(const Event& e) {
  return e.sub_event_type == SubEventTypeName(SubEventType::kRemoteExplosiveLandmineIed) ||
         e.sub_event_type == SubEventTypeName(SubEventType::kSuicideBomb);
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
    if (IsHeadline(ix_, s) || IsQuestion(ix_, sentence) || IsStandfirst(ix_, s)) return;
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
    SetToll(ix_, fig, told);
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
    const SubEventType sub = FrameSubType(s, frame, roles);
    Event base = BaseEvent(s, sentence, frame, roles, sub);
    std::vector<std::int32_t> places =
        ChoosePlaces(ix_, PlacesBegin(sentence, frame), frame.window_end, frame.head().first,
                     base.event_type != "Strategic developments");
    // ACLED splits violence by place; a statement or a deal is one event.
    if (base.event_type == "Strategic developments" && places.size() > 1) {
      places.erase(places.begin() + 1, places.end());
    }
    // What the next reports carry on from this one is read from `base` now:
    // the last place's event takes `base` itself, not a copy.
    RememberReport(s, sub, base);
    RecordAtEachPlace(s, frame, roles, places, &base);
  }

  // The sub-type of the frame's event: the one its words resolve to, or the
  // bombardment's just told that a bombardment word naming no weapon goes on
  // describing.
  SubEventType FrameSubType(std::uint32_t s, const Frame& frame, const Roles& roles) const {
    const SubEventType sub = ResolveFrame(ix_, frame, roles);
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
        IsUncuedBombardment(ix_, frame) && !contrasted && !own_initiator) {
      return *ParseSubEventType(context_.bombardment);
    }
    return sub;
  }

  // The event the frame tells, before its places: its type, its sides as the
  // rules leave them, its trigger, date, status and sources.
  Event BaseEvent(std::uint32_t s, const text::Sentence& sentence, const Frame& frame,
                  const Roles& roles, SubEventType sub) {
    Event base;
    Retype(sub, &base);
    SetSides(roles, &base);
    const bool describes_a_name = ApplyRules(s, sentence, frame, roles, &base);
    base.trigger = ix_.Original(frame.head().first, frame.hits.back().end);
    FillDate(ix_, sentence, s, frame.head().first, &base);
    base.status = DecideStatus(ix_, sentence, frame, base);
    // Told to describe a group, undated, it is the group's history.
    if (describes_a_name && base.status == EventStatus::kCurrent && !base.date_span) {
      base.status = EventStatus::kBackground;
    }
    base.claims = context_.claims;
    base.confidence = frame.head().row->strong ? 0.8 : 0.6;
    return base;
  }

  // The sides the roles name, and their associates: each once, and neither side.
  void SetSides(const Roles& roles, Event* e) const {
    SetActor(ix_, roles.actor1, &e->actor1, &e->inter1, &e->actor1_span);
    SetActor(ix_, roles.actor2, &e->actor2, &e->inter2, &e->actor2_span);
    for (const std::int32_t a : roles.assoc) {
      const std::string& id = ix_.mention(a).id;
      if (id != e->actor1 && id != e->actor2 &&
          std::find(e->assoc_actor_1.begin(), e->assoc_actor_1.end(), id) ==
              e->assoc_actor_1.end()) {
        e->assoc_actor_1.push_back(id);
      }
    }
  }

  // Applies the rules to the event's sides and sub-type, in an order that
  // matters: each reads what those before it decided. Returns true when the
  // frame tells a change of the group named before it (ChangeOfTheNameBefore).
  bool ApplyRules(std::uint32_t s, const text::Sentence& sentence, const Frame& frame,
                  const Roles& roles, Event* e) {
    InheritSubject(s, frame, e);
    SubjectInItsTurn(ix_, s, frame, e);
    OwnerOfANoun(s, frame, roles, e);
    InheritRetoldSides(s, frame, e);
    OneOfASeries(s, frame, e);
    CiviliansAsTarget(ix_, frame, e);
    DuringTheFighting(s, sentence, frame, e);
    PartiesOfTheMeeting(ix_, s, frame, e);
    const bool describes_a_name = ChangeOfTheNameBefore(ix_, frame, e);
    GroupJoined(ix_, frame, e);
    UnarmedFightNoBattle(lexicon_, e);
    DeadOfThem(s, frame, e);
    ContinueDyad(s, e);
    RetypeTerritory(e);
    RetypeBombByTheState(ix_, frame, roles, e);
    RetypeAttemptedTaking(ix_, frame, e);
    RetypeAttackOnForces(e);
    AttackIsOnCivilians(e);
    CodeToAirArm(ix_, lexicon_, frame, e);
    ShareTheListedTarget(frame, e);
    DetaineesAreNoSide(e);
    ProtestersAreTheSide(e);
    return describes_a_name;
  }

  // Keeps what the next reports carry on from this one: the bombardment it
  // is, its doer, and its two sides.
  void RememberReport(std::uint32_t s, SubEventType sub, const Event& base) {
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
  }

  // Records the frame's event once per place (ACLED splits violence by
  // place), or once where the article was reporting when it names none; the
  // toll goes with the first.
  void RecordAtEachPlace(std::uint32_t s, const Frame& frame, const Roles& roles,
                         const std::vector<std::int32_t>& places, Event* base) {
    const std::size_t count = std::max<std::size_t>(1, places.size());
    for (std::size_t k = 0; k < count; ++k) {
      // Only the last pass moves `base`; the passes before copy it.
      Event e = k + 1 == count ? std::move(*base) : *base;  // NOLINT(bugprone-use-after-move)
      const bool scene_only = PlaceAt(s, frame, places, k, &e);
      e.evidence = EvidenceAt(frame, places, k);
      if (k == 0) {
        const FatalityFigure fig = FrameFatalities(s, frame);
        if (fig.value && Violent(e)) SetToll(ix_, fig, &e);
      }
      Record(s, frame, roles, scene_only, &e);
    }
  }

  // Places the event at the k-th of the frame's places, or, with none, where
  // the article was reporting (FallbackLocation). Returns true when only a
  // town a sentence named since places it.
  bool PlaceAt(std::uint32_t s, const Frame& frame, const std::vector<std::int32_t>& places,
               std::size_t k, Event* e) const {
    if (places.empty()) return FallbackLocation(s, e);
    const Mention& p = ix_.mention(places[k]);
    e->location = ToLocation(p);
    if (IsCueOnly(p) &&
        !PlaceInArea(ix_, places[k], frame.window_begin, frame.window_end, &*e->location)) {
      // None in the clause: the region the article was reporting from.
      const std::uint32_t from =
          ix_.text->sentences[s >= kAreaReach ? s - kAreaReach : 0].first_token;
      PlaceInArea(ix_, places[k], from, frame.window_begin, &*e->location);
    }
    return false;
  }

  // The words that are the evidence of the event at the k-th place: with one
  // place, the frame's whole window (the clause); for a list of places, those
  // from the place before to this one, the first from the window's start and
  // the last to its end.
  ByteSpan EvidenceAt(const Frame& frame, const std::vector<std::int32_t>& places,
                      std::size_t k) const {
    if (places.size() <= 1) return ix_.Original(frame.window_begin, frame.window_end);
    const std::uint32_t place_end = ix_.mention(places[k]).end_token;
    const std::uint32_t begin =
        k == 0 ? frame.window_begin
               : std::max(ix_.mention(places[k - 1]).end_token, frame.window_begin);
    std::uint32_t end = k == 0 ? std::max(frame.hits.back().end, place_end) : place_end;
    if (k + 1 == places.size()) end = frame.window_end;
    return ix_.Original(begin, std::min(std::max(end, begin + 1), frame.window_end));
  }

  // Records the event at one of the frame's places (moving it into out_),
  // once the rules that need its place have run: unless no coder could
  // record it (Codable), or it tells again a one-off already recorded,
  // which it completes.
  void Record(std::uint32_t s, const Frame& frame, const Roles& roles, bool scene_only, Event* e) {
    if (e->location) {
      context_.location = e->location;
      context_.location_sentence = s;
    }
    PoliceAbroad(ix_, lexicon_, frame, e);
    LedByTheNamedGroup(s, frame.head().first, e);
    OwnerOfTheBombs(roles, e);
    if (!Codable(ix_, *e, frame, scene_only)) return;
    if (Event* told = OneOffTold(frame, *e)) {
      // The report that places it is the fuller record of the two. A
      // retelling may name who did it, but its other names are who speaks
      // of it (رئيس الحكومة التركية), not whom it hit.
      e->actor2.clear();
      if (!told->location && e->location) std::swap(*told, *e);
      NamedDoerOfTheClass(*e, told);
      Complete(*e, told);
      RememberBlast(s, static_cast<std::size_t>(told - out_->data()));
      return;
    }
    out_->push_back(std::move(*e));
    context_.event_sentence = s;
    if (series_of_next_ != kNoEvent) {
      series_members_.emplace_back(series_of_next_, out_->size() - 1);
    }
    RememberBlast(s, out_->size() - 1);
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
      fig = Fatalities(ix_, frame.head().first, TollEnd(ix_, sentence, frame, hits));
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
      fig = Fatalities(ix_, frame.window_begin, TollEnd(ix_, sentence, frame, hits));
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
    if (!only_killing || TellsHistory(ix_, next)) return fig;
    const FatalityFigure later = Fatalities(ix_, next.first_token, next.end_token);
    return later.value && *later.value > 0 ? later : fig;
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

  // A bombardment "during the clashes" that names no target hit the bomber's
  // enemy in them (HitInTheFighting), among the events told before it.
  void DuringTheFighting(std::uint32_t s, const text::Sentence& sentence, const Frame& frame,
                         Event* e) const {
    HitInTheFighting(ix_, s, sentence.first_token, frame.head().first, *out_, out_->size(), e);
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
