// Internal header. Sentences that tell no event of their own however their
// words read (docs/extraction.md, steps 8 and 11): an article's headline and
// standfirst, which its body tells again in full, a question, and a sentence
// that recalls history. Each needs only the document index.
#ifndef RASD_EXTRACT_SENTENCE_KINDS_H_
#define RASD_EXTRACT_SENTENCE_KINDS_H_

#include <cstdint>

#include "extract/doc_index.h"
#include "text/analyzer.h"

namespace rasd::extract {

// The article's headline: its first sentence, alone on its line and without
// a full stop. A headline repeats what the body reports in full.
bool IsHeadline(const DocIndex& ix, std::uint32_t s);

// A summary at the top of an article that its body repeats nearly word for
// word (the standfirst: "هيئة تحرير الشام" تعلن عن نفير عام … then أعلنت
// "هيئة تحرير الشام" عن نفير عام …): the body's telling is the report.
bool IsStandfirst(const DocIndex& ix, std::uint32_t s);

// A sentence that ends in a question mark asks about events (ما حقيقة
// مشاركة جند الأقصى … في معركة خناصر؟); the answer, if any, reports them.
bool IsQuestion(const DocIndex& ix, const text::Sentence& sentence);

// True when a sentence recalls the past, not today's report: a background
// cue, an earlier year (تشهد سوريا منذ منتصف آذار/مارس 2011 نزاعا داميا تسبب
// بمقتل اكثر من 230 الف شخص) or a day that makes its events background
// (الهجوم الذي اوقع اربعة قتلى … في 5 حزيران/يونيو).
bool TellsHistory(const DocIndex& ix, const text::Sentence& sentence);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_SENTENCE_KINDS_H_
