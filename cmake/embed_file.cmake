# Script mode: writes OUT, a C++ source defining rasd::embedded::SYMBOL as the
# bytes of IN, each written as a \xNN escape (safe for any content).
file(READ ${IN} content HEX)
string(LENGTH "${content}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" body "${content}")
file(WRITE ${OUT} "// Generated from ${IN} by cmake/embed_file.cmake. Do not edit.\n#include <string_view>\nnamespace rasd::embedded {\nextern const std::string_view ${SYMBOL};\nconst std::string_view ${SYMBOL}(\"${body}\", ${size});\n}  // namespace rasd::embedded\n")
