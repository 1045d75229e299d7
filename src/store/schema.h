// Internal header. The store's SQL schema, its version (PRAGMA user_version)
// and the forward migrations from every earlier version. docs/storage.md
// describes each table; keep the two in step.
#ifndef RASD_STORE_SCHEMA_H_
#define RASD_STORE_SCHEMA_H_

#include "rasd/status.h"

#include "store/sqlite.h"

namespace rasd::store {

inline constexpr int kSchemaVersion = 5;

// The complete schema of version 1 (rasd 0.0: no canonical events, no
// full-text index, no data_version). Kept so that tests can build a v1 file
// and prove the migration, as a user upgrading rasd would.
extern const char kSchemaV1[];
// Versions 1 -> 2 -> 3 -> 4, kept visible so that tests can build version 2, 3
// and 4 files.
extern const char kMigrateV1ToV2[];
extern const char kMigrateV2ToV3[];
extern const char kMigrateV3ToV4[];

// Brings `db` to kSchemaVersion: creates an empty store, or migrates an older
// one step by step inside one transaction. A file from a newer rasd is refused.
// Sets *migrated_from to the version found (0 for a new file).
Status CreateOrMigrate(Database* db, int* migrated_from);

}  // namespace rasd::store

#endif  // RASD_STORE_SCHEMA_H_
