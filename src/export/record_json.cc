// Writes a DocumentResult as the JSON record of spec/events.md, converting
// every byte span to code points with one index per document. The record's
// shape is fixed, so it is written as literal runs of punctuation and keys
// between values, through a cursor into the output (RecordText) rather than
// with JsonWriter, which decides every comma at run time and appends each
// piece to a std::string: a record holds a value every twenty bytes or so.
#include "export/record_json.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "common/json_writer.h"

namespace rasd {
namespace {

// Code points before each byte offset of a document, with a checkpoint every
// sixteen bytes: a record converts hundreds of offsets, and so close a
// checkpoint leaves at most two words to count (utf8::CharIndex keeps one
// per 64 bytes and counts up to 63 bytes per offset). Bytes are counted
// eight at a time in 64-bit words.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text) : text_(text) {
    const std::size_t blocks = text.size() / kBlock;
    before_block_.resize(blocks + 1);
    std::uint32_t count = 0;
    for (std::size_t k = 0; k < blocks; ++k) {
      before_block_[k] = count;
      count += static_cast<std::uint32_t>(kBlock - ContinuationBytes(Word(k, 0), Word(k, 1)));
    }
    before_block_[blocks] = count;
  }

  CharOffset ToChar(ByteOffset b) const {
    const std::size_t pos = std::min<std::size_t>(b.value, text_.size());
    const std::size_t k = pos / kBlock;
    const std::size_t in_block = pos % kBlock;
    std::uint32_t count = before_block_[k];
    if (in_block != 0) {
      // The first in_block bytes of block k; zero bytes count as none.
      std::uint64_t w[2] = {0, 0};
      if (std::endian::native == std::endian::little && (k + 1) * kBlock <= text_.size()) {
        w[0] = Word(k, 0) & FirstBytes(std::min(in_block, kWord));
        w[1] = in_block > kWord ? Word(k, 1) & FirstBytes(in_block - kWord) : 0;
      } else {
        std::memcpy(w, text_.data() + k * kBlock, in_block);
      }
      count += static_cast<std::uint32_t>(in_block - ContinuationBytes(w[0], w[1]));
    }
    return CharOffset(count);
  }
  CharSpan ToChar(ByteSpan s) const { return {ToChar(s.begin), ToChar(s.end)}; }

 private:
  static constexpr std::size_t kWord = 8;
  static constexpr std::size_t kBlock = 2 * kWord;

  // Word `half` (0 or 1) of block k, which lies inside the text.
  std::uint64_t Word(std::size_t k, std::size_t half) const {
    std::uint64_t w = 0;
    std::memcpy(&w, text_.data() + k * kBlock + half * kWord, kWord);
    return w;
  }
  // The mask of the first n (1..8) bytes of a little-endian word.
  static std::uint64_t FirstBytes(std::size_t n) { return ~std::uint64_t{0} >> (64 - 8 * n); }

  // Continuation bytes (10xxxxxx: bit 7 set, bit 6, shifted up to bit 7,
  // clear) among the sixteen bytes of a and b: each byte of the summed
  // marks is 0..2, and the multiply adds the eight bytes into the top one.
  static std::size_t ContinuationBytes(std::uint64_t a, std::uint64_t b) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    const std::uint64_t marks =
        ((a & ~(a << 1) & kHighBits) >> 7) + ((b & ~(b << 1) & kHighBits) >> 7);
    return static_cast<std::size_t>((marks * kOnes) >> 56);
  }

  std::string_view text_;
  std::vector<std::uint32_t> before_block_;  // code points before byte kBlock * k
};

// The text of one record, written through a cursor into a buffer of the
// thread's, kept from one record to the next, and appended to *out when the
// RecordText is destroyed (or when the buffer fills), so nothing else may
// append to *out meanwhile. Room grown ahead of the cursor inside *out
// itself would be zero-filled first (std::string has no uninitialised
// resize before C++23): a kilobyte per event written twice.
class RecordText {
 public:
  RecordText(std::string* out, std::size_t expected_bytes) : out_(out), buffer_(ThreadBuffer()) {
    buffer_.Reserve(expected_bytes);
    Reacquire();
  }
  ~RecordText() { Flush(); }
  RecordText(const RecordText&) = delete;
  RecordText& operator=(const RecordText&) = delete;

  // JSON text given as a literal: punctuation and keys, `,"key":`.
  template <std::size_t N>
  void Put(const char (&text)[N]) {
    std::memcpy(Room(N - 1), text, N - 1);
    cursor_ += N - 1;
  }
  void Put(char c) {
    *Room(1) = c;
    ++cursor_;
  }

  void String(std::string_view s) {
    if (s.size() > kLongString) {  // an article's text (--debug): no room for six times it
      Flush();
      AppendJsonString(s, out_);
      return;
    }
    cursor_ = WriteJsonString(s, Room(MaxJsonStringBytes(s.size())));
  }
  // null for an empty string: optional text fields.
  void StringOrNull(std::string_view s) {
    if (s.empty()) {
      Put("null");
    } else {
      String(s);
    }
  }
  void Int(std::int64_t v) {
    constexpr std::size_t kDigits = 20;    // and a sign
    char* const room = Room(kDigits + 1);  // before reading end_, which Room may move
    cursor_ = std::to_chars(room, end_, v).ptr;
  }
  void IntOrNull(std::optional<std::int64_t> v) {
    if (v) {
      Int(*v);
    } else {
      Put("null");
    }
  }
  void Bool(bool v) {
    if (v) {
      Put("true");
    } else {
      Put("false");
    }
  }
  // Fixed notation ("%.*f"), null when not finite.
  void Double(double v, int decimals) {
    if (!std::isfinite(v)) {
      Put("null");
      return;
    }
    // A finite double has at most 309 integer digits in fixed notation.
    constexpr std::size_t kIntegerDigits = 312;
    char* const room = Room(kIntegerDigits + static_cast<std::size_t>(decimals) + 2);
    cursor_ = FormatFixed(room, end_, v, decimals).ptr;
  }
  void DoubleOrNull(std::optional<double> v, int decimals) {
    if (v) {
      Double(*v, decimals);
    } else {
      Put("null");
    }
  }
  // {"start":S,"end":E}, in one piece of room: records hold thousands of spans.
  void Span(CharSpan span) {
    char* p = Room(kSpanBytes);
    p = Copy("{\"start\":", p);
    p = std::to_chars(p, end_, span.begin.value).ptr;
    p = Copy(",\"end\":", p);
    p = std::to_chars(p, end_, span.end.value).ptr;
    *p++ = '}';
    cursor_ = p;
  }
  // [S,E]
  void Pair(CharSpan span) {
    char* p = Room(kSpanBytes);
    *p++ = '[';
    p = std::to_chars(p, end_, span.begin.value).ptr;
    *p++ = ',';
    p = std::to_chars(p, end_, span.end.value).ptr;
    *p++ = ']';
    cursor_ = p;
  }

 private:
  static constexpr std::size_t kLongString = 4096;
  // {"start":4294967295,"end":4294967295}
  static constexpr std::size_t kSpanBytes = 40;

  template <std::size_t N>
  static char* Copy(const char (&text)[N], char* p) {
    std::memcpy(p, text, N - 1);
    return p + N - 1;
  }

  // The thread's buffer: zeroed once when it grows (so that WriteJsonString's
  // reads past its copy never see uninitialised bytes), then reused.
  struct Buffer {
    std::unique_ptr<char[]> bytes;
    std::size_t size = 0;
    void Reserve(std::size_t n) {
      if (n <= size) return;
      bytes.reset(new char[n]());
      size = n;
    }
  };
  static Buffer& ThreadBuffer() {
    thread_local Buffer buffer;
    return buffer;
  }

  // At least n bytes free at the cursor, which is returned.
  char* Room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - cursor_) < n) Grow(n);
    return cursor_;
  }
  // What is written goes to *out first: the whole buffer is then free,
  // and grows only if even that is too little.
  void Grow(std::size_t n) {
    Flush();
    if (buffer_.size < n) buffer_.Reserve(std::max(2 * buffer_.size, n + kLongString));
    Reacquire();
  }
  void Flush() {
    out_->append(buffer_.bytes.get(), static_cast<std::size_t>(cursor_ - buffer_.bytes.get()));
    cursor_ = buffer_.bytes.get();
  }
  void Reacquire() {
    cursor_ = buffer_.bytes.get();
    end_ = cursor_ + buffer_.size;
  }

  std::string* out_;
  Buffer& buffer_;
  char* cursor_ = nullptr;
  char* end_ = nullptr;
};

// [["id",...]], the list of actor ids.
void WriteIdList(RecordText& w, const std::vector<std::string>& ids) {
  w.Put('[');
  for (std::size_t k = 0; k < ids.size(); ++k) {
    if (k > 0) w.Put(',');
    w.String(ids[k]);
  }
  w.Put(']');
}

// Coordinates to five decimals: about a metre, finer than any gazetteer.
constexpr int kDegreeDecimals = 5;

void WriteSpanList(RecordText& w, const CodePointIndex& index, const std::vector<ByteSpan>& spans) {
  w.Put('[');
  for (std::size_t k = 0; k < spans.size(); ++k) {
    if (k > 0) w.Put(',');
    w.Pair(index.ToChar(spans[k]));
  }
  w.Put(']');
}

void WriteLocation(RecordText& w, const CodePointIndex& index, const Location& loc) {
  w.Put("{\"name\":");
  w.String(loc.name);
  w.Put(",\"lat\":");
  w.DoubleOrNull(loc.lat, kDegreeDecimals);
  w.Put(",\"lon\":");
  w.DoubleOrNull(loc.lon, kDegreeDecimals);
  w.Put(",\"place_id\":");
  w.StringOrNull(loc.place_id);
  w.Put(",\"geo_precision\":");
  w.Int(loc.geo_precision);
  w.Put(",\"admin1\":");
  w.StringOrNull(loc.admin1);
  w.Put(",\"pcode\":");
  w.StringOrNull(loc.pcode);
  w.Put(",\"country\":");
  w.String(loc.country);
  w.Put(",\"span\":");
  w.Span(index.ToChar(loc.span));
  w.Put('}');
}

void WriteClaims(RecordText& w, const CodePointIndex& index, const std::vector<Claim>& claims) {
  w.Put('[');
  for (std::size_t k = 0; k < claims.size(); ++k) {
    const Claim& c = claims[k];
    if (k > 0) w.Put(',');
    w.Put("{\"source\":");
    w.String(c.source);
    w.Put(",\"stance\":");
    w.String(ClaimStanceName(c.stance));
    w.Put(",\"cue\":");
    w.String(c.cue);
    w.Put(",\"span\":");
    w.Span(index.ToChar(c.span));
    w.Put('}');
  }
  w.Put(']');
}

// Where each argument stands in the text: {"actor1":{...},"date":{...}},
// with only the arguments the event has.
void WriteArgumentSpans(RecordText& w, const CodePointIndex& index, const Event& e) {
  bool first = true;
  const auto write = [&](const auto& key, const std::optional<ByteSpan>& span) {
    if (!span) return;
    w.Put(first ? '{' : ',');
    first = false;
    w.Put(key);
    w.Span(index.ToChar(*span));
  };
  write("\"actor1\":", e.actor1_span);
  write("\"actor2\":", e.actor2_span);
  write("\"date\":", e.date_span);
  write("\"fatalities\":", e.fatalities_span);
  if (first) w.Put('{');  // no argument has a span
  w.Put('}');
}

void WriteEvent(RecordText& w, const CodePointIndex& index, const std::string& text,
                const Event& e) {
  w.Put("{\"event_type\":");
  w.String(e.event_type);
  w.Put(",\"sub_event_type\":");
  w.String(e.sub_event_type);
  w.Put(",\"actor1\":");
  w.StringOrNull(e.actor1);
  w.Put(",\"actor2\":");
  w.StringOrNull(e.actor2);
  w.Put(",\"assoc_actor_1\":");
  WriteIdList(w, e.assoc_actor_1);
  w.Put(",\"assoc_actor_2\":");
  WriteIdList(w, e.assoc_actor_2);
  w.Put(",\"inter1\":");
  w.Int(e.inter1);
  w.Put(",\"inter2\":");
  w.Int(e.inter2);
  w.Put(",\"location\":");
  if (e.location) {
    WriteLocation(w, index, *e.location);
  } else {
    w.Put("null");
  }
  w.Put(",\"date\":");
  w.StringOrNull(e.date);
  w.Put(",\"time_precision\":");
  w.IntOrNull(e.time_precision > 0 ? std::optional<std::int64_t>(e.time_precision) : std::nullopt);
  w.Put(",\"fatalities\":");
  w.IntOrNull(e.fatalities);
  w.Put(",\"fatalities_text\":");
  w.StringOrNull(e.fatalities_text);
  w.Put(",\"status\":");
  w.String(EventStatusName(e.status));
  w.Put(",\"claims\":");
  WriteClaims(w, index, e.claims);
  // The location's span is in "location".
  w.Put(",\"argument_spans\":");
  WriteArgumentSpans(w, index, e);
  w.Put(",\"evidence\":");
  w.Span(index.ToChar(e.evidence));
  w.Put(",\"trigger\":");
  w.Span(index.ToChar(e.trigger));
  w.Put(",\"trigger_text\":");
  w.String(std::string_view(text).substr(e.trigger.begin.value, e.trigger.size()));
  w.Put(",\"confidence\":");
  w.Double(e.confidence, 2);
  w.Put('}');
}

void WriteActors(RecordText& w, const CodePointIndex& index,
                 const std::vector<ActorMention>& actors) {
  w.Put('[');
  for (std::size_t k = 0; k < actors.size(); ++k) {
    const ActorMention& a = actors[k];
    if (k > 0) w.Put(',');
    w.Put("{\"id\":");
    w.String(a.id);
    w.Put(",\"text\":");
    w.String(a.text);
    w.Put(",\"spans\":");
    WriteSpanList(w, index, a.spans);
    w.Put(",\"confidence\":");
    w.Double(a.confidence, 2);
    w.Put('}');
  }
  w.Put(']');
}

void WritePlaces(RecordText& w, const CodePointIndex& index,
                 const std::vector<PlaceMention>& places) {
  w.Put('[');
  for (std::size_t k = 0; k < places.size(); ++k) {
    const PlaceMention& p = places[k];
    if (k > 0) w.Put(',');
    w.Put("{\"name\":");
    w.String(p.name);
    w.Put(",\"place_id\":");
    w.StringOrNull(p.place_id);
    w.Put(",\"lat\":");
    w.DoubleOrNull(p.lat, kDegreeDecimals);
    w.Put(",\"lon\":");
    w.DoubleOrNull(p.lon, kDegreeDecimals);
    w.Put(",\"admin1\":");
    w.StringOrNull(p.admin1);
    w.Put(",\"pcode\":");
    w.StringOrNull(p.pcode);
    w.Put(",\"spans\":");
    WriteSpanList(w, index, p.spans);
    w.Put(",\"confidence\":");
    w.Double(p.confidence, 2);
    w.Put(",\"dateline_only\":");
    w.Bool(p.dateline_only);
    w.Put('}');
  }
  w.Put(']');
}

// Room for the record, so that it is written without growing: about a
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
  const CodePointIndex index(doc.text);
  RecordText w(out, ExpectedRecordBytes(doc, result, options));
  w.Put("{\"doc_id\":");
  w.String(doc.doc_id);
  w.Put(",\"pub_date\":");
  w.StringOrNull(doc.pub_date);
  w.Put(",\"source\":");
  w.StringOrNull(doc.source);
  w.Put(",\"events\":[");
  for (std::size_t k = 0; k < result.events.size(); ++k) {
    if (k > 0) w.Put(',');
    WriteEvent(w, index, doc.text, result.events[k]);
  }
  w.Put("],\"actors\":");
  WriteActors(w, index, result.actors);
  w.Put(",\"places\":");
  WritePlaces(w, index, result.places);
  w.Put(",\"sources\":");
  WriteActors(w, index, result.sources);
  w.Put(",\"sentences\":");
  w.Int(static_cast<std::int64_t>(result.sentence_count));
  w.Put(",\"tokens\":");
  w.Int(static_cast<std::int64_t>(result.token_count));
  if (options.with_text) {
    w.Put(",\"origin\":");
    w.String(doc.origin);
    w.Put(",\"text\":");
    w.String(doc.text);
  }
  w.Put("}\n");
}

}  // namespace rasd
