// Internal header. The article-level passes that run once every sentence has
// been assembled: the other side of a one-sided battle from the article as a
// whole, and of the bombardments during it; the sides of a suicide bombing;
// clashes that are the fighting of a taking; and one event per type, place,
// day and dyad (ACLED's unit). Also the event comparisons the sentence run
// shares with them.
#ifndef RASD_EXTRACT_ARTICLE_MERGE_H_
#define RASD_EXTRACT_ARTICLE_MERGE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rasd/event.h"

#include "extract/doc_index.h"

namespace rasd::extract {

// The passes, in the order EventAssembler::Assemble runs them.

// A battle that names one side only: the other side is the article's
// most-named actor of an opposing camp, when the article names one at least twice.
void FillOpponents(const DocIndex& ix, std::vector<Event>* events);

// A battle whose other side only the article as a whole gave (FillOpponents)
// gives it to the bombardments during it too (معارك عنيفة يشارك فيها سلاحي
// الجو والمدفعية, with the enemy named elsewhere).
void HitInFightingTheArticleCompleted(const DocIndex& ix, std::vector<Event>* events);

// A suicide bombing happens once and an article names its perpetrator where
// it can (تبناه، نفذه، يشتبه في أنه ينتمي ل): a report of one that names none
// takes the armed group the article gives another suicide bombing, and one
// that names no target hit the people around it, as ACLED codes a bombing
// of a crowd (spec: civilians are CIVILIANS).
void FillSuicideBombings(std::vector<Event>* events);

// Clashes told in the sentence that reports a town taken, between the same
// sides and at that town or at no place of their own (سيطرة مقاتلي الفصائل على
// بلدة البحصة ... خلال اشتباكات عنيفة بين الطرفين في البلدة), are the fighting
// of the taking: ACLED codes the battle once, by its outcome.
void AbsorbClashesOfTakings(const DocIndex& ix, std::vector<Event>* events);

// One event per type, place, day and dyad (ACLED's unit): a report repeated
// in the headline, the lead and the body is one event. The first mention
// stays, completed by what the later ones add; the lowest figure wins; of a
// report told at an area and at a town of it, the town is the place.
void MergeRepeats(const DocIndex& ix, std::vector<Event>* events);

// What the sentence run shares with the passes.

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
                      Event* e);

// What names an event's place: its gazetteer id, else its name ("" for none).
std::string LocationKey(const Event& e);

// What a later report of a kept event adds to it: a side it lacked, a better
// toll, its sources.
void Complete(const Event& later, Event* kept);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_ARTICLE_MERGE_H_
