// ACLED actor names for `rasd query --format acled-csv`: kb::Actor carries the
// acled_name of actors.yaml (empty when null), and an export resolver built
// from it writes that name, or the rasd id when there is none.
#include <cstdlib>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "export/acled_csv.h"
#include "gold_fixture.h"
#include "kb/knowledge_base.h"

namespace rasd::store {
namespace {

const kb::KnowledgeBase& Kb() {
  static const kb::KnowledgeBase kb = [] {
    const char* dir = std::getenv("RASD_DATA_DIR");
    auto loaded = kb::LoadKnowledgeBase(dir != nullptr ? dir : RASD_SOURCE_DIR "/data");
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? std::move(loaded.value()) : kb::KnowledgeBase{};
  }();
  return kb;
}

const kb::Actor* FindActor(const std::string& id) {
  for (const kb::Actor& a : Kb().actors) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

TEST(AcledNamesTest, ReadFromActorsYamlAndEmptyWhenNull) {
  const kb::Actor* army = FindActor("SYRIAN_GOV_FORCES");
  ASSERT_NE(army, nullptr);
  EXPECT_EQ(army->acled_name, "Military Forces of Syria (2000-)");
  const kb::Actor* intelligence = FindActor("AIR_FORCE_INTELLIGENCE");
  ASSERT_NE(intelligence, nullptr);
  EXPECT_EQ(intelligence->acled_name, "");
  std::size_t named = 0;
  for (const kb::Actor& a : Kb().actors) named += a.acled_name.empty() ? 0 : 1;
  EXPECT_GT(named, 10u);
}

TEST(AcledNamesTest, CsvRowsCarryTheAcledNameOrTheId) {
  std::map<std::string, std::string> names;
  for (const kb::Actor& a : Kb().actors) {
    if (!a.acled_name.empty()) names.emplace(a.id, a.acled_name);
  }
  EventContext context;
  context.actor_name = [&names](const std::string& id) {
    const auto it = names.find(id);
    return it == names.end() ? std::string() : it->second;
  };
  std::size_t checked = 0;
  for (const auto& article : testing::LoadGoldArticles()) {
    for (const Event& e : article.result.events) {
      if (e.actor1.empty()) continue;
      std::string row;
      AppendAcledCsvRow(e, context, &row);
      const auto it = names.find(e.actor1);
      const std::string expected = it == names.end() ? e.actor1 : it->second;
      EXPECT_NE(row.find(expected), std::string::npos) << e.actor1 << "\n" << row;
      if (it != names.end()) {
        EXPECT_EQ(row.find("," + e.actor1 + ","), std::string::npos) << row;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 20u);
}

}  // namespace
}  // namespace rasd::store
