// The JSON writer's fast paths against plain references: string escaping
// sixteen bytes at a time against a byte-by-byte escaper (on the seed
// articles and on every position of a quote or control character across
// block edges), keys quoted at compile time against keys quoted at run time,
// and FormatFixed's integer rounding against std::to_chars.
#include "common/json_writer.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace rasd {
namespace {

// What AppendJsonString must write, one byte at a time.
std::string EscapedByteByByte(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::string Escaped(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

std::vector<std::string> SeedArticles() {
  std::vector<std::string> texts;
  for (const auto& entry :
       std::filesystem::directory_iterator(RASD_SOURCE_DIR "/eval/corpus/seeds")) {
    std::ifstream in(entry.path(), std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return texts;
}

TEST(JsonString, EscapesSeedArticlesAsTheByteByByteEscaper) {
  const std::vector<std::string> texts = SeedArticles();
  ASSERT_FALSE(texts.empty());
  for (const std::string& text : texts) {
    EXPECT_EQ(Escaped(text), EscapedByteByByte(text));
    // Every line on its own too: lengths that end inside a block.
    std::size_t start = 0;
    for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
      const std::string_view line = std::string_view(text).substr(start, nl - start);
      EXPECT_EQ(Escaped(line), EscapedByteByByte(line)) << line;
      start = nl + 1;
    }
  }
}

TEST(JsonString, FindsEveryByteToEscapeAtEveryPositionOfShortAndLongStrings) {
  const std::string arabic = "قصفت قوات النظام بالطيران الحربي مدينة دوما";
  const std::string specials = std::string("\"\\\n\r\t\x01\x1f", 7) + std::string(1, '\0');
  for (std::size_t len = 0; len <= 40; ++len) {
    const std::string base = arabic.substr(0, len);
    EXPECT_EQ(Escaped(base), EscapedByteByByte(base)) << len;
    for (std::size_t pos = 0; pos < len; ++pos) {
      for (const char special : specials) {
        std::string s = base;
        s[pos] = special;
        ASSERT_EQ(Escaped(s), EscapedByteByByte(s)) << "length " << len << " position " << pos;
      }
    }
  }
}

// WriteJsonString into exactly the room it asks for, filled beforehand with
// bytes that would need escaping: it reads past its copy, and must not
// take what it finds there for part of the string.
std::string WrittenInRoom(std::string_view s, std::string_view filler) {
  std::vector<char> room(MaxJsonStringBytes(s.size()));
  for (std::size_t k = 0; k < room.size(); ++k) room[k] = filler[k % filler.size()];
  char* const end = WriteJsonString(s, room.data());
  EXPECT_LE(end, room.data() + room.size());
  return std::string(room.data(), end);
}

TEST(JsonString, WritesIntoItsRoomWhatTheByteByByteEscaperWrites) {
  const std::string arabic = "قصفت قوات النظام بالطيران الحربي مدينة دوما";
  const std::string specials = std::string("\"\\\n\x01", 4) + std::string(1, '\0');
  // Fillers whose first byte past the copy needs escaping, or only a later one.
  for (const std::string_view filler : {std::string_view("\0", 1), std::string_view("\""),
                                        std::string_view("a\""), std::string_view("ab\n")}) {
    EXPECT_EQ(WrittenInRoom("", filler), "\"\"");
    for (std::size_t len = 1; len <= 40; ++len) {
      const std::string base = arabic.substr(0, len);
      ASSERT_EQ(WrittenInRoom(base, filler), EscapedByteByByte(base)) << len;
      for (std::size_t pos = 0; pos < len; ++pos) {
        for (const char special : specials) {
          std::string s = base;
          s[pos] = special;
          ASSERT_EQ(WrittenInRoom(s, filler), EscapedByteByByte(s))
              << "length " << len << " position " << pos;
        }
      }
    }
  }
  for (const std::string& text : SeedArticles()) {
    EXPECT_EQ(WrittenInRoom(text, "x\\"), EscapedByteByByte(text));
  }
}

TEST(JsonString, PassesBytesOfInvalidUtf8ThroughAndEscapesOnlyWhatJsonNeeds) {
  // A lone continuation byte, a truncated letter, 0xFF and DEL: not escaped.
  const std::string s = "\x80\xD9 \xFF\x7F\"\x1b";
  EXPECT_EQ(Escaped(s), EscapedByteByByte(s));
  EXPECT_EQ(Escaped(s), "\"\x80\xD9 \xFF\x7F\\\"\\u001b\"");
}

TEST(JsonWriter, LiteralKeysWriteWhatKeysGivenAsTextWrite) {
  std::string literal;
  std::string text;
  {
    JsonWriter w(&literal);
    w.BeginObject();
    w.Field(JsonKey("event_type"), "Battles");
    w.FieldOrNull(JsonKey("actor2"), "");
    w.Field(JsonKey("inter1"), 3);
    w.Key(JsonKey("spans"));
    w.BeginArray();
    w.Int(4);
    w.EndArray();
    w.Field(JsonKey("dateline_only"), false);
    w.EndObject();
  }
  {
    JsonWriter w(&text);
    w.BeginObject();
    w.Field(std::string("event_type"), "Battles");
    w.FieldOrNull(std::string_view("actor2"), "");
    w.Field("inter1", 3);
    w.Key(std::string("spans"));
    w.BeginArray();
    w.Int(4);
    w.EndArray();
    w.Field("dateline_only", false);
    w.EndObject();
  }
  EXPECT_EQ(literal, text);
  EXPECT_EQ(literal,
            "{\"event_type\":\"Battles\",\"actor2\":null,\"inter1\":3,\"spans\":[4],"
            "\"dateline_only\":false}");
}

TEST(JsonWriter, KeysGivenAsTextAreEscaped) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field(std::string("a\"b\n"), 1);
  w.EndObject();
  EXPECT_EQ(out, "{\"a\\\"b\\n\":1}");
}

TEST(JsonWriter, WritesNullForDoublesThatAreNotFinite) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  w.Double(std::numeric_limits<double>::quiet_NaN());
  w.Double(-std::numeric_limits<double>::infinity());
  w.Double(36.20124, 5);
  w.Double(0.85, 2);
  w.EndArray();
  EXPECT_EQ(out, "[null,null,36.20124,0.85]");
}

// FormatFixed(v, d) and std::to_chars(v, fixed, d) side by side.
void ExpectSameAsToChars(double v, int decimals) {
  char ours[512];
  char theirs[512];
  const std::to_chars_result a = FormatFixed(ours, ours + sizeof ours, v, decimals);
  const std::to_chars_result b =
      std::to_chars(theirs, theirs + sizeof theirs, v, std::chars_format::fixed, decimals);
  ASSERT_EQ(a.ec, b.ec) << v;
  ASSERT_EQ(std::string(ours, a.ptr), std::string(theirs, b.ptr))
      << "value " << v << " (bits " << std::hex << std::bit_cast<std::uint64_t>(v) << std::dec
      << "), " << decimals << " decimals";
}

TEST(FormatFixed, RoundsTiesToEvenAsToCharsDoes) {
  // Exact binary ties at the last digit, and values just beside them.
  for (const double v : {0.5, 1.5, 2.5, 0.125, 0.375, 0.625, 2.675, 1.005, 0.045, 36.125}) {
    for (int d = 0; d <= 4; ++d) {
      ExpectSameAsToChars(v, d);
      ExpectSameAsToChars(-v, d);
      ExpectSameAsToChars(std::nextafter(v, 0.0), d);
      ExpectSameAsToChars(std::nextafter(v, 10.0), d);
    }
  }
}

TEST(FormatFixed, WritesZerosSignsAndTheEdgesOfTheIntegerPathAsToChars) {
  const double edge = std::ldexp(1.0, 30);  // the first value left to std::to_chars
  for (const double v : {0.0, -0.0, 1e-300, -1e-300, 4.9e-324, 1e-9, -0.004, 0.999999999, edge,
                         std::nextafter(edge, 0.0), -edge, 1e15, 1.7976931348623157e308}) {
    for (int d = 0; d <= 12; ++d) ExpectSameAsToChars(v, d);
  }
}

TEST(FormatFixed, AgreesWithToCharsOnRandomValuesOfEveryMagnitude) {
  std::mt19937_64 random(20261122);
  std::uniform_int_distribution<int> decimals(0, 10);
  std::uniform_real_distribution<double> coordinate(-180.0, 180.0);
  std::uniform_int_distribution<int> exponent(-40, 34);
  for (int i = 0; i < 200000; ++i) {
    const int d = decimals(random);
    ExpectSameAsToChars(coordinate(random), d);
    ExpectSameAsToChars(std::ldexp(coordinate(random), exponent(random)), d);
    double any = 0;
    const std::uint64_t bits = random();
    std::memcpy(&any, &bits, sizeof any);
    if (std::isfinite(any)) ExpectSameAsToChars(any, d);
  }
}

TEST(FormatFixed, ReportsABufferTooShortAsToCharsDoes) {
  char buf[8];
  for (std::size_t size = 0; size <= sizeof buf; ++size) {
    const std::to_chars_result r = FormatFixed(buf, buf + size, -12.34567, 3);  // "-12.346"
    if (size < 7) {
      EXPECT_EQ(r.ec, std::errc::value_too_large) << size;
      EXPECT_EQ(r.ptr, buf + size);
    } else {
      ASSERT_EQ(r.ec, std::errc()) << size;
      EXPECT_EQ(std::string(buf, r.ptr), "-12.346");
    }
  }
}

}  // namespace
}  // namespace rasd
