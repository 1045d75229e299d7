// The document index on every corpus text, analysed, linked and indexed as
// the engine does: CueInRange, which looks cue classes up in per-class token
// lists, answers as a walk over cue_at does for every class and for every
// window that starts or ends at a token of a sentence.
#include "extract/doc_index.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../text/text_test_util.h"
#include "extract/lexicon.h"
#include "link/linker.h"
#include "text/analyzer.h"

namespace rasd::extract {
namespace {

bool CueWalk(const DocIndex& ix, CueClass c, std::uint32_t begin, std::uint32_t end) {
  for (std::uint32_t t = begin; t < end; ++t) {
    if (ix.Cue(t, c)) return true;
  }
  return false;
}

TEST(DocIndexTest, CueInRangeAnswersAsAWalkOverTheTokens) {
  const std::string data = RASD_SOURCE_DIR "/data";
  std::vector<LexiconDiagnostic> problems;
  auto lexicon = Lexicon::Load(data, &problems);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  auto linker = link::Linker::Create(data);
  ASSERT_TRUE(linker.ok()) << linker.status().ToString();
  const auto pub = text::CivilDate::FromIso("2015-08-01");
  text::AnalyzedText at;
  link::LinkedText linked;
  std::size_t cues_found = 0;
  for (const std::string& t : text::testing::AllCorpusTexts()) {
    Document doc;
    doc.text = t;
    text::Analyze(doc.text, pub, &at);
    (*linker)->Link(at, doc.text, pub, &linked);
    const DocIndex ix = BuildIndex(doc, at, linked, pub, *lexicon);
    const auto n = static_cast<std::uint32_t>(at.tokens.size());
    for (const text::Sentence& s : at.sentences) {
      for (std::uint32_t k = s.first_token; k <= s.end_token; ++k) {
        for (int c = 0; c < kCueClassCount; ++c) {
          const auto cls = static_cast<CueClass>(c);
          ASSERT_EQ(CueInRange(ix, cls, s.first_token, k), CueWalk(ix, cls, s.first_token, k));
          ASSERT_EQ(CueInRange(ix, cls, k, s.end_token), CueWalk(ix, cls, k, s.end_token));
          ASSERT_EQ(CueInRange(ix, cls, k, n + 3), CueWalk(ix, cls, k, n + 3)) << "past the end";
          cues_found += CueInRange(ix, cls, k, k + 1);
        }
      }
    }
    EXPECT_FALSE(CueInRange(ix, CueClass::kDeath, n, n + 5));
  }
  EXPECT_GT(cues_found, 1000u);
}

}  // namespace
}  // namespace rasd::extract
