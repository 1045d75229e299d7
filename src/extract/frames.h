// Internal header. The first steps of event assembly (docs/extraction.md,
// steps 2 and 3): the triggers of a sentence (data/extract/triggers.tsv) that
// report an event, outside names, negations and purposes, and the frames they
// make: the triggers of one event, each frame with the window of the sentence
// whose words fill it. Also the trigger-level questions the later steps ask.
#ifndef RASD_EXTRACT_FRAMES_H_
#define RASD_EXTRACT_FRAMES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/doc_index.h"
#include "extract/lexicon.h"
#include "text/analyzer.h"
#include "text/tokenizer.h"

namespace rasd::extract {

// "تعرضت X لـ": the place or group subjected to it may take several words.
inline constexpr std::uint32_t kExposedReach = 8;
// The registry's id for protesters, whose names are also protest words.
inline constexpr std::string_view kProtestersId = "PROTESTERS";
// The spec's id and ACLED inter code for civilians.
inline constexpr std::string_view kCiviliansId = "CIVILIANS";
inline constexpr int kCiviliansInter = 7;

// A trigger word or phrase found in a sentence: its tokens and its row.
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

// The triggers of one event and the window of the sentence whose words fill it.
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

// The event type of the trigger row's sub-type.
std::string_view EventTypeKey(const Trigger& t);

// True when the trigger row `row`, found at token `first`, hands ground over
// or gives it back (إعادة المناطق، تسليم; cue class giving): a handover has a
// giver and a receiver, a withdrawal (انسحاب) neither.
bool IsHandover(const DocIndex& ix, const Trigger& row, std::uint32_t first);

// True when the words right before `first` say a meeting ended in it
// (الاجتماع انتهى بالاتفاق، انتهى اللقاء بـ، أسفرت المفاوضات عن): a definite
// meeting word (`meeting`) and a verb of ending (`outcome`) or of result
// (`result`), within kOutcomeReach words and not before `begin`. Talks that
// only discussed a deal (وناقش الاجتماع تطبيق الاتفاق) made none.
bool MeetingEndedIn(const DocIndex& ix, std::uint32_t first, std::uint32_t begin);

// True when a definite agreement noun is what a meeting ended in
// (الاجتماع انتهى بالاتفاق على إعادة تفعيل جيش الفتح): a new agreement, not one
// told before.
bool OutcomeOfTheMeeting(const DocIndex& ix, const Trigger& row, std::uint32_t first,
                         std::uint32_t begin);

// Triggers of the sentence that are not part of a name (تحرير in هيئة تحرير الشام),
// not negated (لم تقصف) and not a purpose (لصد تقدم).
std::vector<TriggerHit> FindTriggers(const DocIndex& ix, const Lexicon& lexicon,
                                     std::uint32_t begin, std::uint32_t end);

// True when [from, to) says the attack came from the air: an aircraft (طائرات،
// مروحيات، براميل) or the word "aerial" (جوي، الجو).
bool AirCueIn(const DocIndex& ix, std::uint32_t from, std::uint32_t to);

// True when the trigger is a noun in its definite reading (الاشتباكات، التفجير).
bool DefiniteNoun(const DocIndex& ix, const TriggerHit& head);

// True when every trigger of the frame is a bombardment word (قصف، استهدف).
bool OnlyBombardment(const Frame& frame);

// True when the frame's window names an air or ground weapon.
bool NamesAWeapon(const DocIndex& ix, const Frame& frame);

// A bombardment word with no weapon named in its window (الضربات، استهدفت).
bool IsUncuedBombardment(const DocIndex& ix, const Frame& frame);

// Where a frame's toll may stand: up to the next frame, but not into the
// clause that leads into it, opened by a comma (… وانباء عن خسائر بشرية في
// صفوف عناصر التنظيم، أيضاً مقتل مقاتل من المعارضة خلال اشتباكات) or by
// "whereas" with a side of its own (… خسائر فادحة في الأرواح فيما قال الجيش
// الأميركي إن … استهدفوا): deaths there are the next trigger's. A clause
// that tells what this frame did (قصفت …، ما أدى إلى مقتل 5 مدنيين واندلاع
// اشتباكات) is its own.
std::uint32_t TollEnd(const DocIndex& ix, const text::Sentence& sentence, const Frame& frame,
                      const std::vector<TriggerHit>& hits);

// Groups triggers into frames and gives each frame its window of the sentence.
std::vector<Frame> BuildFrames(const DocIndex& ix, const std::vector<TriggerHit>& hits,
                               std::uint32_t begin, std::uint32_t end, bool follows_bombardment);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_FRAMES_H_
