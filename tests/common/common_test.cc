// The shared foundations: UTF-8 decoding and the byte -> code-point index
// that every output span goes through, the JSON writer, the ordered thread
// pool behind `--threads`, and the status-to-exit-code contract.
#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "rasd/status.h"

#include "common/json_writer.h"
#include "common/ordered_pool.h"
#include "common/utf8.h"

namespace rasd {
namespace {

TEST(Utf8, DecodesArabicAndReplacesBrokenSequences) {
  const std::string text = "قصف";  // three two-byte letters
  std::size_t len = 0;
  EXPECT_EQ(utf8::Decode(text, 0, &len), U'\u0642');
  EXPECT_EQ(len, 2u);
  const std::string broken = "\xD9";  // a lead byte with no continuation
  EXPECT_EQ(utf8::Decode(broken, 0, &len), utf8::kReplacement);
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(utf8::FirstInvalid("ab\xC0\x80"), 2u) << "an overlong NUL is invalid";
  EXPECT_EQ(utf8::FirstInvalid(text), text.size());
}

TEST(Utf8, CharIndexCountsCodePointsAcrossCheckpoints) {
  // Long enough to cross several 64-byte checkpoints, mixing ASCII and Arabic.
  std::string text;
  for (int i = 0; i < 50; ++i) text += "حلب 12 ";
  const utf8::CharIndex index(text);
  std::size_t chars = 0;
  for (std::size_t b = 0; b <= text.size(); ++b) {
    const bool boundary = b == text.size() || (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80;
    if (boundary) {
      EXPECT_EQ(index.ToChar(ByteOffset(static_cast<std::uint32_t>(b))).value, chars) << b;
    }
    if (b < text.size() && boundary) ++chars;
  }
  EXPECT_EQ(utf8::CountCodePoints(text), chars);
}

TEST(Utf8, CharIndexCountsEveryLengthOfCodePointAtEveryOffset) {
  // One-, two-, three- and four-byte characters (a dateline with a bidi mark
  // and an emoji), so that every byte position within the eight-byte words
  // the index counts with falls on a lead and on a continuation byte.
  std::string text;
  for (int i = 0; i < 9; ++i) text += "\u200Fدمشق - (سانا) \U0001F4F0 ";
  const utf8::CharIndex index(text);
  std::uint32_t leads = 0;
  for (std::size_t b = 0; b <= text.size(); ++b) {
    EXPECT_EQ(index.ToChar(ByteOffset(static_cast<std::uint32_t>(b))).value, leads) << b;
    if (b < text.size()) leads += (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80;
  }
  EXPECT_EQ(index.ToChar(ByteOffset(static_cast<std::uint32_t>(text.size() + 10))).value, leads)
      << "an offset past the end counts the whole text";
}

TEST(JsonWriter, EscapesControlCharactersAndKeepsArabic) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("text", "قال \"المرصد\"\n\t\x01");
  w.Key("n");
  w.Int(-3);
  w.Key("list");
  w.BeginArray();
  w.Null();
  w.Bool(true);
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(out, "{\"text\":\"قال \\\"المرصد\\\"\\n\\t\\u0001\",\"n\":-3,\"list\":[null,true]}");
}

TEST(OrderedPool, DeliversResultsInInputOrderWhateverTheFinishingOrder) {
  struct Scratch {};
  std::vector<int> delivered;
  {
    OrderedPool<int, int, Scratch> pool(
        2,
        [](int&& v, Scratch*) {
          // Early items take longer, so later ones finish first.
          std::this_thread::sleep_for(std::chrono::microseconds((100 - v) * 20));
          return v * 10;
        },
        [&](int&& r) { delivered.push_back(r); });
    for (int i = 0; i < 100; ++i) pool.Submit(i);
    pool.Finish();
  }
  ASSERT_EQ(delivered.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(delivered[i], i * 10);
}

TEST(OrderedPool, OneWorkerDeliversEveryItemInOrderAcrossManyWindows) {
  // Far more items than the window holds, so the submitter blocks and wakes
  // many times; each worker's scratch is its own across items.
  struct Scratch {
    int items_seen = 0;
  };
  std::vector<int> delivered;
  int max_seen = 0;
  {
    OrderedPool<int, int, Scratch> pool(
        1,
        [&](int&& v, Scratch* s) {
          ++s->items_seen;
          max_seen = std::max(max_seen, s->items_seen);
          return v + 1;
        },
        [&](int&& r) { delivered.push_back(r); });
    for (int i = 0; i < 5000; ++i) pool.Submit(i);
  }  // the destructor finishes the pool
  ASSERT_EQ(delivered.size(), 5000u);
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(delivered[i], i + 1);
  EXPECT_EQ(max_seen, 5000) << "one worker, one scratch for every item";
}

TEST(OrderedPool, FinishesWithFewerItemsThanTheWindowAndWithNone) {
  struct Scratch {};
  for (const int items : {0, 1, 3}) {
    std::vector<int> delivered;
    OrderedPool<int, int, Scratch> pool(
        2, [](int&& v, Scratch*) { return v; }, [&](int&& r) { delivered.push_back(r); });
    for (int i = 0; i < items; ++i) pool.Submit(i);
    pool.Finish();
    pool.Finish();  // idempotent
    ASSERT_EQ(delivered.size(), static_cast<std::size_t>(items));
    for (int i = 0; i < items; ++i) EXPECT_EQ(delivered[i], i);
  }
}

TEST(Status, CodesMapToStableExitCodes) {
  EXPECT_EQ(ExitCodeFor(Status::Ok()), 0);
  EXPECT_EQ(ExitCodeFor(InvalidArgument("x")), 2);
  EXPECT_EQ(ExitCodeFor(BadInput("x")), 3);
  EXPECT_EQ(ExitCodeFor(IoError("x")), 4);
  EXPECT_EQ(ExitCodeFor(NotFound("x")), 4);
  EXPECT_EQ(ExitCodeFor(Internal("x")), 1);
  EXPECT_EQ(BadInput("dev.jsonl:12: not JSON").ToString(), "bad_input: dev.jsonl:12: not JSON");
  const Result<int> r = NotFound("gone");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace rasd
