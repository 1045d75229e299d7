// The validation behind `rasd kb check`. Loading already reports form errors
// (syntax, types, dates); this adds what needs the whole registry: unique ids,
// references that resolve, coordinates inside Syria, and names that two actors
// claim at the same time, which would make linking depend on file order.
#include "kb/check.h"

#include <map>
#include <set>
#include <unordered_map>

#include "common/utf8.h"

namespace rasd::kb {
namespace {

// A light fold (tashkeel, tatweel, alef forms, ya, ta marbuta, spaces) so
// that spellings the matcher treats as one name are compared as one here too.
std::string FoldName(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0, len = 0; i < s.size(); i += len) {
    char32_t cp = utf8::Decode(s, i, &len);
    if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640) continue;
    if (cp == 0x0622 || cp == 0x0623 || cp == 0x0625 || cp == 0x0671) cp = 0x0627;
    if (cp == 0x0649) cp = 0x064A;
    if (cp == 0x0629) cp = 0x0647;
    if (cp == ' ' || cp == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    utf8::Append(cp, &out);
  }
  return out;
}

class Checker {
 public:
  Checker(const KnowledgeBase& kb, const std::vector<std::string>& files,
          std::vector<Diagnostic>* out)
      : kb_(kb),
        actors_file_(files[0]),
        sources_file_(files[1]),
        places_file_(files[2]),
        out_(out) {}

  void Run() {
    CheckActorIds();
    CheckActorReferences();
    CheckLineages();
    CheckAliasCollisions();
    CheckLeaderCollisions();
    CheckSources();
    CheckPlaces();
  }

 private:
  void Add(const std::string& file, int line, Severity severity, std::string message) {
    out_->push_back({file, line, severity, std::move(message)});
  }

  void CheckActorIds() {
    for (const Actor& a : kb_.actors) {
      const auto [it, inserted] = actor_lines_.emplace(a.id, a.line);
      if (!inserted) {
        Add(actors_file_, a.line, Severity::kError,
            "duplicate actor id " + a.id + " (first at line " + std::to_string(it->second) + ")");
      }
    }
  }

  bool IsActor(const std::string& id) const { return actor_lines_.count(id) != 0; }

  void CheckActorReferences() {
    for (const Actor& a : kb_.actors) {
      if (!a.parent.empty() && !IsActor(a.parent)) {
        Add(actors_file_, a.line, Severity::kError,
            a.id + ": parent " + a.parent + " is not an actor id");
      }
      if (a.parent == a.id)
        Add(actors_file_, a.line, Severity::kError, a.id + " is its own parent");
      for (const Affiliation& f : a.affiliations) {
        if (!IsActor(f.id)) {
          Add(actors_file_, f.line, Severity::kError,
              a.id + ": affiliation " + f.id + " is not an actor id");
        }
      }
    }
  }

  void CheckLineages() {
    std::map<std::string, std::vector<const Actor*>> members;
    for (const Actor& a : kb_.actors) {
      if (!a.lineage.empty()) members[a.lineage].push_back(&a);
    }
    for (const auto& [lineage, actors] : members) {
      const Actor& first = *actors.front();
      if (IsActor(lineage)) {
        Add(actors_file_, first.line, Severity::kError,
            "lineage " + lineage + " is also an actor id; lineage ids name a succession");
      }
      if (actors.size() < 2) {
        Add(actors_file_, first.line, Severity::kWarning,
            "lineage " + lineage + " has only one member, " + first.id);
      }
      for (std::size_t i = 0; i < actors.size(); ++i) {
        for (std::size_t j = i + 1; j < actors.size(); ++j) {
          if (actors[i]->active.Overlaps(actors[j]->active) && !actors[i]->active.Unbounded()) {
            Add(actors_file_, actors[j]->line, Severity::kWarning,
                "lineage " + lineage + ": " + actors[j]->id + " is active at the same time as " +
                    actors[i]->id + " (line " + std::to_string(actors[i]->line) + ")");
          }
        }
      }
    }
  }

  struct NameUse {
    const Actor* actor;
    const Alias* alias;
  };

  // The registry documents a shared name when both uses are weak (the header's
  // "most recently named" rule), when their periods are disjoint, or when a
  // note of either actor quotes the name.
  static bool ShareIsDocumented(const NameUse& a, const NameUse& b) {
    if (a.alias->weak && b.alias->weak) return true;
    if (!a.alias->range.Overlaps(b.alias->range)) return true;
    return a.actor->notes.find(a.alias->name) != std::string::npos ||
           b.actor->notes.find(b.alias->name) != std::string::npos;
  }

  void CheckAliasCollisions() {
    std::unordered_map<std::string, std::vector<NameUse>> uses;
    for (const Actor& a : kb_.actors) {
      std::set<std::string> own;
      for (const Alias& alias : a.aliases) {
        std::string key = FoldName(alias.name);
        if (!own.insert(key).second) continue;  // name_ar repeated among the aliases
        uses[key].push_back({&a, &alias});
      }
    }
    for (const auto& [name, list] : uses) {
      for (std::size_t i = 0; i < list.size(); ++i) {
        for (std::size_t j = i + 1; j < list.size(); ++j) {
          if (ShareIsDocumented(list[i], list[j])) continue;
          Add(actors_file_, list[j].alias->line, Severity::kWarning,
              "alias '" + list[j].alias->name + "' of " + list[j].actor->id +
                  " is also an alias of " + list[i].actor->id + " at line " +
                  std::to_string(list[i].alias->line) + " for an overlapping period");
        }
      }
    }
  }

  void CheckLeaderCollisions() {
    std::unordered_map<std::string, const Actor*> first_holder;
    for (const Actor& a : kb_.actors) {
      for (const std::string& leader : a.leaders) {
        const auto [it, inserted] = first_holder.emplace(FoldName(leader), &a);
        if (inserted || it->second == &a) continue;
        if (it->second->active.Overlaps(a.active) && a.lineage.empty()) {
          Add(actors_file_, a.line, Severity::kWarning,
              "leader '" + leader + "' of " + a.id + " also leads " + it->second->id + " (line " +
                  std::to_string(it->second->line) + ") in an overlapping period");
        }
      }
    }
  }

  void CheckSources() {
    std::unordered_map<std::string, int> lines;
    for (const Source& s : kb_.sources) {
      const auto [it, inserted] = lines.emplace(s.id, s.line);
      if (!inserted) {
        Add(sources_file_, s.line, Severity::kError,
            "duplicate source id " + s.id + " (first at line " + std::to_string(it->second) + ")");
      }
      if (IsActor(s.id)) {
        Add(sources_file_, s.line, Severity::kWarning,
            "source id " + s.id + " is also an actor id (line " +
                std::to_string(actor_lines_[s.id]) + " of " + actors_file_ + ")");
      }
    }
  }

  void CheckPlaces() {
    std::unordered_map<std::string, int> lines;
    for (const Place& p : kb_.places) {
      const auto [it, inserted] = lines.emplace(p.id, p.line);
      if (!inserted) {
        Add(places_file_, p.line, Severity::kError,
            "duplicate place id " + p.id + " (first at line " + std::to_string(it->second) + ")");
      }
      if (p.lat && p.lon &&
          (*p.lat < kSyriaMinLat || *p.lat > kSyriaMaxLat || *p.lon < kSyriaMinLon ||
           *p.lon > kSyriaMaxLon)) {
        Add(places_file_, p.line, Severity::kError,
            p.id + ": coordinates " + std::to_string(*p.lat) + "," + std::to_string(*p.lon) +
                " lie outside Syria (lat 32.3-37.4, lon 35.6-42.4)");
      }
    }
    for (const Place& p : kb_.places) {
      for (const std::string& other : p.same_as) {
        if (lines.count(other) == 0) {
          Add(places_file_, p.line, Severity::kError,
              p.id + ": same_as " + other + " is not a place id");
        }
      }
    }
  }

  const KnowledgeBase& kb_;
  const std::string& actors_file_;
  const std::string& sources_file_;
  const std::string& places_file_;
  std::vector<Diagnostic>* out_;
  std::unordered_map<std::string, int> actor_lines_;
};

}  // namespace

Result<CheckReport> Check(const std::string& data_dir) {
  KnowledgeBase kb;
  CheckReport report;
  RASD_RETURN_IF_ERROR(ReadKnowledgeBase(data_dir, &kb, &report.diagnostics));
  const std::vector<std::string> files = DataFiles(data_dir);
  Checker(kb, files, &report.diagnostics).Run();
  for (const Diagnostic& d : report.diagnostics) {
    (d.severity == Severity::kError ? report.error_count : report.warning_count) += 1;
  }
  report.data_version = kb.data_version;
  report.actor_count = kb.actors.size();
  report.source_count = kb.sources.size();
  report.place_count = kb.places.size();
  return report;
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out += ':';
    out += std::to_string(d.line);
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

}  // namespace rasd::kb
