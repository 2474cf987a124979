# ctest: `cmake --install` puts the binary, the desktop file, the icon and the translations where a
# Linux desktop finds them.   cmake -DBUILD_DIR=… -DPREFIX=… -P check_install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
set(missing "")
foreach(path bin/coordinator-console
             share/applications/coordinator-console.desktop
             share/icons/hicolor/scalable/apps/coordinator-console.svg
             share/coordinator-console/translations/coordinator-console_nb.qm
             share/coordinator-console/translations/coordinator-console_en.qm
             share/coordinator-console/translations/qtbase_nb.qm)
    if(NOT EXISTS "${PREFIX}/${path}")
        list(APPEND missing "${path}")
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "not installed: ${missing}")
endif()
file(READ "${PREFIX}/share/applications/coordinator-console.desktop" desktop)
foreach(line "Exec=coordinator-console" "Icon=coordinator-console" "Type=Application")
    string(FIND "${desktop}" "${line}" at)
    if(at LESS 0)
        message(FATAL_ERROR "the desktop file lacks ${line}")
    endif()
endforeach()
message(STATUS "installed: binary, desktop file, icon, translations")
