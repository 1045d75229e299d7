// `rasd ingest | query | search | stats`: the command-line face of src/store.
// Ingest extracts on --threads workers, but every database write happens on
// the main thread in input order, 512 documents a transaction, so that a
// killed run resumes where its last commit ended and produces the same
// canonical events as an uninterrupted one.
#include "cli/store_commands.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include <fmt/core.h>

#include "rasd/engine.h"

#include "cli/options.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "common/json_writer.h"
#include "common/ordered_pool.h"
#include "export/acled_csv.h"
#include "export/geojson.h"
#include "export/table.h"
#include "intake/reader.h"
#include "kb/knowledge_base.h"
#include "store/event_store.h"
#include "store/query.h"
#include "text/normalizer.h"

namespace rasd::cli {
namespace {

// Per-commit costs (the WAL frames of shared index and FTS pages, the
// statement set-up per batch) halve per article from 256 to 512; a kill
// re-extracts at most one batch. bench/store_bench.cc writes batches of this size.
constexpr std::size_t kBatchDocuments = 512;

[[noreturn]] void Fail(const char* command, const Status& status) {
  std::fprintf(stderr, "rasd %s: %s\n", command, status.ToString().c_str());
  throw CLI::RuntimeError(ExitCodeFor(status));
}

// actor id -> lineage id, from the registry; deduplication and --actor use it.
std::map<std::string, std::string> Lineages(const kb::KnowledgeBase& kb) {
  std::map<std::string, std::string> out;
  for (const kb::Actor& a : kb.actors) {
    if (!a.lineage.empty()) out[a.id] = a.lineage;
  }
  return out;
}

std::unique_ptr<store::EventStore> OpenStore(const char* command, const std::string& path,
                                             const store::StoreOptions& options) {
  auto store = store::EventStore::Open(path, options);
  if (!store.ok()) Fail(command, store.status());
  return std::move(store.value());
}

// ---------------------------------------------------------------- ingest

struct IngestFlags {
  std::vector<std::string> inputs;
  std::string db;
  std::string input_format = "auto";
  std::string rejects;
  unsigned threads = 1;
};

struct Extracted {
  Document doc;
  DocumentResult result;
};

class BatchWriter {
 public:
  BatchWriter(store::EventStore* store, store::Versions versions)
      : store_(store), versions_(std::move(versions)) {}

  Status Add(Extracted&& item) {
    docs_.push_back(std::move(item.doc));
    results_.push_back(std::move(item.result));
    return docs_.size() >= kBatchDocuments ? Flush() : Status::Ok();
  }

  Status Flush() {
    if (docs_.empty()) return Status::Ok();
    auto summary = store_->PutBatch(docs_, results_, versions_);
    docs_.clear();
    results_.clear();
    if (!summary.ok()) return summary.status();
    total_.inserted += summary->inserted;
    total_.replaced += summary->replaced;
    total_.unchanged += summary->unchanged;
    total_.events += summary->events;
    return Status::Ok();
  }

  const store::BatchSummary& total() const { return total_; }

 private:
  store::EventStore* store_;
  store::Versions versions_;
  std::vector<Document> docs_;
  std::vector<DocumentResult> results_;
  store::BatchSummary total_;
};

int RunIngest(const IngestFlags& flags, const std::string& data_dir) {
  auto input_format = intake::ParseInputFormat(flags.input_format);
  if (!input_format.ok()) Fail("ingest", input_format.status());
  auto kb = kb::LoadKnowledgeBase(data_dir);
  if (!kb.ok()) Fail("ingest", kb.status());
  auto engine = Engine::Create({data_dir});
  if (!engine.ok()) Fail("ingest", engine.status());
  store::StoreOptions options;
  options.lineages = Lineages(*kb);
  auto store = OpenStore("ingest", flags.db, options);
  if (store->read_only()) {
    Fail("ingest", IoError(flags.db + " is read-only (file permissions or mode=ro); nothing was "
                                      "ingested"));
  }
  std::unique_ptr<RejectsFile> rejects;
  if (!flags.rejects.empty()) {
    auto r = RejectsFile::Open(flags.rejects);
    if (!r.ok()) Fail("ingest", r.status());
    rejects = std::move(*r);
  }

  const Engine& eng = **engine;
  BatchWriter writer(store.get(), {eng.version(), eng.data_version()});
  Progress progress(IsTerminal(2), InputBytes(flags.inputs));
  Status failure;
  std::size_t skipped = 0;
  {
    OrderedPool<Document, Extracted, Workspace> pool(
        flags.threads,
        [&](Document&& doc, Workspace* ws) {
          DocumentResult result = eng.Process(doc, ws);
          return Extracted{std::move(doc), std::move(result)};
        },
        [&](Extracted&& item) {
          if (!failure.ok()) return;
          progress.Add(1, item.doc.text.size(), item.result.events.size());
          failure = writer.Add(std::move(item));
        });
    for (const std::string& input : flags.inputs) {
      if (!failure.ok()) break;
      Status s = intake::ReadInput(
          input, *input_format,
          [&](Document&& doc) {
            if (!failure.ok()) return;
            // Resume: what a killed run committed is not extracted again.
            auto stored = store->IsStored(doc.doc_id, store::EventStore::ContentHash(doc));
            if (!stored.ok()) {
              failure = stored.status();
              return;
            }
            if (*stored) {
              ++skipped;
              progress.Add(1, doc.text.size(), 0);
              return;
            }
            pool.Submit(std::move(doc));
          },
          [&](intake::Rejection&& rej) {
            std::fprintf(stderr, "%s: %s\n", rej.where.c_str(), rej.reason.c_str());
            progress.AddRejected(1);
            if (rejects) rejects->Write(rej.raw);
          });
      if (!s.ok() && failure.ok()) failure = s;
    }
    pool.Finish();
  }
  if (failure.ok()) failure = writer.Flush();
  progress.Finish("ingested");
  const store::BatchSummary& t = writer.total();
  auto counts = store->Counts();
  std::fprintf(stderr,
               "rasd ingest: %zu new, %zu replaced, %zu unchanged, %zu already stored, %zu "
               "events stored; %s now holds %lld documents, %lld canonical events\n",
               t.inserted, t.replaced, t.unchanged, skipped, t.events, flags.db.c_str(),
               counts.ok() ? static_cast<long long>(counts->documents) : -1LL,
               counts.ok() ? static_cast<long long>(counts->canonical_events) : -1LL);
  if (!failure.ok()) Fail("ingest", failure);
  return progress.rejected() > 0 ? ExitCodeFor(BadInput("")) : 0;
}

// ---------------------------------------------------------------- query

struct QueryFlags {
  std::string db;
  std::string actor;
  std::string type;
  std::string sub_type;
  std::string place;
  std::string near;
  std::string admin1;
  std::string from;
  std::string to;
  std::string source;
  std::string status;
  std::int64_t min_fatalities = -1;
  std::string text;
  std::string format;
  std::size_t limit = 0;
};

// An id, a lineage id, or any alias of the registry -> the ids to look for.
std::vector<std::string> ResolveActor(const kb::KnowledgeBase& kb, const std::string& query) {
  std::set<std::string> ids{query};
  const std::string folded = text::NormalizeForMatch(query);
  for (const kb::Actor& a : kb.actors) {
    if (a.id == query || a.lineage == query) {
      ids.insert(a.id);
      if (!a.lineage.empty()) ids.insert(a.lineage);
      continue;
    }
    for (const kb::Alias& alias : a.aliases) {
      if (text::NormalizeForMatch(alias.name) == folded) {
        ids.insert(a.id);
        if (!a.lineage.empty()) ids.insert(a.lineage);
      }
    }
  }
  return {ids.begin(), ids.end()};
}

// A place name (Arabic or English, any alias) or P-code -> gazetteer ids.
std::vector<std::string> ResolvePlace(const kb::KnowledgeBase& kb, const std::string& query) {
  std::vector<std::string> ids;
  const std::string folded = text::NormalizeForMatch(query);
  for (const kb::Place& p : kb.places) {
    bool match = p.id == query || p.pcode == query || p.name_en == query ||
                 text::NormalizeForMatch(p.name_ar) == folded;
    for (const std::string& alias : p.aliases) {
      match = match || text::NormalizeForMatch(alias) == folded;
    }
    if (match) ids.push_back(p.id);
  }
  return ids;
}

Status ParseNear(const std::string& s, store::NearFilter* out) {
  // strtod reports where each number ends, so trailing junk is caught.
  double values[3] = {0, 0, 0};
  const char* p = s.c_str();
  bool ok = true;
  for (int i = 0; i < 3 && ok; ++i) {
    char* end = nullptr;
    values[i] = std::strtod(p, &end);
    ok = end != p && *end == (i < 2 ? ',' : '\0');
    p = end + (i < 2 ? 1 : 0);
  }
  const double lat = values[0], lon = values[1], km = values[2];
  if (!ok || km <= 0 || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    return InvalidArgument("--near wants LAT,LON,KM (e.g. 36.2,37.15,25), got: " + s);
  }
  *out = {lat, lon, km};
  return Status::Ok();
}

// Actor id -> ACLED actor name, for the acled-csv format.
using ActorNames = std::map<std::string, std::string>;

ActorNames AcledActorNames(const kb::KnowledgeBase& kb) {
  ActorNames names;
  for (const kb::Actor& a : kb.actors) {
    if (!a.acled_name.empty()) names.emplace(a.id, a.acled_name);
  }
  return names;
}

EventContext ContextOf(const store::CanonicalEvent& c, const ActorNames* names = nullptr) {
  EventContext ctx;
  if (names != nullptr) {
    // An actor without an attested ACLED name is written as its id.
    ctx.actor_name = [names](const std::string& id) {
      const auto it = names->find(id);
      return it == names->end() ? std::string() : it->second;
    };
  }
  ctx.event_id = "SYR" + std::to_string(c.id);
  for (const std::string& outlet : c.outlets) {
    if (!ctx.source.empty()) ctx.source += "; ";
    ctx.source += outlet;
  }
  ctx.notes = c.evidence;
  ctx.fatalities_max = c.fatalities_max;
  ctx.articles = c.articles;
  ctx.distinct_sources = c.distinct_sources;
  return ctx;
}

std::string RenderTable(const std::vector<store::CanonicalEvent>& events) {
  TextTable table({"id", "date", "type", "sub-type", "location", "actor1", "actor2", "fatalities",
                   "articles", "sources"});
  for (const store::CanonicalEvent& c : events) {
    const Event& e = c.event;
    std::string fatalities = e.fatalities ? std::to_string(*e.fatalities) : "";
    if (e.fatalities && c.fatalities_max && *c.fatalities_max != *e.fatalities) {
      fatalities += "-" + std::to_string(*c.fatalities_max);
    }
    table.AddRow({std::to_string(c.id), e.date, e.event_type, e.sub_event_type,
                  e.location ? e.location->name : "", e.actor1, e.actor2, fatalities,
                  std::to_string(c.articles), std::to_string(c.distinct_sources)});
  }
  return table.Render();
}

std::string RenderEvents(const std::vector<store::CanonicalEvent>& events,
                         const std::string& format, const ActorNames& names) {
  std::string out;
  if (format == "table") return RenderTable(events);
  if (format == "jsonl") {
    for (const auto& c : events) store::AppendCanonicalJson(c, &out);
  } else if (format == "acled-csv") {
    WriteAcledCsvHeader(&out);
    for (const auto& c : events) AppendAcledCsvRow(c.event, ContextOf(c, &names), &out);
  } else {
    GeoJsonWriter writer(&out);
    writer.Begin();
    for (const auto& c : events) writer.Append(c.event, ContextOf(c));
    writer.End();
  }
  return out;
}

int RunQuery(const QueryFlags& flags, const std::string& data_dir) {
  const std::string format =
      !flags.format.empty() ? flags.format : (IsTerminal(1) ? "table" : "jsonl");
  store::EventFilter filter;
  ActorNames names;
  if (!flags.actor.empty() || !flags.place.empty() || format == "acled-csv") {
    auto kb = kb::LoadKnowledgeBase(data_dir);
    if (!kb.ok()) Fail("query", kb.status());
    if (!flags.actor.empty()) filter.actors = ResolveActor(*kb, flags.actor);
    if (!flags.place.empty()) filter.place_ids = ResolvePlace(*kb, flags.place);
    names = AcledActorNames(*kb);
  }
  filter.event_type = flags.type;
  filter.sub_event_type = flags.sub_type;
  filter.place = flags.place;
  if (!flags.near.empty()) {
    store::NearFilter near;
    Status s = ParseNear(flags.near, &near);
    if (!s.ok()) Fail("query", s);
    filter.near = near;
  }
  filter.admin1 = flags.admin1;
  filter.from = flags.from;
  filter.to = flags.to;
  filter.source = flags.source;
  filter.status = flags.status;
  if (flags.min_fatalities >= 0) filter.min_fatalities = flags.min_fatalities;
  filter.text = flags.text;
  filter.limit = flags.limit;
  store::StoreOptions options;
  options.create = false;
  auto store = OpenStore("query", flags.db, options);
  auto events = store::QueryEvents(store->db(), filter);
  if (!events.ok()) Fail("query", events.status());
  const std::string out = RenderEvents(*events, format, names);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

// ---------------------------------------------------------------- search, stats

std::string Quoted(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

struct SearchFlags {
  std::string db;
  std::string query;
  std::string format;
  std::size_t limit = 20;
};

int RunSearch(const SearchFlags& flags) {
  const bool terminal = IsTerminal(1);
  const std::string format = !flags.format.empty() ? flags.format : (terminal ? "table" : "jsonl");
  store::StoreOptions options;
  options.create = false;
  auto store = OpenStore("search", flags.db, options);
  store::SearchOptions search;
  search.limit = flags.limit;
  if (format == "table" && terminal) {
    search.open_mark = "\x1b[1;31m";  // bold red, then reset
    search.close_mark = "\x1b[0m";
  }
  auto hits = store::SearchArticles(store->db(), flags.query, search);
  if (!hits.ok()) Fail("search", hits.status());
  std::string out;
  for (const store::SearchHit& h : *hits) {
    if (format == "jsonl") {
      out += fmt::format(
          "{{\"doc_id\":{},\"title\":{},\"pub_date\":{},\"source\":{},"
          "\"snippet\":{}}}\n",
          Quoted(h.doc_id), Quoted(h.title), Quoted(h.pub_date), Quoted(h.source),
          Quoted(h.snippet));
    } else {
      out += fmt::format("{}  {}  {}  {}\n    {}\n", h.doc_id, h.pub_date, h.source, h.title,
                         h.snippet);
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (hits->empty())
    std::fprintf(stderr, "rasd search: no article matches %s\n", flags.query.c_str());
  return 0;
}

int RunStats(const std::string& db, bool json) {
  store::StoreOptions options;
  options.create = false;
  auto store = OpenStore("stats", db, options);
  auto stats = store::ComputeStats(store->db());
  if (!stats.ok()) Fail("stats", stats.status());
  std::string out;
  if (json) {
    store::AppendStatsJson(*stats, &out);
  } else {
    const std::pair<const char*, const std::vector<store::StatRow>*> parts[] = {
        {"Events and fatalities per week (Monday) and type", &stats->by_week_and_type},
        {"Per actor pair", &stats->by_actor_pair},
        {"Per governorate (admin1)", &stats->by_admin1}};
    for (const auto& [title, rows] : parts) {
      TextTable table({"key", "event type", "events", "fatalities"}, 60);
      for (const store::StatRow& r : *rows) {
        table.AddRow({r.key.empty() ? "(unknown)" : r.key, r.type, std::to_string(r.events),
                      std::to_string(r.fatalities)});
      }
      out += std::string(title) + "\n" + table.Render() + "\n";
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

void AddDbOption(CLI::App* cmd, std::string* db) {
  cmd->add_option("--db", *db, "The SQLite event store (a path or a file: URI)")->required();
}

void RegisterIngest(CLI::App* app, const std::string* data_dir) {
  auto flags = std::make_shared<IngestFlags>();
  flags->threads = std::max(1u, std::thread::hardware_concurrency());
  CLI::App* cmd = app->add_subcommand("ingest", "Extract events from articles into the store");
  cmd->add_option("inputs", flags->inputs, "Files, directories, or - for standard input")
      ->required();
  AddDbOption(cmd, &flags->db);
  cmd->add_option("--input-format", flags->input_format, "auto (default), txt, jsonl or html");
  cmd->add_option("--rejects", flags->rejects, "Write rejected input here, byte for byte");
  cmd->add_option("-j,--threads", flags->threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1u, 256u));
  cmd->callback([flags, data_dir] {
    const int code = RunIngest(*flags, ResolveDataDir(*data_dir));
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

void RegisterQuery(CLI::App* app, const std::string* data_dir) {
  auto f = std::make_shared<QueryFlags>();
  CLI::App* cmd = app->add_subcommand("query", "Canonical events from the store, filtered");
  AddDbOption(cmd, &f->db);
  cmd->add_option("--actor", f->actor, "Actor id, lineage id or any alias");
  cmd->add_option("--type", f->type, "ACLED event type");
  cmd->add_option("--sub-type", f->sub_type, "ACLED sub-event type");
  cmd->add_option("--place", f->place, "Place name (any alias) or P-code");
  cmd->add_option("--near", f->near, "LAT,LON,KM: within KM kilometres of a point");
  cmd->add_option("--admin1", f->admin1, "Governorate, as the gazetteer writes it");
  cmd->add_option("--from", f->from, "First date (yyyy-mm-dd)");
  cmd->add_option("--to", f->to, "Last date (yyyy-mm-dd)");
  cmd->add_option("--source", f->source, "Outlet of a reporting article, or a claim source");
  cmd->add_option("--status", f->status, "current, background, planned or denied")
      ->check(CLI::IsMember({"current", "background", "planned", "denied"}));
  cmd->add_option("--min-fatalities", f->min_fatalities, "At least this many (conservative)");
  cmd->add_option("--text", f->text, "Full-text search over evidence and articles");
  cmd->add_option("--format", f->format, "table, jsonl, acled-csv or geojson")
      ->check(CLI::IsMember({"table", "jsonl", "acled-csv", "geojson"}));
  cmd->add_option("--limit", f->limit, "At most this many events (default: all)");
  cmd->callback([f, data_dir] {
    const int code = RunQuery(*f, ResolveDataDir(*data_dir));
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace

void RegisterStoreCommands(CLI::App* app, const std::string* data_dir) {
  RegisterIngest(app, data_dir);
  RegisterQuery(app, data_dir);

  auto search = std::make_shared<SearchFlags>();
  CLI::App* s = app->add_subcommand("search", "Full-text search over stored articles");
  AddDbOption(s, &search->db);
  s->add_option("query", search->query, "Words (clitics do not matter) or an FTS5 query")
      ->required();
  s->add_option("--format", search->format, "table or jsonl")
      ->check(CLI::IsMember({"table", "jsonl"}));
  s->add_option("--limit", search->limit, "At most this many articles (default 20)");
  s->callback([search] {
    const int code = RunSearch(*search);
    if (code != 0) throw CLI::RuntimeError(code);
  });

  auto stats_db = std::make_shared<std::string>();
  auto stats_json = std::make_shared<bool>(false);
  CLI::App* st = app->add_subcommand("stats", "Aggregates: per week and type, actor pair, admin1");
  AddDbOption(st, stats_db.get());
  st->add_flag("--json", *stats_json, "JSON instead of tables");
  st->callback([stats_db, stats_json] {
    const int code = RunStats(*stats_db, *stats_json);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace rasd::cli
