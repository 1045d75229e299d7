# rasd_stage(NAME DEPS ...): the static library of one pipeline stage, built
# from every .cc file in the calling folder. Globbing (with CONFIGURE_DEPENDS)
# keeps each stage's file list in one place: its folder.
function(rasd_stage name)
  cmake_parse_arguments(ARG "" "" "DEPS;EXTERNAL" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  if(NOT sources)  # a stage with headers only so far
    add_library(rasd_${name} INTERFACE)
    target_include_directories(rasd_${name} INTERFACE ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(rasd_${name} INTERFACE ${ARG_DEPS} ${ARG_EXTERNAL})
    return()
  endif()
  add_library(rasd_${name} STATIC ${sources})
  target_include_directories(rasd_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(rasd_${name} PUBLIC ${ARG_DEPS} ${ARG_EXTERNAL} PRIVATE rasd_warnings)
endfunction()

# rasd_stage_tests(STAGE LIBS ...): one gtest binary per test folder, from its *_test.cc files.
function(rasd_stage_tests stage)
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  if(NOT sources)
    return()
  endif()
  add_executable(${stage}_test ${sources})
  target_link_libraries(${stage}_test PRIVATE ${ARG_LIBS} GTest::gtest GTest::gmock GTest::gtest_main rasd_warnings)
  target_compile_definitions(${stage}_test PRIVATE
    RASD_SOURCE_DIR="${PROJECT_SOURCE_DIR}" RASD_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${stage}_test DISCOVERY_MODE PRE_TEST
    PROPERTIES ENVIRONMENT "RASD_DATA_DIR=${PROJECT_SOURCE_DIR}/data")
endfunction()

# rasd_embed(TARGET SYMBOL FILE): compiles a data file into TARGET as
#   namespace rasd::embedded { extern const std::string_view SYMBOL; }
# so that lexicons stay reviewed text in data/ while the library needs no
# file paths at run time (SentencePiece embeds its normalisation rules alike).
# The generated source is rebuilt whenever the data file changes.
function(rasd_embed target symbol file)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${symbol}.cc)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE ${out})
endfunction()
