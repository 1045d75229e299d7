// Reading the TSV lexicons. Each row is checked on its own so that one bad
// row is reported with its line and the rest still load.
#include "extract/lexicon.h"

#include <array>
#include <string_view>
#include <utility>

#include "common/file.h"
#include "text/dates.h"

namespace rasd::extract {
namespace {

constexpr std::size_t kMaxLexiconBytes = 4u << 20;

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Calls row(line_number, columns) for each non-comment, non-blank line.
template <typename RowFn>
Status ForEachRow(const std::string& path, RowFn row) {
  auto bytes = ReadFile(path, kMaxLexiconBytes);
  if (!bytes.ok()) return bytes.status();
  std::uint32_t line_no = 0;
  for (std::string_view line : Split(*bytes, '\n')) {
    ++line_no;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    row(line_no, Split(line, '\t'));
  }
  return Status::Ok();
}

std::optional<Trigger> ParseTriggerType(std::string_view type) {
  Trigger t;
  if (type == "EXPLOSION") {
    t.cls = TriggerClass::kExplosion;
    t.fixed = SubEventType::kShellingArtilleryMissileAttack;
  } else if (type == "BLAST") {
    t.cls = TriggerClass::kBlast;
    t.fixed = SubEventType::kRemoteExplosiveLandmineIed;
  } else if (type == "TERRITORY") {
    t.cls = TriggerClass::kTerritory;
    t.fixed = SubEventType::kNonStateActorOvertakesTerritory;
  } else if (type == "KILLING") {
    t.cls = TriggerClass::kKilling;
    t.fixed = SubEventType::kArmedClash;
  } else if (auto sub = ParseSubEventType(type)) {
    t.fixed = *sub;
  } else {
    return std::nullopt;
  }
  return t;
}

constexpr std::array<std::pair<std::string_view, CueClass>, kCueClassCount> kCueNames = {{
    {"air", CueClass::kAir},
    {"ground", CueClass::kGround},
    {"suicide", CueClass::kSuicide},
    {"remote", CueClass::kRemote},
    {"intervention", CueClass::kIntervention},
    {"death", CueClass::kDeath},
    {"wounded", CueClass::kWounded},
    {"report", CueClass::kReport},
    {"deny", CueClass::kDeny},
    {"planned", CueClass::kPlanned},
    {"background", CueClass::kBackground},
    {"negation", CueClass::kNegation},
    {"agent", CueClass::kAgent},
    {"target", CueClass::kTarget},
    {"between", CueClass::kBetween},
    {"with", CueClass::kWith},
    {"members", CueClass::kMembers},
    {"civilian", CueClass::kCivilian},
    {"exposed", CueClass::kExposed},
    {"prevent", CueClass::kPrevent},
    {"unharmed", CueClass::kUnharmed},
    {"joiner", CueClass::kJoiner},
    {"descriptor", CueClass::kDescriptor},
    {"demonstrative", CueClass::kDemonstrative},
    {"opinion", CueClass::kOpinion},
    {"among", CueClass::kAmong},
    {"near", CueClass::kNear},
    {"base", CueClass::kBase},
    {"since", CueClass::kSince},
    {"affiliation", CueClass::kAffiliation},
    {"cause", CueClass::kCause},
    {"result", CueClass::kResult},
    {"holder", CueClass::kHolder},
    {"contrast", CueClass::kContrast},
    {"attempt", CueClass::kAttempt},
    {"relative", CueClass::kRelative},
    {"reaction", CueClass::kReaction},
    {"support", CueClass::kSupport},
    {"pluperfect", CueClass::kPluperfect},
    {"aircraft", CueClass::kAircraft},
    {"that_he", CueClass::kThatHe},
    {"that_she", CueClass::kThatShe},
    {"holding", CueClass::kHolding},
    {"police", CueClass::kPolice},
    {"perpetrator", CueClass::kPerpetrator},
    {"turn", CueClass::kTurn},
    {"another", CueClass::kAnother},
    {"both_sides", CueClass::kBothSides},
    {"comparison", CueClass::kComparison},
    {"behind", CueClass::kBehind},
    {"elsewhere", CueClass::kElsewhere},
    {"side_marker", CueClass::kSideMarker},
    {"ordinal", CueClass::kOrdinal},
    {"during", CueClass::kDuring},
    {"meeting", CueClass::kMeeting},
    {"outcome", CueClass::kOutcome},
    {"taking_part", CueClass::kTakingPart},
    {"held_by", CueClass::kHeldBy},
    {"giving", CueClass::kGiving},
    {"to_control", CueClass::kToControl},
    {"captives", CueClass::kCaptives},
    {"direction", CueClass::kDirection},
}};

void AddForms(std::string_view forms, std::uint32_t payload, PhraseMatcher* matcher) {
  for (std::string_view form : Split(forms, '|')) {
    form = Trim(form);
    if (!form.empty()) matcher->Add(form, payload);
  }
}

// Reads a table of `key<TAB>from<TAB>to<TAB>actor` rows with ISO dates or -
// for open ends; bad rows are reported with their line and skipped.
// With `key_is_actor`, the key is an actor id the registry must hold too.
template <typename Report>
Status ReadDatedActorRows(const std::string& path, std::string_view key_name, bool key_is_actor,
                          Report report, std::vector<DatedActorRow>* rows,
                          std::vector<Lexicon::ActorReference>* references) {
  return ForEachRow(path, [&](std::uint32_t line, const auto& cols) {
    const auto date_or_open = [](std::string_view d) {
      return d == "-" || text::CivilDate::FromIso(d).has_value();
    };
    if (cols.size() != 4 || Trim(cols[0]).empty() || Trim(cols[3]).empty() ||
        !date_or_open(Trim(cols[1])) || !date_or_open(Trim(cols[2]))) {
      report(
          path, line,
          "expected '" + std::string(key_name) + "<TAB>from<TAB>to<TAB>actor' with ISO dates or -");
      return;
    }
    const auto open_end = [](std::string_view d) {
      return d == "-" ? std::string() : std::string(d);
    };
    rows->push_back({std::string(Trim(cols[0])), open_end(Trim(cols[1])), open_end(Trim(cols[2])),
                     std::string(Trim(cols[3]))});
    references->push_back({path, line, std::string(Trim(cols[3]))});
    if (key_is_actor) references->push_back({path, line, std::string(Trim(cols[0]))});
  });
}

}  // namespace

Result<Lexicon> Lexicon::Load(const std::string& data_dir,
                              std::vector<LexiconDiagnostic>* diagnostics) {
  Lexicon lex;
  const std::string triggers_path = data_dir + "/extract/triggers.tsv";
  const std::string cues_path = data_dir + "/extract/cues.tsv";
  const auto report = [&](const std::string& file, std::uint32_t line, std::string msg) {
    if (diagnostics != nullptr) diagnostics->push_back({file, line, std::move(msg)});
  };

  Status s = ForEachRow(triggers_path, [&](std::uint32_t line, const auto& cols) {
    if (cols.size() != 4) {
      report(triggers_path, line,
             "expected 4 tab-separated columns, found " + std::to_string(cols.size()));
      return;
    }
    auto trigger = ParseTriggerType(Trim(cols[1]));
    if (!trigger) {
      report(triggers_path, line, "unknown type '" + std::string(cols[1]) + "'");
      return;
    }
    const std::string_view part = Trim(cols[2]);
    const std::string_view strength = Trim(cols[3]);
    if ((part != "verb" && part != "noun") ||
        (strength != "strong" && strength != "weak" && strength != "indefinite" &&
         strength != "handed" && strength != "held")) {
      report(triggers_path, line,
             "part must be verb|noun and strength strong|weak|indefinite|handed|held");
      return;
    }
    trigger->verb = part == "verb";
    trigger->strong = strength == "strong";
    trigger->indefinite_only = strength == "indefinite";
    trigger->agent_after = strength == "handed";
    trigger->state_as_noun = strength == "held";
    trigger->line = line;
    AddForms(cols[0], static_cast<std::uint32_t>(lex.trigger_rows_.size()), &lex.triggers_);
    lex.trigger_rows_.push_back(*trigger);
  });
  RASD_RETURN_IF_ERROR(s);

  s = ForEachRow(cues_path, [&](std::uint32_t line, const auto& cols) {
    if (cols.size() != 2) {
      report(cues_path, line,
             "expected 2 tab-separated columns, found " + std::to_string(cols.size()));
      return;
    }
    const std::string_view name = Trim(cols[1]);
    if (name == "one" || name == "two") {
      AddForms(cols[0], name == "one" ? 1 : 2, &lex.count_nouns_);
      return;
    }
    if (name == "quantifier") {
      for (std::string_view form : Split(cols[0], '|')) {
        lex.triggers_.AllowBetweenFirstWords(Trim(form));
      }
      return;
    }
    for (const auto& [cue_name, cls] : kCueNames) {
      if (cue_name == name) {
        AddForms(cols[0], static_cast<std::uint32_t>(cls), &lex.cues_);
        return;
      }
    }
    report(cues_path, line, "unknown cue class '" + std::string(name) + "'");
  });
  RASD_RETURN_IF_ERROR(s);

  const std::string arms_path = data_dir + "/extract/air_arms.tsv";
  s = ForEachRow(arms_path, [&](std::uint32_t line, const auto& cols) {
    if (cols.size() != 2 || Trim(cols[0]).empty() || Trim(cols[1]).empty()) {
      report(arms_path, line, "expected 'actor<TAB>air arm'");
      return;
    }
    lex.air_arms_.emplace(Trim(cols[0]), Trim(cols[1]));
    lex.actor_references_.push_back({arms_path, line, std::string(Trim(cols[0]))});
    lex.actor_references_.push_back({arms_path, line, std::string(Trim(cols[1]))});
  });
  RASD_RETURN_IF_ERROR(s);

  const std::string police_path = data_dir + "/extract/police_forces.tsv";
  s = ForEachRow(police_path, [&](std::uint32_t line, const auto& cols) {
    if (cols.size() != 2 || Trim(cols[0]).empty() || Trim(cols[1]).empty()) {
      report(police_path, line, "expected 'country<TAB>actor'");
      return;
    }
    if (!lex.police_forces_.emplace(Trim(cols[0]), Trim(cols[1])).second) {
      report(police_path, line, "country '" + std::string(Trim(cols[0])) + "' listed twice");
    }
    lex.actor_references_.push_back({police_path, line, std::string(Trim(cols[1]))});
  });
  RASD_RETURN_IF_ERROR(s);

  const std::string camps_path = data_dir + "/extract/camps.tsv";
  s = ForEachRow(camps_path, [&](std::uint32_t line, const auto& cols) {
    const std::string_view cohesive = cols.size() == 3 ? Trim(cols[2]) : "";
    if (cols.size() != 3 || Trim(cols[0]).empty() || Trim(cols[1]).empty() ||
        (cohesive != "yes" && cohesive != "no")) {
      report(camps_path, line, "expected 'actor<TAB>camp<TAB>yes|no'");
      return;
    }
    const bool fresh =
        lex.camps_.emplace(Trim(cols[0]), Camp{std::string(Trim(cols[1])), cohesive == "yes"})
            .second;
    if (!fresh) report(camps_path, line, "actor '" + std::string(cols[0]) + "' listed twice");
    lex.actor_references_.push_back({camps_path, line, std::string(Trim(cols[0]))});
  });
  RASD_RETURN_IF_ERROR(s);

  s = ReadDatedActorRows(data_dir + "/extract/unattributed_air.tsv", "target", false, report,
                         &lex.unattributed_air_, &lex.actor_references_);
  RASD_RETURN_IF_ERROR(s);
  s = ReadDatedActorRows(data_dir + "/extract/air_campaigns.tsv", "striker", true, report,
                         &lex.air_campaigns_, &lex.actor_references_);
  RASD_RETURN_IF_ERROR(s);
  return lex;
}

const std::string& Lexicon::UnattributedAirActor(const std::string& target,
                                                 const std::string& date) const {
  static const std::string kNone;
  const Camp* camp = CampOf(target);
  for (const DatedActorRow& row : unattributed_air_) {
    const bool hit = row.key == target || (camp != nullptr && row.key == camp->name);
    if (hit && row.Covers(date)) return row.actor;
  }
  return kNone;
}

const std::string& Lexicon::AirCampaignTarget(const std::string& striker,
                                              const std::string& date) const {
  static const std::string kNone;
  for (const DatedActorRow& row : air_campaigns_) {
    if (row.key == striker && row.Covers(date)) return row.actor;
  }
  return kNone;
}

const std::string& Lexicon::StateOfAirArm(const std::string& arm) const {
  static const std::string kNoState;
  // A handful of rows: a scan, not a second map.
  for (const auto& [state, its_arm] : air_arms_) {
    if (its_arm == arm) return state;
  }
  return kNoState;
}

const std::string& Lexicon::AirArmOf(const std::string& actor) const {
  static const std::string kNoArm;
  const auto it = air_arms_.find(actor);
  return it == air_arms_.end() ? kNoArm : it->second;
}

const std::string& Lexicon::PoliceForceOf(const std::string& country) const {
  static const std::string kNoForce;
  const auto it = police_forces_.find(country);
  return it == police_forces_.end() ? kNoForce : it->second;
}

const Camp* Lexicon::CampOf(const std::string& actor) const {
  const auto it = camps_.find(actor);
  return it == camps_.end() ? nullptr : &it->second;
}

}  // namespace rasd::extract
