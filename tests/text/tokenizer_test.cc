// Tests of Tokenize: token kinds and spans on real corpus sentences, numbers
// with separators, the detached proclitic of "لـ«داعش»", and the clitic
// readings of each word in tests/cases/text_clitics.tsv.
#include "text/tokenizer.h"

#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/limits.h"
#include "text/dates.h"
#include "text/lexicon.h"
#include "text/numbers.h"
#include "text_test_util.h"

namespace rasd::text {
namespace {

using testing::AllCorpusTexts;
using testing::CaseRows;

struct Tokenized {
  NormalizedText norm;
  std::vector<Token> tokens;
  std::string Text(std::size_t i) const { return std::string(norm.View(tokens[i].norm)); }
};

Tokenized TokenizeText(std::string_view original) {
  Tokenized t;
  Normalize(original, &t.norm);
  Tokenize(t.norm, &t.tokens);
  return t;
}

// "proclitic+article+stem+enclitic", empty parts left out.
std::string Render(const NormalizedText& norm, const Token& token, const CliticReading& r) {
  const std::string_view word = norm.View(token.norm);
  std::string out;
  auto part = [&](std::string_view p) {
    if (p.empty()) return;
    if (!out.empty()) out += '+';
    out += p;
  };
  part(word.substr(0, r.proclitic_bytes));
  part(word.substr(r.proclitic_bytes, r.article_bytes));
  part(StemOf(norm, token, r));
  part(word.substr(word.size() - r.enclitic_bytes));
  return out;
}

std::string RenderReadings(const NormalizedText& norm, const Token& token) {
  std::string out;
  for (std::size_t k = 0; k < token.reading_count; ++k) {
    if (k != 0) out += " | ";
    out += Render(norm, token, token.readings[k]);
  }
  return out;
}

TEST(TokenizerTest, CliticReadingsFromCaseFile) {
  const auto rows = CaseRows("text_clitics.tsv");
  ASSERT_GE(rows.size(), 10u);
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 2u) << row[0];
    const Tokenized t = TokenizeText(row[0]);
    ASSERT_EQ(t.tokens.size(), 1u) << row[0];
    EXPECT_EQ(RenderReadings(t.norm, t.tokens[0]), row[1]) << row[0];
  }
}

TEST(TokenizerTest, AthriyaIsNotAReadingOfAlAthriya) {
  // "بالقرب من منطقة أثريا" (dev.jsonl) beside الأثرياء (the rich): no
  // reading of one may have the stem of the other.
  const Tokenized village = TokenizeText("بالقرب من منطقة أثريا");
  const Tokenized rich = TokenizeText("الأثرياء");
  const Token& a = village.tokens.back();
  const Token& b = rich.tokens[0];
  for (std::size_t i = 0; i < a.reading_count; ++i) {
    for (std::size_t j = 0; j < b.reading_count; ++j) {
      EXPECT_NE(StemOf(village.norm, a, a.readings[i]), StemOf(rich.norm, b, b.readings[j]));
    }
  }
  EXPECT_EQ(a.reading_count, 1);
  ASSERT_EQ(b.reading_count, 2);
  EXPECT_TRUE(b.readings[1].definite());
}

TEST(TokenizerTest, RealSentenceKindsAndSpans) {
  // dev.jsonl: "تخشى تركيا ، التي تستضيف بالفعل 3.6 مليون لاجئ سوري"
  const std::string in = "تخشى تركيا ، التي تستضيف بالفعل 3.6 مليون لاجئ سوري";
  const Tokenized t = TokenizeText(in);
  ASSERT_EQ(t.tokens.size(), 10u);
  EXPECT_EQ(t.Text(0), "تخشي");
  EXPECT_EQ(t.tokens[2].kind, TokenKind::kPunct);
  EXPECT_EQ(t.Text(2), ",");
  EXPECT_EQ(t.tokens[6].kind, TokenKind::kNumber);
  EXPECT_EQ(t.Text(6), "3.6");
  for (const Token& token : t.tokens) {
    EXPECT_TRUE(token.space_before);
    const std::string orig = in.substr(token.original.begin.value, token.original.size());
    EXPECT_EQ(NormalizeForMatch(orig), t.norm.View(token.norm));
  }
  EXPECT_EQ(in.substr(t.tokens[0].original.begin.value, t.tokens[0].original.size()), "تخشى");
}

TEST(TokenizerTest, NumbersKeepInternalSeparators) {
  // "نحو 1,8 مليون لاجئ" and "الساعة 04,00 (01,00 تغ)" are from dev.jsonl.
  const Tokenized t = TokenizeText("نحو 1,8 مليون و1,200 قتيل في 3.5 ساعة. 1,");
  std::vector<std::string> numbers;
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    if (t.tokens[i].kind == TokenKind::kNumber) numbers.push_back(t.Text(i));
  }
  EXPECT_EQ(numbers, (std::vector<std::string>{"1,8", "1,200", "3.5", "1"}));
  const Tokenized times = TokenizeText("الساعة 04,00 (01,00 تغ)");
  EXPECT_EQ(times.Text(1), "04,00");
  EXPECT_EQ(times.Text(3), "01,00");
  EXPECT_FALSE(times.tokens[3].space_before);
}

TEST(TokenizerTest, ArabicIndicNumberBeforeUnit) {
  const Tokenized t = TokenizeText("١٥٠ متر");
  ASSERT_EQ(t.tokens.size(), 2u);
  EXPECT_EQ(t.tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(t.Text(0), "150");
  EXPECT_EQ(t.tokens[0].original.size(), 6u);  // three two-byte digits
  EXPECT_EQ(t.Text(1), "متر");
}

TEST(TokenizerTest, ProcliticBeforeQuotedNameIsDetached) {
  // dev.jsonl: "وقد تعرضت ثلاث مواقع لـ«داعش» فيها لضربات جوية تركية"
  const Tokenized t = TokenizeText("وقد تعرضت ثلاث مواقع لـ«داعش» فيها لضربات جوية تركية");
  ASSERT_EQ(t.Text(4), "ل");
  EXPECT_TRUE(t.tokens[4].detached_proclitic);
  EXPECT_EQ(t.Text(5), "\"");
  EXPECT_FALSE(t.tokens[5].space_before);
  EXPECT_EQ(t.Text(6), "داعش");
  EXPECT_FALSE(t.tokens[6].space_before);
  EXPECT_EQ(DetachedProcliticOf(t.tokens, 6), 4u);
  EXPECT_EQ(DetachedProcliticOf(t.tokens, 8), kNoToken);  // فيها: no proclitic token before
  EXPECT_FALSE(t.tokens[0].detached_proclitic);           // وقد is a word, not a lone clitic
}

TEST(TokenizerTest, ProcliticBeforeNumberInQuotes) {
  // dev.jsonl title: "النظام استهدف بلدتين في إدلب بــ«1400» قذيفة"
  const Tokenized t = TokenizeText("استهدف بلدتين في إدلب بــ«1400» قذيفة");
  ASSERT_EQ(t.Text(4), "ب");
  EXPECT_TRUE(t.tokens[4].detached_proclitic);
  EXPECT_EQ(t.tokens[6].kind, TokenKind::kNumber);
  EXPECT_EQ(DetachedProcliticOf(t.tokens, 6), 4u);
}

TEST(TokenizerTest, LatinWordsAndSymbols) {
  const Tokenized t = TokenizeText("طائرات F-16 و@Raqqa_SL 5%");
  std::vector<TokenKind> kinds;
  for (const Token& token : t.tokens) kinds.push_back(token.kind);
  EXPECT_EQ(kinds, (std::vector<TokenKind>{
                       TokenKind::kArabicWord, TokenKind::kLatinWord, TokenKind::kPunct,
                       TokenKind::kNumber, TokenKind::kArabicWord, TokenKind::kSymbol,
                       TokenKind::kLatinWord, TokenKind::kSymbol, TokenKind::kLatinWord,
                       TokenKind::kNumber, TokenKind::kSymbol}));
  EXPECT_EQ(t.Text(1), "f");
  EXPECT_TRUE(t.tokens[4].detached_proclitic);  // a lone و before a handle
}

TEST(TokenizerTest, OverlongRunsAreCut) {
  std::string run;
  for (int i = 0; i < 300; ++i) run += "ب";
  const Tokenized t = TokenizeText(run);
  ASSERT_EQ(t.tokens.size(), 3u);
  EXPECT_EQ(t.tokens[0].norm.size(), limits::kMaxTokenBytes);
  EXPECT_FALSE(t.tokens[1].space_before);
}

TEST(TokenizerTest, CorpusTokensAreOrderedWithValidReadings) {
  std::size_t words = 0;
  for (const std::string& doc : AllCorpusTexts()) {
    const Tokenized t = TokenizeText(doc);
    std::uint32_t last_end = 0;
    for (const Token& token : t.tokens) {
      ASSERT_GE(token.norm.begin.value, last_end);
      ASSERT_LT(token.norm.begin.value, token.norm.end.value);
      ASSERT_LE(token.norm.size(), limits::kMaxTokenBytes);
      last_end = token.norm.end.value;
      if (token.kind != TokenKind::kArabicWord) continue;
      ++words;
      ASSERT_GE(token.reading_count, 1);
      EXPECT_EQ(StemOf(t.norm, token, token.readings[0]), t.norm.View(token.norm));
      for (std::size_t k = 1; k < token.reading_count; ++k) {
        const std::string_view stem = StemOf(t.norm, token, token.readings[k]);
        EXPECT_GE(stem.size(), 4u) << t.norm.View(token.norm);  // two letters at least
        EXPECT_LE(stem.size(), StemOf(t.norm, token, token.readings[k - 1]).size());
      }
    }
  }
  EXPECT_GT(words, 30000u);
}

// The tokenizer hashes stems with its own loads (reading past the stem when
// the text goes on) and a table of readings built once; every hash must
// still be HashStem of the stem, for words at the end of a text too.
TEST(TokenizerTest, CorpusStemHashesAreHashStemOfEveryStem) {
  std::size_t readings = 0;
  for (const std::string& doc : AllCorpusTexts()) {
    const Tokenized t = TokenizeText(doc);
    for (const Token& token : t.tokens) {
      if (token.kind != TokenKind::kArabicWord) {
        ASSERT_EQ(token.stem_hash[0], HashStem(t.norm.View(token.norm)));
        continue;
      }
      for (std::size_t r = 0; r < token.reading_count; ++r, ++readings) {
        ASSERT_EQ(token.stem_hash[r], HashStem(StemOf(t.norm, token, token.readings[r])))
            << t.norm.View(token.norm) << " reading " << r;
      }
    }
  }
  EXPECT_GT(readings, 50000u);
}

// StemMap and the phrase start filters take bits from the whole of a stem
// hash (the slot from the low bits, the filters from the high ones), and a
// short stem is hashed with two multiplies: the distinct stems of the
// corpus (every reading of every word) must keep distinct hashes, in the
// low 16 bits and in the high 16 bits alike, but for a few.
TEST(TokenizerTest, ShortStemHashesSpreadCorpusStems) {
  std::set<std::string> stems;
  for (const std::string& doc : AllCorpusTexts()) {
    const Tokenized t = TokenizeText(doc);
    for (const Token& token : t.tokens) {
      for (std::size_t r = 0; r < token.reading_count; ++r) {
        stems.emplace(StemOf(t.norm, token, token.readings[r]));
      }
    }
  }
  std::set<std::uint32_t> hashes, low, high;
  for (const std::string& stem : stems) {
    const std::uint32_t h = HashStem(stem);
    hashes.insert(h);
    low.insert(h & 0xFFFF);
    high.insert(h >> 16);
  }
  ASSERT_GT(stems.size(), 10000u);
  EXPECT_GE(hashes.size() * 1000, stems.size() * 999);  // collisions under 0.1 %
  // 16 bits for ~n stems: a random function leaves about n * n / 2^17 pairs.
  const double expected_pairs =
      static_cast<double>(stems.size()) * static_cast<double>(stems.size()) / 131072.0;
  EXPECT_LE(static_cast<double>(stems.size() - low.size()), 1.5 * expected_pairs);
  EXPECT_LE(static_cast<double>(stems.size() - high.size()), 1.5 * expected_pairs);
}

TEST(TokenizerTest, LongWordsKeepEveryCliticReading) {
  // eval/corpus/dev.jsonl: "والاشتباكات" has eleven letters, beyond the
  // length from which the readings table treats words alike.
  const Tokenized t = TokenizeText("جراء ضربات التحالف والاشتباكات");
  ASSERT_EQ(t.tokens.size(), 4u);
  const Token& word = t.tokens[3];
  std::vector<std::string_view> stems;
  for (std::size_t r = 0; r < word.reading_count; ++r) {
    stems.push_back(StemOf(t.norm, word, word.readings[r]));
  }
  ASSERT_EQ(stems.size(), 3u);
  EXPECT_EQ(stems[0], "والاشتباكات");
  EXPECT_EQ(stems[1], "الاشتباكات");  // و + stem
  EXPECT_EQ(stems[2], "اشتباكات");    // و + ال + stem
  EXPECT_TRUE(word.readings[2].definite());
}

// The readings table is indexed by what the first four letters are among
// و ف ب ك ل ا and what the last three are among ا م ن ه ك ي, looked up by
// letter id. Words from eval/corpus/dev.jsonl whose clitics sit at both
// ends: each must keep the split a reader of Arabic makes.
TEST(TokenizerTest, CliticsAtBothEndsOfCorpusWords) {
  const Tokenized t =
      TokenizeText("من جنودها وقواتها الخاصة ، تعرضت القوات التركية لمواقعنا الدفاعية بينهما");
  const auto has_reading = [&](std::size_t i, std::string_view proclitic, std::string_view stem,
                               std::string_view enclitic) {
    const Token& token = t.tokens[i];
    const std::string_view word = t.norm.View(token.norm);
    for (std::size_t r = 0; r < token.reading_count; ++r) {
      const CliticReading& reading = token.readings[r];
      if (word.substr(0, reading.proclitic_bytes) == proclitic &&
          StemOf(t.norm, token, reading) == stem &&
          word.substr(word.size() - reading.enclitic_bytes) == enclitic) {
        return true;
      }
    }
    return false;
  };
  ASSERT_EQ(t.tokens.size(), 11u);
  EXPECT_TRUE(has_reading(1, "", "جنود", "ها"));
  EXPECT_TRUE(has_reading(2, "و", "قوات", "ها"));  // conjunction and pronoun
  EXPECT_TRUE(has_reading(2, "و", "قواتها", ""));  // the surface after و
  EXPECT_FALSE(has_reading(2, "", "قوات", "ها"));  // no stem keeps the و as a letter
  EXPECT_TRUE(has_reading(8, "ل", "مواقع", "نا"));
  EXPECT_TRUE(has_reading(9, "", "دفاعيه", ""));
  EXPECT_TRUE(t.tokens[9].readings[1].definite());  // ال + دفاعيه
  EXPECT_TRUE(has_reading(10, "", "بين", "هما"));   // the longest pronoun, not ها
  EXPECT_FALSE(has_reading(10, "", "بينه", "ما"));
}

// A word is the longest run of Arabic letters and marks, whether the
// 16-byte scan of the common letters (U+0620..U+065F) or the class tables
// read it: a rare letter (گ U+06AF, پ U+067E) or a mark that survives
// normalisation (U+08F0) at any position of a real word (والاشتباكات,
// eval/corpus/dev.jsonl), repeated past a block, leaves it one token.
TEST(TokenizerTest, RareLettersAnywhereInALongWordKeepItOneToken) {
  const std::string word = "والاشتباكات";
  const std::string long_word = word + word;  // 44 bytes: three blocks
  for (const std::string rare : {"\xDA\xAF", "\xD9\xBE", "\xE0\xA3\xB0"}) {
    for (std::size_t at = 2; at <= long_word.size(); at += 2) {  // a mark cannot open a word
      const std::string text =
          "قتلى " + long_word.substr(0, at) + rare + long_word.substr(at) + " في";
      const Tokenized t = TokenizeText(text);
      ASSERT_EQ(t.tokens.size(), 3u) << "at " << at;
      EXPECT_EQ(t.tokens[1].kind, TokenKind::kArabicWord);
      EXPECT_EQ(t.Text(1), long_word.substr(0, at) + rare + long_word.substr(at)) << "at " << at;
    }
  }
}

// Whether the code point at s[i] continues an Arabic word, by the ranges of
// the tokenizer's contract (letters and combining marks), decoded plainly.
bool ContinuesArabicWord(std::string_view s, std::size_t i, std::size_t* len) {
  const char32_t c = utf8::Decode(s, i, len);
  const auto in = [c](char32_t a, char32_t b) { return c >= a && c <= b; };
  return in(0x0620, 0x064A) || in(0x066E, 0x066F) || in(0x0671, 0x06D3) || c == 0x06D5 ||
         in(0x06E5, 0x06E6) || in(0x06EE, 0x06EF) || in(0x06FA, 0x06FC) || c == 0x06FF ||
         in(0x0750, 0x077F) || in(0x08A0, 0x08C9) || in(0x0300, 0x036F) || in(0x0610, 0x061A) ||
         in(0x064B, 0x065F) || c == 0x0670 || in(0x06D6, 0x06ED) || in(0x08CA, 0x08FF);
}

// Every Arabic word token of the corpus, and of the corpus with bytes of
// rare letters, marks and punctuation spliced in at random, holds only
// letters and marks and ends where they do (or at the token limit).
TEST(TokenizerTest, ArabicWordsEndWhereTheLettersEnd) {
  const std::vector<std::string> splices = {"\xDA\xAF", "\xD9\xBE", "\xE0\xA3\xB0", "\xD8\x8C",
                                            "\xD9\xAD", ".",        "\xDB\x94",     "\xD8\x9B"};
  std::mt19937 rng(3);
  std::size_t words = 0;
  for (std::string doc : AllCorpusTexts()) {
    std::uniform_int_distribution<std::size_t> where(0, doc.size());
    for (int k = 0; k < 200; ++k) {
      std::size_t at = where(rng);
      while (at < doc.size() && (static_cast<unsigned char>(doc[at]) & 0xC0) == 0x80) ++at;
      doc.insert(at, splices[static_cast<std::size_t>(k) % splices.size()]);
    }
    const Tokenized t = TokenizeText(doc);
    const std::string_view text = t.norm.text;
    for (const Token& token : t.tokens) {
      if (token.kind != TokenKind::kArabicWord) continue;
      ++words;
      std::size_t len = 0;
      for (std::size_t i = token.norm.begin.value; i < token.norm.end.value; i += len) {
        ASSERT_TRUE(ContinuesArabicWord(text, i, &len)) << t.norm.View(token.norm);
      }
      if (token.norm.size() + 3 < limits::kMaxTokenBytes && token.norm.end.value < text.size()) {
        ASSERT_FALSE(ContinuesArabicWord(text, token.norm.end.value, &len))
            << t.norm.View(token.norm);
      }
    }
  }
  EXPECT_GT(words, 30000u);
}

// SameStem compares with overlapping loads from both ends for 4..16 bytes:
// prefixes of a real word (والاشتباكات, eval/corpus/dev.jsonl) of every
// length equal themselves and differ from a copy with any one byte changed.
TEST(TokenizerTest, SameStemTellsEveryByteAtEveryLength) {
  const std::string word = "والاشتباكات";
  for (std::size_t n = 0; n <= word.size(); ++n) {
    const std::string stem = word.substr(0, n);
    const std::string copy = stem;  // another buffer
    EXPECT_TRUE(SameStem(stem, copy)) << n;
    if (n > 0) {
      EXPECT_FALSE(SameStem(stem, word.substr(0, n - 1))) << n;
    }
    for (std::size_t at = 0; at < n; ++at) {
      std::string changed = stem;
      changed[at] = static_cast<char>(changed[at] ^ 0x01);
      EXPECT_FALSE(SameStem(stem, changed)) << n << " at " << at;
    }
  }
}

// A StemMap finds every stem it holds, by the hash the tokenizer gives.
TEST(TokenizerTest, StemMapFindsCorpusStems) {
  StemMap<std::uint32_t> map;
  std::vector<std::string> stems;
  const Tokenized t = TokenizeText(
      "وأوضحت أن «تشكيل غرفة عمليات خاصة بالمعركة، هدفه الوصول إلى أفضل النتائج المرجوة، وسعيًا "
      "من كل الأطراف نحو مزيد من التنسيق وحسن الإدارة وتأدية المهام الموكلة بهم»");
  for (const Token& token : t.tokens) {
    if (token.kind != TokenKind::kArabicWord) continue;
    for (std::size_t r = 0; r < token.reading_count; ++r) {
      const std::string stem(StemOf(t.norm, token, token.readings[r]));
      if (map.Find(stem) == nullptr) {
        map[stem] = static_cast<std::uint32_t>(stems.size());
        stems.push_back(stem);
      }
      const std::uint32_t* found = map.Find(stem, token.stem_hash[r]);
      ASSERT_NE(found, nullptr) << stem;
      EXPECT_EQ(stems[*found], stem);
    }
  }
  EXPECT_GT(stems.size(), 30u);
  EXPECT_EQ(map.Find("\xD8\xA7"), nullptr);  // one letter: no stem of the sentence
}

// A StemMap's Filter answers as the map's own MayContain does, before the
// map holds anything and after: true for every stem held, false for most
// others (the filter keeps four bits per slot and the map is a quarter full).
TEST(TokenizerTest, StemMapFilterAgreesWithMayContain) {
  StemMap<std::uint32_t> map;
  const Tokenized t = TokenizeText(
      "وأورد المرصد السوري لحقوق الإنسان من جهته حصيلة القتلى ذاتها، مشيرا إلى وجود عدد من "
      "الجرحى في حالات حرجة");
  const StemMap<std::uint32_t>::Filter empty_filter(map);
  std::size_t held = 0, passed = 0, tested = 0;
  for (const Token& token : t.tokens) {
    if (token.kind != TokenKind::kArabicWord) continue;
    EXPECT_FALSE(empty_filter.MayContain(token.stem_hash[0]));
    // The surface form of every other word goes into the map.
    if (tested++ % 2 == 0) map[std::string(StemOf(t.norm, token, token.readings[0]))] = 1;
  }
  const StemMap<std::uint32_t>::Filter filter(map);
  for (const Token& token : t.tokens) {
    if (token.kind != TokenKind::kArabicWord) continue;
    for (std::size_t r = 0; r < token.reading_count; ++r) {
      const std::uint32_t hash = token.stem_hash[r];
      EXPECT_EQ(filter.MayContain(hash), map.MayContain(hash));
      const bool in_map = map.Find(StemOf(t.norm, token, token.readings[r]), hash) != nullptr;
      EXPECT_TRUE(!in_map || filter.MayContain(hash));
      held += in_map;
      passed += filter.MayContain(hash);
    }
  }
  EXPECT_GT(held, 5u);
  EXPECT_LT(passed, 2 * held);  // most stems not held are turned away
}

// Tokenize finds the start hits of two phrase tables while it hashes the
// readings: every corpus token must get what StartFilterPair::HitsOf finds
// from its readings afterwards, also at the end of a text (where stems lack
// the 16 bytes the short hash reads), so every text is cut at each of its
// last 40 bytes too. Without filters, no token has hits.
TEST(TokenizerTest, StartHitsAreThoseOfTheFilterPair) {
  const PhraseTable::StartFilterPair filters(NumberPhrases(), DatePhrases());
  NormalizedText norm;
  std::vector<Token> tokens;
  std::size_t with_hits = 0, checked = 0;
  for (const std::string& doc : AllCorpusTexts()) {
    std::vector<std::string_view> texts = {doc};
    for (std::size_t cut = 1; cut <= 40 && cut < doc.size(); ++cut) {
      texts.push_back(std::string_view(doc).substr(0, doc.size() - cut));
    }
    for (const std::string_view text : texts) {
      Normalize(text, &norm);
      Tokenize(norm, &tokens, filters.words());
      for (const Token& t : tokens) {
        ASSERT_EQ(t.start_hits, filters.HitsOf(t)) << norm.View(t.norm);
        with_hits += t.start_hits != 0;
        ++checked;
      }
      Tokenize(norm, &tokens);
      for (const Token& t : tokens) ASSERT_EQ(t.start_hits, 0) << norm.View(t.norm);
    }
  }
  EXPECT_GT(checked, 100000u);
  EXPECT_GT(with_hits, 1000u);
}

// On sentences of the corpus: أكثر starts a number qualifier (أكثر من 50)
// and حزيران a date; digits have no readings and no hits.
TEST(TokenizerTest, StartHitsMarkNumberAndDateWords) {
  const PhraseTable::StartFilterPair filters(NumberPhrases(), DatePhrases());
  NormalizedText norm;
  Normalize("اندماج أكثر من 50 لواءً وفصيلاً مسلحا، اجتماع لحزب الشعب في 5 حزيران/يونيو", &norm);
  std::vector<Token> tokens;
  Tokenize(norm, &tokens, filters.words());
  const auto hits_of = [&](std::string_view word) {
    for (const Token& t : tokens) {
      if (norm.View(t.norm) == word) return static_cast<std::uint32_t>(t.start_hits);
    }
    return 0xFFFFFFFFu;
  };
  NormalizedText word;
  Normalize("أكثر", &word);
  EXPECT_NE(hits_of(word.text) & 0xFF, 0u);  // a number qualifier
  Normalize("حزيران", &word);
  EXPECT_NE(hits_of(word.text) >> 8, 0u);  // a month
  EXPECT_EQ(hits_of("50"), 0u);            // digits: no readings, no hits
}

// A token's first two bytes are told an Arabic letter by a pair table
// before the general classification: every code point of U+0600..U+07FF
// written between spaces (and glued to a following alef) must open an
// Arabic word exactly when it is one of the letters the tokenizer's header
// lists, and anything else must not become one.
TEST(TokenizerTest, OnlyArabicLettersOpenArabicWords) {
  const auto in = [](char32_t cp, char32_t first, char32_t last) {
    return cp >= first && cp <= last;
  };
  const auto letter = [&](char32_t cp) {
    return in(cp, 0x0620, 0x064A) || in(cp, 0x066E, 0x066F) || in(cp, 0x0671, 0x06D3) ||
           cp == 0x06D5 || in(cp, 0x06E5, 0x06E6) || in(cp, 0x06EE, 0x06EF) ||
           in(cp, 0x06FA, 0x06FC) || cp == 0x06FF || in(cp, 0x0750, 0x077F);
  };
  std::size_t letters = 0;
  for (char32_t cp = 0x0600; cp < 0x0800; ++cp) {
    for (const bool glued : {false, true}) {
      NormalizedText norm;
      norm.text = " ";
      norm.text.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      norm.text.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      if (glued) norm.text.append("\xD8\xA7");  // U+0627
      norm.text.push_back(' ');
      for (std::uint32_t k = 0; k <= norm.text.size(); ++k) norm.to_original.push_back(k);
      std::vector<Token> tokens;
      Tokenize(norm, &tokens);
      ASSERT_FALSE(tokens.empty()) << std::hex << static_cast<std::uint32_t>(cp);
      EXPECT_EQ(tokens[0].norm.begin.value, 1u) << std::hex << static_cast<std::uint32_t>(cp);
      EXPECT_EQ(tokens[0].kind == TokenKind::kArabicWord, letter(cp))
          << std::hex << static_cast<std::uint32_t>(cp);
      if (letter(cp)) {
        EXPECT_EQ(tokens.size(), 1u) << std::hex << static_cast<std::uint32_t>(cp);
        EXPECT_EQ(tokens[0].norm.end.value, glued ? 5u : 3u)
            << std::hex << static_cast<std::uint32_t>(cp);
        EXPECT_GE(tokens[0].reading_count, 1) << std::hex << static_cast<std::uint32_t>(cp);
      }
    }
    letters += letter(cp);
  }
  EXPECT_GT(letters, 200u);
}

}  // namespace
}  // namespace rasd::text
