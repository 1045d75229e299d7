// From mentions to the document-level actor, source and place lists of
// spec/events.md section 5: one entry per distinct id or place, with every
// span, the name as first written and the best confidence.
#include <unordered_map>

#include "link/linker.h"

namespace rasd::link {
namespace {

std::string Written(std::string_view original, ByteSpan span) {
  if (span.end.value > original.size() || span.begin.value > span.end.value) return {};
  return std::string(original.substr(span.begin.value, span.size()));
}

void AddActor(const Mention& m, std::string_view original, std::vector<ActorMention>* list,
              std::unordered_map<std::string, std::size_t>* index) {
  const std::string text = Written(original, m.name_span);
  // A new: group is named as written in the original, not in folded form;
  // an id the linker chose apart from this surface (a force named first in
  // another form, linker.cc ForceIdFor) is kept.
  const bool named_here = m.id.size() == 4 + m.surface.size() && m.id.rfind("new:", 0) == 0 &&
                          m.id.ends_with(m.surface);
  const std::string id = named_here ? "new:" + text : m.id;
  auto [it, inserted] = index->emplace(id, list->size());
  if (inserted) {
    ActorMention a;
    a.id = id;
    a.text = text;
    a.confidence = m.confidence;
    a.is_source = m.kind == MentionKind::kSource;
    list->push_back(std::move(a));
  }
  ActorMention& a = (*list)[it->second];
  a.spans.push_back(m.name_span);
  a.confidence = std::max(a.confidence, m.confidence);
}

void AddPlace(const Mention& m, std::string_view original, std::vector<PlaceMention>* list,
              std::unordered_map<std::string, std::size_t>* index) {
  const std::string name = Written(original, m.name_span);
  const std::string key = m.id.empty() ? "name:" + m.surface : m.id;
  auto [it, inserted] = index->emplace(key, list->size());
  if (inserted) {
    PlaceMention p;
    p.name = name;
    p.place_id = m.id;
    p.lat = m.lat;
    p.lon = m.lon;
    p.admin1 = m.admin1;
    p.pcode = m.pcode;
    p.confidence = m.confidence;
    p.dateline_only = true;
    list->push_back(std::move(p));
  }
  PlaceMention& p = (*list)[it->second];
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
  std::unordered_map<std::string, std::size_t> actors, sources, places;
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
