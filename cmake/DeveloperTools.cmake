# The checks a developer runs besides the tests: the format every C++ file keeps, and clang-tidy.
#
#   cmake --build BUILD --target format        rewrites every C++ file with .clang-format
#   ctest --test-dir BUILD -R format_check     fails naming each file that is not formatted
#   cmake --build BUILD --target tidy          clang-tidy over every production .cpp (.clang-tidy)
#
# The tree is formatted with clang-format 14 (Debian 12's); another major version formats some
# constructs differently, so format_check runs only with 14 and is skipped, saying why, otherwise.

find_program(CLANG_FORMAT_EXECUTABLE NAMES clang-format-14 clang-format)
find_program(CLANG_TIDY_EXECUTABLE NAMES clang-tidy-14 clang-tidy)

set(cc_format_script ${PROJECT_SOURCE_DIR}/scripts/format.sh)

if(CLANG_FORMAT_EXECUTABLE)
    add_custom_target(format
        COMMAND ${cc_format_script} --fix ${CLANG_FORMAT_EXECUTABLE}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        COMMENT "Formatting every C++ file with .clang-format"
        VERBATIM)
endif()

if(BUILD_TESTING)
    add_test(NAME format_check
             COMMAND ${cc_format_script} --check ${CLANG_FORMAT_EXECUTABLE}
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(format_check PROPERTIES SKIP_RETURN_CODE 77 LABELS "style")
endif()

if(CLANG_TIDY_EXECUTABLE)
    add_custom_target(tidy
        COMMAND ${PROJECT_SOURCE_DIR}/scripts/tidy.sh ${CLANG_TIDY_EXECUTABLE} ${CMAKE_BINARY_DIR}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        COMMENT "Running clang-tidy over the production sources"
        VERBATIM
        USES_TERMINAL)
endif()
