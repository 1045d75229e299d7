// `rasd kb check` as CI runs it: the bundled data passes; a broken copy fails
// with the file and line of each problem, in the registry or the lexicons.
#include <algorithm>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "cli_test_util.h"

namespace rasd::testing {
namespace {

TEST(KbCheckCli, TheBundledDataPasses) {
  TempDir dir;
  const std::string err = (dir.path() / "err.txt").string();
  EXPECT_EQ(RunRasd("kb check -q", err).exit_code, 0) << ReadAll(err);
  EXPECT_NE(ReadAll(err).find("0 errors"), std::string::npos) << ReadAll(err);
}

TEST(KbCheckCli, BrokenLexiconRowsAndUnknownActorsAreReportedWithTheirLine) {
  TempDir dir;
  const auto data = dir.path() / "data";
  std::filesystem::copy(SourceDir() + "/data", data, std::filesystem::copy_options::recursive);
  const auto triggers = data / "extract" / "triggers.tsv";
  WriteAll(triggers, ReadAll(triggers) + "قصف\tBombing\tverb\tstrong\n");
  const auto camps = data / "extract" / "camps.tsv";
  WriteAll(camps, ReadAll(camps) + "NO_SUCH_ACTOR\tgovernment\tyes\n");
  const auto air = data / "extract" / "unattributed_air.tsv";
  const std::string air_rows = ReadAll(air);
  const auto air_lines = std::count(air_rows.begin(), air_rows.end(), '\n');
  WriteAll(air, air_rows + "opposition\t2015-13-01\t-\tSYRIAN_AIR_FORCE\n");
  const auto campaigns = data / "extract" / "air_campaigns.tsv";
  WriteAll(campaigns, ReadAll(campaigns) + "NO_SUCH_STRIKER\t-\t-\tISLAMIC_STATE\n");
  const std::string err = (dir.path() / "err.txt").string();
  const RunResult r = RunRasd("--data " + data.string() + " kb check -q", err);
  EXPECT_EQ(r.exit_code, 1);
  const std::string messages = ReadAll(err);
  EXPECT_NE(messages.find("triggers.tsv:"), std::string::npos) << messages;
  EXPECT_NE(messages.find("unknown type 'Bombing'"), std::string::npos) << messages;
  EXPECT_NE(messages.find("unknown actor id 'NO_SUCH_ACTOR'"), std::string::npos) << messages;
  EXPECT_NE(messages.find("unknown actor id 'NO_SUCH_STRIKER'"), std::string::npos) << messages;
  // A date that is no date, with the line it stands on.
  EXPECT_NE(messages.find("unattributed_air.tsv:" + std::to_string(air_lines + 1)),
            std::string::npos)
      << messages;
}

}  // namespace
}  // namespace rasd::testing
