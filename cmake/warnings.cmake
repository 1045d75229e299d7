# Warnings for rasd's own targets (not third-party headers), and the sanitizer switch.
add_library(rasd_warnings INTERFACE)
target_compile_options(rasd_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual -Wimplicit-fallthrough)
if(RASD_WERROR)
  target_compile_options(rasd_warnings INTERFACE -Werror)
endif()
if(RASD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
# Fuzz builds instrument every library for coverage; only the fuzz targets
# link libFuzzer's main (fuzz/CMakeLists.txt).
if(RASD_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
