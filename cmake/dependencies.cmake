# Third-party libraries, all from Debian packages (scripts/install-deps.sh).
# docs/dependencies.md gives the reason for each.
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(simdjson REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(SQLite3 REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
find_package(Threads REQUIRED)
# The rasd binary's allocator: extraction makes many small, short-lived
# allocations, and mimalloc runs the whole pipeline in about a tenth fewer
# instructions than glibc's malloc (docs/performance.md). Sanitizer and fuzz
# builds keep the system allocator, which ASan must replace.
if(RASD_MIMALLOC AND NOT RASD_SANITIZE AND NOT RASD_FUZZ)
  find_package(mimalloc 2 CONFIG REQUIRED)
  set(RASD_WITH_MIMALLOC ON)
else()
  set(RASD_WITH_MIMALLOC OFF)
endif()
if(RASD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(RASD_BENCH)
  find_package(benchmark REQUIRED)
endif()
