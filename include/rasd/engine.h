// The embedding API: load the knowledge base once, then turn documents into
// events. An Engine is immutable after Create and safe to share between
// threads; each thread calls Process with its own Workspace.
#ifndef RASD_ENGINE_H_
#define RASD_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "rasd/document.h"
#include "rasd/event.h"
#include "rasd/status.h"

namespace rasd {

struct EngineOptions {
  std::string data_dir;  // the folder holding actors.yaml, sources.yaml, places.tsv, lexicons
};

// Everything rasd found in one document.
struct DocumentResult {
  std::string doc_id;
  std::vector<Event> events;
  std::vector<ActorMention> actors;
  std::vector<PlaceMention> places;
  std::vector<ActorMention> sources;
  std::size_t sentence_count = 0;
  std::size_t token_count = 0;
};

// Per-thread scratch buffers (opaque).
class Workspace {
 public:
  Workspace();
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;
  struct Impl;
  Impl* impl() { return impl_.get(); }

 private:
  std::unique_ptr<Impl> impl_;
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Create(const EngineOptions& options);
  ~Engine();

  DocumentResult Process(const Document& doc, Workspace* workspace) const;

  // The versions every stored event records (spec: data as versioned text).
  const std::string& version() const;       // rasd's own version
  const std::string& data_version() const;  // hash of the knowledge-base inputs

  struct Impl;

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rasd

#endif  // RASD_ENGINE_H_
