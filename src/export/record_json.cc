// Writes a DocumentResult as the JSON record of spec/events.md, converting
// every byte span to code points with one index per document. Keys are
// JsonKey literals, quoted when compiled.
#include "export/record_json.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <vector>

#include "common/json_writer.h"

namespace rasd {
namespace {

// Code points before each byte offset of a document, with a checkpoint every
// eight bytes: a record converts hundreds of offsets, and so close a
// checkpoint leaves one word to count (utf8::CharIndex keeps one per 64
// bytes and counts up to 63 bytes per offset).
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text) : text_(text) {
    const std::size_t words = text.size() / kWord;
    before_word_.resize(words + 1);
    std::uint32_t count = 0;
    for (std::size_t k = 0; k < words; ++k) {
      before_word_[k] = count;
      std::uint64_t w = 0;
      std::memcpy(&w, text.data() + k * kWord, kWord);
      count += static_cast<std::uint32_t>(kWord - ContinuationBytes(w));
    }
    before_word_[words] = count;
  }

  CharOffset ToChar(ByteOffset b) const {
    const std::size_t pos = std::min<std::size_t>(b.value, text_.size());
    const std::size_t k = pos / kWord;
    const std::size_t in_word = pos % kWord;
    std::uint32_t count = before_word_[k];
    if (in_word != 0) {
      // The first in_word bytes of word k; zero bytes count as no continuation.
      std::uint64_t w = 0;
      if (std::endian::native == std::endian::little && (k + 1) * kWord <= text_.size()) {
        std::memcpy(&w, text_.data() + k * kWord, kWord);
        w &= ~std::uint64_t{0} >> (64 - 8 * in_word);
      } else {
        std::memcpy(&w, text_.data() + k * kWord, in_word);
      }
      count += static_cast<std::uint32_t>(in_word - ContinuationBytes(w));
    }
    return CharOffset(count);
  }
  CharSpan ToChar(ByteSpan s) const { return {ToChar(s.begin), ToChar(s.end)}; }

 private:
  static constexpr std::size_t kWord = 8;

  // Continuation bytes (10xxxxxx: bit 7 set, bit 6, shifted up to bit 7,
  // clear) among the eight bytes of w; the multiply adds the eight 0/1
  // bytes into the top byte.
  static std::size_t ContinuationBytes(std::uint64_t w) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    const std::uint64_t marks = (w & ~(w << 1) & kHighBits) >> 7;
    return static_cast<std::size_t>((marks * kOnes) >> 56);
  }

  std::string_view text_;
  std::vector<std::uint32_t> before_word_;  // code points before byte kWord * k
};

// {"start":S,"end":E}, formatted in one buffer: records hold thousands of spans.
void WriteSpan(JsonWriter& w, const CodePointIndex& index, ByteSpan span) {
  const CharSpan c = index.ToChar(span);
  constexpr std::string_view kStart = "{\"start\":";
  constexpr std::string_view kEnd = ",\"end\":";
  // Numbers are written with room to spare before the buffer's end, so the
  // punctuation after each (and GCC's bounds analysis) always fits.
  char buf[80];
  char* const numbers_end = buf + sizeof buf - 16;
  char* p = std::copy(kStart.begin(), kStart.end(), buf);
  p = std::to_chars(p, numbers_end, static_cast<std::int64_t>(c.begin.value)).ptr;
  p = std::copy(kEnd.begin(), kEnd.end(), p);
  p = std::to_chars(p, numbers_end, static_cast<std::int64_t>(c.end.value)).ptr;
  *p++ = '}';
  w.Raw(std::string_view(buf, static_cast<std::size_t>(p - buf)));
}

void WriteSpanList(JsonWriter& w, const CodePointIndex& index, const std::vector<ByteSpan>& spans) {
  w.BeginArray();
  for (const ByteSpan& s : spans) {  // [start,end], formatted in one buffer
    const CharSpan c = index.ToChar(s);
    char buf[64];
    char* const numbers_end = buf + sizeof buf - 8;
    char* p = buf;
    *p++ = '[';
    p = std::to_chars(p, numbers_end, static_cast<std::int64_t>(c.begin.value)).ptr;
    *p++ = ',';
    p = std::to_chars(p, numbers_end, static_cast<std::int64_t>(c.end.value)).ptr;
    *p++ = ']';
    w.Raw(std::string_view(buf, static_cast<std::size_t>(p - buf)));
  }
  w.EndArray();
}

// "key": span, left out when there is no span.
template <std::size_t N>
void WriteOptionalSpan(JsonWriter& w, const CodePointIndex& index, const JsonKey<N>& key,
                       const std::optional<ByteSpan>& span) {
  if (!span) return;
  w.Key(key);
  WriteSpan(w, index, *span);
}

template <std::size_t N>
void WriteOptionalDouble(JsonWriter& w, const JsonKey<N>& key, std::optional<double> v) {
  w.Key(key);
  if (v) {
    w.Double(*v);
  } else {
    w.Null();
  }
}

template <std::size_t N>
void WriteIdList(JsonWriter& w, const JsonKey<N>& key, const std::vector<std::string>& ids) {
  w.Key(key);
  w.BeginArray();
  for (const auto& id : ids) w.String(id);
  w.EndArray();
}

void WriteLocation(JsonWriter& w, const CodePointIndex& index, const Location& loc) {
  w.BeginObject();
  w.Field(JsonKey("name"), loc.name);
  WriteOptionalDouble(w, JsonKey("lat"), loc.lat);
  WriteOptionalDouble(w, JsonKey("lon"), loc.lon);
  w.FieldOrNull(JsonKey("place_id"), loc.place_id);
  w.Field(JsonKey("geo_precision"), loc.geo_precision);
  w.FieldOrNull(JsonKey("admin1"), loc.admin1);
  w.FieldOrNull(JsonKey("pcode"), loc.pcode);
  w.Field(JsonKey("country"), loc.country);
  w.Key(JsonKey("span"));
  WriteSpan(w, index, loc.span);
  w.EndObject();
}

void WriteEvent(JsonWriter& w, const CodePointIndex& index, const std::string& text,
                const Event& e) {
  w.BeginObject();
  w.Field(JsonKey("event_type"), e.event_type);
  w.Field(JsonKey("sub_event_type"), e.sub_event_type);
  w.FieldOrNull(JsonKey("actor1"), e.actor1);
  w.FieldOrNull(JsonKey("actor2"), e.actor2);
  WriteIdList(w, JsonKey("assoc_actor_1"), e.assoc_actor_1);
  WriteIdList(w, JsonKey("assoc_actor_2"), e.assoc_actor_2);
  w.Field(JsonKey("inter1"), e.inter1);
  w.Field(JsonKey("inter2"), e.inter2);
  w.Key(JsonKey("location"));
  if (e.location) {
    WriteLocation(w, index, *e.location);
  } else {
    w.Null();
  }
  w.FieldOrNull(JsonKey("date"), e.date);
  w.Key(JsonKey("time_precision"));
  if (e.time_precision > 0) {
    w.Int(e.time_precision);
  } else {
    w.Null();
  }
  w.Key(JsonKey("fatalities"));
  if (e.fatalities) {
    w.Int(*e.fatalities);
  } else {
    w.Null();
  }
  w.FieldOrNull(JsonKey("fatalities_text"), e.fatalities_text);
  w.Field(JsonKey("status"), EventStatusName(e.status));
  w.Key(JsonKey("claims"));
  w.BeginArray();
  for (const Claim& c : e.claims) {
    w.BeginObject();
    w.Field(JsonKey("source"), c.source);
    w.Field(JsonKey("stance"), ClaimStanceName(c.stance));
    w.Field(JsonKey("cue"), c.cue);
    w.Key(JsonKey("span"));
    WriteSpan(w, index, c.span);
    w.EndObject();
  }
  w.EndArray();
  // Where each argument stands in the text (the location's span is in "location").
  w.Key(JsonKey("argument_spans"));
  w.BeginObject();
  WriteOptionalSpan(w, index, JsonKey("actor1"), e.actor1_span);
  WriteOptionalSpan(w, index, JsonKey("actor2"), e.actor2_span);
  WriteOptionalSpan(w, index, JsonKey("date"), e.date_span);
  WriteOptionalSpan(w, index, JsonKey("fatalities"), e.fatalities_span);
  w.EndObject();
  w.Key(JsonKey("evidence"));
  WriteSpan(w, index, e.evidence);
  w.Key(JsonKey("trigger"));
  WriteSpan(w, index, e.trigger);
  w.Field(JsonKey("trigger_text"),
          std::string_view(text).substr(e.trigger.begin.value, e.trigger.size()));
  w.Key(JsonKey("confidence"));
  w.Double(e.confidence, 2);
  w.EndObject();
}

template <std::size_t N>
void WriteActors(JsonWriter& w, const CodePointIndex& index, const JsonKey<N>& key,
                 const std::vector<ActorMention>& actors) {
  w.Key(key);
  w.BeginArray();
  for (const ActorMention& a : actors) {
    w.BeginObject();
    w.Field(JsonKey("id"), a.id);
    w.Field(JsonKey("text"), a.text);
    w.Key(JsonKey("spans"));
    WriteSpanList(w, index, a.spans);
    w.Key(JsonKey("confidence"));
    w.Double(a.confidence, 2);
    w.EndObject();
  }
  w.EndArray();
}

void WritePlaces(JsonWriter& w, const CodePointIndex& index,
                 const std::vector<PlaceMention>& places) {
  w.Key(JsonKey("places"));
  w.BeginArray();
  for (const PlaceMention& p : places) {
    w.BeginObject();
    w.Field(JsonKey("name"), p.name);
    w.FieldOrNull(JsonKey("place_id"), p.place_id);
    WriteOptionalDouble(w, JsonKey("lat"), p.lat);
    WriteOptionalDouble(w, JsonKey("lon"), p.lon);
    w.FieldOrNull(JsonKey("admin1"), p.admin1);
    w.FieldOrNull(JsonKey("pcode"), p.pcode);
    w.Key(JsonKey("spans"));
    WriteSpanList(w, index, p.spans);
    w.Key(JsonKey("confidence"));
    w.Double(p.confidence, 2);
    w.Field(JsonKey("dateline_only"), p.dateline_only);
    w.EndObject();
  }
  w.EndArray();
}

// Room for the record, so that it is written without reallocating: about a
// kilobyte per event and a hundred bytes per mention on the dev corpus.
std::size_t ExpectedRecordBytes(const Document& doc, const DocumentResult& result,
                                const RecordJsonOptions& options) {
  constexpr std::size_t kFixed = 256;
  constexpr std::size_t kPerEvent = 1280;
  constexpr std::size_t kPerMention = 160;
  std::size_t bytes =
      kFixed + kPerEvent * result.events.size() +
      kPerMention * (result.actors.size() + result.places.size() + result.sources.size());
  if (options.with_text) bytes += doc.text.size() + doc.origin.size() + 64;
  return bytes;
}

}  // namespace

void AppendDocumentRecord(const Document& doc, const DocumentResult& result,
                          const RecordJsonOptions& options, std::string* out) {
  out->reserve(out->size() + ExpectedRecordBytes(doc, result, options));
  const CodePointIndex index(doc.text);
  JsonWriter w(out);
  w.BeginObject();
  w.Field(JsonKey("doc_id"), doc.doc_id);
  w.FieldOrNull(JsonKey("pub_date"), doc.pub_date);
  w.FieldOrNull(JsonKey("source"), doc.source);
  w.Key(JsonKey("events"));
  w.BeginArray();
  for (const Event& e : result.events) WriteEvent(w, index, doc.text, e);
  w.EndArray();
  WriteActors(w, index, JsonKey("actors"), result.actors);
  WritePlaces(w, index, result.places);
  WriteActors(w, index, JsonKey("sources"), result.sources);
  w.Field(JsonKey("sentences"), static_cast<std::int64_t>(result.sentence_count));
  w.Field(JsonKey("tokens"), static_cast<std::int64_t>(result.token_count));
  if (options.with_text) {
    w.Field(JsonKey("origin"), doc.origin);
    w.Field(JsonKey("text"), doc.text);
  }
  w.EndObject();
  out->push_back('\n');
}

}  // namespace rasd
