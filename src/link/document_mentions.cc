// From mentions to the document-level actor, source and place lists of
// spec/events.md section 5: one entry per distinct id or place, with every
// span, the name as first written and the best confidence.
//
// Speed: a document names a few dozen distinct actors and places at most,
// so an entry is found by scanning the list built so far, comparing sizes
// before bytes. Keys are views into the mentions: a mention whose entry
// exists already costs no allocation (a hash map keyed by std::string cost
// a key, a node and the written name per mention).
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "link/linker.h"

namespace rasd::link {
namespace {

constexpr std::string_view kNewPrefix = "new:";
constexpr std::string_view kNamePrefix = "name:";
// Room for the spans of an entry when it is made: most names a document
// repeats are repeated a few times, and growing one span at a time would
// reallocate at the second and the third.
constexpr std::size_t kFirstSpans = 4;

// The name as written in the original, or empty for a span outside it.
std::string_view Written(std::string_view original, ByteSpan span) {
  if (span.end.value > original.size() || span.begin.value > span.end.value) return {};
  return original.substr(span.begin.value, span.size());
}

// A key `prefix` + `rest`, compared without building it. Its size and its
// last eight bytes (as one word) are kept beside it: most keys differ there,
// so a scan compares two numbers per entry before any bytes.
class Key {
 public:
  Key(std::string_view prefix, std::string_view rest)
      : prefix_(prefix), rest_(rest), size_(prefix.size() + rest.size()) {
    const std::size_t from_rest = std::min<std::size_t>(rest.size(), sizeof tail_);
    const std::size_t from_prefix = std::min(prefix.size(), sizeof tail_ - from_rest);
    char last[sizeof tail_] = {};
    // (memcpy is not given the null data() of an empty view.)
    if (from_prefix != 0) std::memcpy(last, prefix.end() - from_prefix, from_prefix);
    if (from_rest != 0) std::memcpy(last + from_prefix, rest.end() - from_rest, from_rest);
    std::memcpy(&tail_, last, sizeof tail_);
  }

  bool operator==(const Key& o) const {
    if (size_ != o.size_ || tail_ != o.tail_) return false;
    if (prefix_.size() == o.prefix_.size()) return prefix_ == o.prefix_ && rest_ == o.rest_;
    // Prefixes differ in size: in one list, one of them is empty.
    return prefix_.empty() ? o.Is(rest_) : Is(o.rest_);
  }
  std::string Joined() const { return std::string(prefix_) + std::string(rest_); }

 private:
  bool Is(std::string_view whole) const {
    return whole.starts_with(prefix_) && whole.substr(prefix_.size()) == rest_;
  }

  std::string_view prefix_;
  std::string_view rest_;
  std::size_t size_;
  std::uint64_t tail_ = 0;
};

// The index of the entry with `key` in keys, or keys.size().
std::size_t Find(const std::vector<Key>& keys, const Key& key) {
  return static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
}

void AddActor(const Mention& m, std::string_view original, std::vector<ActorMention>* list,
              std::vector<Key>* keys) {
  const std::string_view text = Written(original, m.name_span);
  // A new: group is named as written in the original, not in folded form;
  // an id the linker chose apart from this surface (a force named first in
  // another form, linker.cc ForceIdFor) is kept.
  const bool named_here = m.id.size() == kNewPrefix.size() + m.surface.size() &&
                          m.id.starts_with(kNewPrefix) && m.id.ends_with(m.surface);
  const Key key = named_here ? Key(kNewPrefix, text) : Key({}, m.id);
  const std::size_t at = Find(*keys, key);
  if (at == keys->size()) {
    keys->push_back(key);
    ActorMention a;
    a.id = key.Joined();
    a.text = std::string(text);
    a.confidence = m.confidence;
    a.is_source = m.kind == MentionKind::kSource;
    a.spans.reserve(kFirstSpans);
    list->push_back(std::move(a));
  }
  ActorMention& a = (*list)[at];
  a.spans.push_back(m.name_span);
  a.confidence = std::max(a.confidence, m.confidence);
}

void AddPlace(const Mention& m, std::string_view original, std::vector<PlaceMention>* list,
              std::vector<Key>* keys) {
  const Key key = m.id.empty() ? Key(kNamePrefix, m.surface) : Key({}, m.id);
  const std::size_t at = Find(*keys, key);
  if (at == keys->size()) {
    keys->push_back(key);
    PlaceMention p;
    p.name = std::string(Written(original, m.name_span));
    p.place_id = m.id;
    p.lat = m.lat;
    p.lon = m.lon;
    p.admin1 = m.admin1;
    p.pcode = m.pcode;
    p.confidence = m.confidence;
    p.dateline_only = true;
    p.spans.reserve(kFirstSpans);
    list->push_back(std::move(p));
  }
  PlaceMention& p = (*list)[at];
  p.spans.push_back(m.name_span);
  p.confidence = std::max(p.confidence, m.confidence);
  p.dateline_only = p.dateline_only && m.dateline;
}

}  // namespace

void CollectDocumentMentions(const LinkedText& linked, std::string_view original,
                             DocumentMentions* out) {
  out->actors.clear();
  out->sources.clear();
  out->places.clear();
  // Room for one entry per mention of each kind, so that the lists never
  // move their entries while they grow.
  std::array<std::size_t, 3> per_kind{};
  for (const Mention& m : linked.mentions) ++per_kind[static_cast<std::size_t>(m.kind)];
  const auto count = [&per_kind](MentionKind kind) {
    return per_kind[static_cast<std::size_t>(kind)];
  };
  std::vector<Key> actors, sources, places;
  actors.reserve(count(MentionKind::kActor));
  out->actors.reserve(count(MentionKind::kActor));
  sources.reserve(count(MentionKind::kSource));
  out->sources.reserve(count(MentionKind::kSource));
  places.reserve(count(MentionKind::kPlace));
  out->places.reserve(count(MentionKind::kPlace));
  for (const Mention& m : linked.mentions) {
    switch (m.kind) {
      case MentionKind::kActor:
        if (!m.id.empty()) AddActor(m, original, &out->actors, &actors);
        break;
      case MentionKind::kSource:
        AddActor(m, original, &out->sources, &sources);
        break;
      case MentionKind::kPlace:
        if (m.country == "Syria") AddPlace(m, original, &out->places, &places);
        break;
    }
  }
}

}  // namespace rasd::link
