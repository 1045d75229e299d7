// Internal header. The three file readers behind ReadKnowledgeBase, each
// turning a file's bytes into records plus diagnostics with line numbers.
#ifndef RASD_KB_READERS_H_
#define RASD_KB_READERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "kb/knowledge_base.h"

namespace rasd::kb {

// `file` names the input in diagnostics; `bytes` is its content.
void ReadActors(const std::string& file, std::string_view bytes, std::vector<Actor>* out,
                std::vector<Diagnostic>* diagnostics);
void ReadSources(const std::string& file, std::string_view bytes, std::vector<Source>* out,
                 std::vector<Diagnostic>* diagnostics);
void ReadPlaces(const std::string& file, std::string_view bytes, std::vector<Place>* out,
                std::vector<Diagnostic>* diagnostics);

}  // namespace rasd::kb

#endif  // RASD_KB_READERS_H_
