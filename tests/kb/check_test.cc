// Tests of the knowledge-base loader and `kb check`: the real data folder loads
// cleanly, and broken copies of it (written to a temp folder) are reported with
// the file and line of each problem.
#include "kb/check.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kb/knowledge_base.h"

namespace rasd::kb {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string DataDir() { return std::string(RASD_SOURCE_DIR) + "/data"; }

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Spit(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

// A copy of data/ in a fresh temp folder that a test may break.
class BrokenCopy {
 public:
  explicit BrokenCopy(const std::string& name)
      : dir_(fs::temp_directory_path() / ("rasd_kb_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "link");
    for (const char* f : {"actors.yaml", "sources.yaml", "places.tsv"}) {
      fs::copy_file(fs::path(DataDir()) / f, dir_ / f);
    }
  }
  ~BrokenCopy() { fs::remove_all(dir_); }

  std::string dir() const { return dir_.string(); }
  std::string file(const char* name) const { return (dir_ / name).string(); }

  // Appends text to a file; returns the 1-based line where it starts.
  int Append(const char* name, const std::string& text) {
    std::string bytes = Slurp(dir_ / name);
    if (!bytes.empty() && bytes.back() != '\n') bytes += '\n';
    const int line = static_cast<int>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
    Spit(dir_ / name, bytes + text);
    return line;
  }

  void Replace(const char* name, const std::string& from, const std::string& to) {
    std::string bytes = Slurp(dir_ / name);
    const std::size_t at = bytes.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    bytes.replace(at, from.size(), to);
    Spit(dir_ / name, bytes);
  }

 private:
  fs::path dir_;
};

std::vector<Diagnostic> Errors(const CheckReport& report) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : report.diagnostics) {
    if (d.severity == Severity::kError) out.push_back(d);
  }
  return out;
}

const char kExtraActor[] =
    "- id: %ID%\n"
    "  name_en: Test brigade\n"
    "  name_ar: لواء صقور الجبل\n"
    "  acled_name: null\n"
    "  inter: 2\n"
    "  kind: rebel_group\n"
    "  country: SY\n"
    "  lineage: null\n"
    "  active: {from: %FROM%, to: null}\n"
    "  parent: %PARENT%\n"
    "  affiliations: []\n"
    "  aliases: []\n"
    "  aliases_en: []\n"
    "  leaders: []\n"
    "  notes: \"\"\n";

std::string ActorYaml(const std::string& id, const std::string& from, const std::string& parent) {
  std::string s = kExtraActor;
  s.replace(s.find("%ID%"), 4, id);
  s.replace(s.find("%FROM%"), 6, from);
  s.replace(s.find("%PARENT%"), 8, parent);
  return s;
}

TEST(KnowledgeBase, RealDataLoadsWithoutErrors) {
  Result<CheckReport> report = Check(DataDir());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  for (const Diagnostic& d : Errors(*report)) ADD_FAILURE() << FormatDiagnostic(d);
  EXPECT_GE(report->actor_count, 100u);
  EXPECT_GE(report->source_count, 40u);
  EXPECT_GE(report->place_count, 700u);
  EXPECT_EQ(report->data_version.size(), 16u);
}

TEST(KnowledgeBase, LoadKeepsDatedAliasesAndWeakFlags) {
  Result<KnowledgeBase> kb = LoadKnowledgeBase(DataDir());
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  const Actor* nusra = nullptr;
  for (const Actor& a : kb->actors) {
    if (a.id == "JABHAT_AL_NUSRA") nusra = &a;
  }
  ASSERT_NE(nusra, nullptr);
  EXPECT_EQ(nusra->lineage, "NUSRA_LINEAGE");
  EXPECT_EQ(nusra->active.to, MakeDayKey(2016, 7, 28));
  bool saw_weak = false, saw_dated = false;
  for (const Alias& alias : nusra->aliases) {
    saw_weak |= alias.name == "الجبهة" && alias.weak;
    saw_dated |= alias.name == "جبهة النصرة" && alias.range.to == MakeDayKey(2016, 7, 28);
  }
  EXPECT_TRUE(saw_weak);
  EXPECT_TRUE(saw_dated);
}

TEST(KnowledgeBase, DataVersionFollowsTheBytes) {
  BrokenCopy copy("version");
  Result<CheckReport> before = Check(copy.dir());
  ASSERT_TRUE(before.ok());
  copy.Append("sources.yaml", "# a comment changes the version too\n");
  Result<CheckReport> after = Check(copy.dir());
  ASSERT_TRUE(after.ok());
  EXPECT_NE(before->data_version, after->data_version);
  // So does a lexicon of the event assembler: it changes what is extracted.
  fs::create_directories(fs::path(copy.dir()) / "extract");
  copy.Append("extract/cues.tsv", "# another comment\n");
  Result<CheckReport> lexicon = Check(copy.dir());
  ASSERT_TRUE(lexicon.ok());
  EXPECT_NE(after->data_version, lexicon->data_version);
}

TEST(KnowledgeBase, ParsesOnlyRealIsoDays) {
  EXPECT_EQ(ParseIsoDay("2016-07-28"), MakeDayKey(2016, 7, 28));
  EXPECT_EQ(ParseIsoDay("2016-02-29"), MakeDayKey(2016, 2, 29));
  EXPECT_FALSE(ParseIsoDay("2015-02-29"));
  EXPECT_FALSE(ParseIsoDay("2016-13-01"));
  EXPECT_FALSE(ParseIsoDay("28/07/2016"));
  EXPECT_FALSE(ParseIsoDay("2016-7-28"));
}

TEST(Check, DuplicateActorIdNamesBothLines) {
  BrokenCopy copy("dup");
  const int line = copy.Append("actors.yaml", ActorYaml("HTS", "null", "null"));
  Result<CheckReport> report = Check(copy.dir());
  ASSERT_TRUE(report.ok());
  const std::vector<Diagnostic> errors = Errors(*report);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, copy.file("actors.yaml"));
  EXPECT_EQ(errors[0].line, line);
  EXPECT_THAT(errors[0].message, HasSubstr("duplicate actor id HTS"));
  EXPECT_THAT(FormatDiagnostic(errors[0]),
              HasSubstr("actors.yaml:" + std::to_string(line) + ": error:"));
}

TEST(Check, BadDateIsAnErrorAtItsLine) {
  BrokenCopy copy("date");
  const int line = copy.Append("actors.yaml", ActorYaml("TEST_BRIGADE", "\"2015-02-30\"", "null"));
  Result<CheckReport> report = Check(copy.dir());
  ASSERT_TRUE(report.ok());
  const std::vector<Diagnostic> errors = Errors(*report);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, line + 8);  // the active: line
  EXPECT_THAT(errors[0].message, HasSubstr("2015-02-30"));
}

TEST(Check, UnknownParentIsAnError) {
  BrokenCopy copy("parent");
  const int line = copy.Append("actors.yaml", ActorYaml("TEST_BRIGADE", "null", "NO_SUCH_GROUP"));
  Result<CheckReport> report = Check(copy.dir());
  ASSERT_TRUE(report.ok());
  const std::vector<Diagnostic> errors = Errors(*report);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, line);
  EXPECT_THAT(errors[0].message, HasSubstr("parent NO_SUCH_GROUP"));
}

TEST(Check, FromAfterToIsAnError) {
  BrokenCopy copy("order");
  copy.Replace("actors.yaml", "active: {from: \"2012-01-23\", to: \"2016-07-28\"}",
               "active: {from: \"2016-07-28\", to: \"2012-01-23\"}");
  Result<CheckReport> report = Check(copy.dir());
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->error_count, 1);
  EXPECT_THAT(Errors(*report)[0].message, HasSubstr("before 'to'"));
}

TEST(Check, CoordinatesOutsideSyriaAreAnError) {
  BrokenCopy copy("coords");
  // Sinjar in Iraq (36.32, 41.87) is inside the box; Mosul's longitude swapped is not.
  const int line = copy.Append(
      "places.tsv", "test:mosul\tالموصل\tMosul\tcity\t\t\t\t43.13\t36.34\t\t\t\ttest\t\t\n");
  Result<CheckReport> report = Check(copy.dir());
  ASSERT_TRUE(report.ok());
  const std::vector<Diagnostic> errors = Errors(*report);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, copy.file("places.tsv"));
  EXPECT_EQ(errors[0].line, line);
  EXPECT_THAT(errors[0].message, HasSubstr("outside Syria"));
}

TEST(Check, PlaceRowsWithWrongColumnsOrDanglingSameAs) {
  BrokenCopy copy("columns");
  const int short_line = copy.Append("places.tsv", "test:a\tقرية\tA\tvillage\n");
  const int same_line = copy.Append(
      "places.tsv", "test:b\tزبدين\tZabdin\tvillage\t\t\t\t33.5\t36.4\t\t\t\ttest\tgn:0\t\n");
  Result<CheckReport> report = Check(copy.dir());
  ASSERT_TRUE(report.ok());
  const std::vector<Diagnostic> errors = Errors(*report);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].line, short_line);
  EXPECT_THAT(errors[0].message, HasSubstr("15 tab-separated columns"));
  EXPECT_EQ(errors[1].line, same_line);
  EXPECT_THAT(errors[1].message, HasSubstr("same_as gn:0"));
}

TEST(Check, YamlSyntaxErrorCarriesTheLine) {
  BrokenCopy copy("syntax");
  const int line = copy.Append("sources.yaml", "- id: BROKEN\n  aliases: [unclosed, list\n");
  Result<CheckReport> report = Check(copy.dir());
  ASSERT_TRUE(report.ok());
  const std::vector<Diagnostic> errors = Errors(*report);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, copy.file("sources.yaml"));
  EXPECT_GE(errors[0].line, line);
  EXPECT_THAT(errors[0].message, HasSubstr("YAML"));
}

TEST(Check, AliasSharedInTheSamePeriodIsAWarningWithBothPlaces) {
  BrokenCopy copy("collide");
  std::string actor = ActorYaml("TEST_BRIGADE", "null", "null");
  actor.replace(actor.find("aliases: []"), 11, "aliases: [جيش الإسلام]");
  copy.Append("actors.yaml", actor);
  Result<CheckReport> report = Check(copy.dir());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->error_count, 0);
  bool found = false;
  for (const Diagnostic& d : report->diagnostics) {
    if (d.severity == Severity::kWarning && d.message.find("TEST_BRIGADE") != std::string::npos &&
        d.message.find("JAISH_AL_ISLAM at line") != std::string::npos) {
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(Check, MissingFileIsAStatusNotACrash) {
  Result<CheckReport> report = Check("/nonexistent/rasd/data");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace rasd::kb
