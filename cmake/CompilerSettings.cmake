# One INTERFACE target carries the compile settings every target of the project shares.
add_library(cc_settings INTERFACE)
add_library(cc::settings ALIAS cc_settings)

target_compile_features(cc_settings INTERFACE cxx_std_20)
target_compile_options(cc_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wno-missing-field-initializers)
target_compile_definitions(cc_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_STRICT_ITERATORS
    CC_VERSION="${PROJECT_VERSION}")

if(WITH_WERROR)
    target_compile_options(cc_settings INTERFACE -Werror)
endif()

if(WITH_ASAN)
    target_compile_options(cc_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(cc_settings INTERFACE -fsanitize=address,undefined)
endif()

if(WITH_FUZZING)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "WITH_FUZZING needs clang (CXX=clang++): libFuzzer is part of clang.")
    endif()
    # Every source is instrumented for coverage and checked by the sanitizers; the fuzz targets
    # link libFuzzer's main.
    target_compile_options(cc_settings INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -g)
    target_link_options(cc_settings INTERFACE -fsanitize=address,undefined)
endif()
