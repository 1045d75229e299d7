// Crash safety of `rasd ingest`, proven on the real binary: a large input (the
// dev corpus replicated under distinct doc_ids) is ingested while the process
// is killed with SIGKILL at random moments; each restart resumes. At the end
// the database passes PRAGMA integrity_check, holds every document exactly
// once, and every copy of an article has the same mentions as the others.
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/event_store.h"
#include "test_util.h"

namespace rasd::store {
namespace {

using testing::IntegrityCheck;
using testing::QueryInt;
using testing::TempDir;

constexpr int kCopies = 100;  // 6000 articles, about 30 MB: ingest outlasts the kills

std::string ReplicatedCorpus(const TempDir& dir) {
  std::ifstream in(std::string(RASD_SOURCE_DIR) + "/eval/corpus/dev.jsonl");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const std::string path = dir.File("big.jsonl");
  std::ofstream out(path);
  const std::string key = "{\"doc_id\": \"";
  for (int copy = 0; copy < kCopies; ++copy) {
    for (const std::string& line : lines) {
      EXPECT_EQ(line.rfind(key, 0), 0u) << "dev.jsonl lines start with doc_id";
      out << key << "c" << copy << "-" << line.substr(key.size()) << '\n';
    }
  }
  return path;
}

// Documents committed so far (0 while the file does not exist yet).
std::int64_t CommittedDocuments(const std::string& path) {
  auto db = Database::Open(path, false);
  if (!db.ok()) return 0;
  auto n = db->QueryInt("SELECT count(*) FROM documents");
  return n.ok() ? *n : 0;
}

// Starts `rasd ingest`; stderr goes to `log`.
pid_t StartIngest(const std::string& input, const std::string& db, const std::string& log) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(fd, 2);
    const std::string data = std::string(RASD_SOURCE_DIR) + "/data";
    execl(RASD_BINARY, RASD_BINARY, "--data", data.c_str(), "ingest", input.c_str(), "--db",
          db.c_str(), "--threads", "2", static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

TEST(IngestKillTest, SurvivesSigkillAtRandomMomentsAndResumes) {
  TempDir dir;
  const std::string input = ReplicatedCorpus(dir);
  const std::string db_path = dir.File("rasd.db");
  const std::string log = dir.File("stderr.log");
  const unsigned seed = std::random_device{}();
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> wait_ms(50, 900);
  std::printf("kill moments drawn with seed %u\n", seed);
  int killed = 0;
  std::int64_t stored = 0;
  // Rounds 1 and 2 wait for a new commit first, so that kills also land in
  // the middle of a run, not only during start-up; the extra delay is random.
  for (int round = 0; round < 4; ++round) {
    const pid_t pid = StartIngest(input, db_path, log);
    ASSERT_GT(pid, 0);
    int status = 0;
    bool exited = false;
    if (round == 1 || round == 2) {
      while (!exited && CommittedDocuments(db_path) <= stored) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        exited = waitpid(pid, &status, WNOHANG) != 0;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms(rng)));
    if (!exited && waitpid(pid, &status, WNOHANG) == 0) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ASSERT_TRUE(WIFSIGNALED(status));
      ++killed;
    }
    // Right after the kill: consistent, and never fewer documents than before.
    auto after = Database::Open(db_path, false);
    if (!after.ok()) continue;  // killed before the file was created
    EXPECT_EQ(IntegrityCheck(&after.value()), "ok");
    // A kill before the schema transaction commits leaves an empty database:
    // the schema is all or nothing, never some tables without the others.
    if (QueryInt(&after.value(), "PRAGMA user_version") == 0) {
      EXPECT_EQ(QueryInt(&after.value(), "SELECT count(*) FROM sqlite_master"), 0);
      EXPECT_EQ(stored, 0);
      std::printf("round %d: killed before the schema was committed\n", round);
      continue;
    }
    const auto docs = QueryInt(&after.value(), "SELECT count(*) FROM documents");
    EXPECT_GE(docs, stored);
    std::printf("round %d: %lld documents committed\n", round, static_cast<long long>(docs));
    stored = docs;
  }
  EXPECT_GT(stored, 0);
  std::printf("killed %d of 4 runs\n", killed);
  EXPECT_GE(killed, 1);
  // The last run goes to the end and must report what earlier runs stored.
  int status = 0;
  const pid_t pid = StartIngest(input, db_path, log);
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  std::stringstream err;
  err << std::ifstream(log).rdbuf();
  // It skips exactly what the killed runs committed and stores the rest.
  const std::string summary = "rasd ingest: " + std::to_string(60 * kCopies - stored) +
                              " new, 0 replaced, 0 unchanged, " + std::to_string(stored) +
                              " already stored";
  EXPECT_NE(err.str().find(summary), std::string::npos) << summary << "\n" << err.str();

  auto store = EventStore::Open(db_path, {});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Database* db = (*store)->db();
  EXPECT_EQ(IntegrityCheck(db), "ok");
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM documents"), 60 * kCopies);
  EXPECT_EQ(QueryInt(db, "SELECT count(DISTINCT doc_id) FROM documents"), 60 * kCopies);
  // Copies of one article carry the same text, hence the same number of
  // mentions and sentences: a half-written document would stand out.
  EXPECT_EQ(QueryInt(db,
                     "SELECT count(*) FROM (SELECT substr(d.doc_id, instr(d.doc_id, '-') + 1)"
                     " AS original, count(DISTINCT (SELECT count(*) FROM event_mentions m"
                     " WHERE m.doc = d.id)) AS variants FROM documents d GROUP BY original"
                     " HAVING variants > 1)"),
            0);
  EXPECT_EQ(QueryInt(db,
                     "SELECT count(*) FROM (SELECT substr(d.doc_id, instr(d.doc_id, '-') + 1)"
                     " AS original, count(DISTINCT d.sentence_count) AS variants"
                     " FROM documents d GROUP BY original HAVING variants > 1)"),
            0);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM event_mentions WHERE canonical IS NULL"), 0);
  EXPECT_EQ(QueryInt(db, "SELECT sum(n_mentions) FROM canonical_events"),
            QueryInt(db, "SELECT count(*) FROM event_mentions"));
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH 'النصرة'"),
            QueryInt(db,
                     "SELECT count(*) FROM documents WHERE doc_id LIKE 'c0-%' AND"
                     " rowid IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH 'النصرة')") *
                kCopies);
}

}  // namespace
}  // namespace rasd::store
