# ctest: `cmake --install` puts everything where a Linux system finds it: the binary, the desktop
# file and metainfo, the icons, the man page, the systemd unit and its settings, the licence and the
# translations.   cmake -DBUILD_DIR=… -DDESTDIR=… -P check_install.cmake
# Installs with DESTDIR (never onto this machine): /etc/default/… goes to DESTDIR/etc or
# DESTDIR/<prefix>/etc, as the configured prefix says.
file(REMOVE_RECURSE "${DESTDIR}")
set(ENV{DESTDIR} "${DESTDIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
file(READ "${BUILD_DIR}/CMakeCache.txt" cache)
string(REGEX MATCH "CMAKE_INSTALL_PREFIX:PATH=([^\n]*)" _ "${cache}")
set(root "${DESTDIR}${CMAKE_MATCH_1}")
set(app_id no.likeperson.CoordinatorConsole)
set(missing "")
foreach(path bin/coordinator-console
             share/applications/${app_id}.desktop
             share/metainfo/${app_id}.metainfo.xml
             share/icons/hicolor/scalable/apps/coordinator-console.svg
             share/icons/hicolor/48x48/apps/coordinator-console.png
             share/icons/hicolor/128x128/apps/coordinator-console.png
             share/man/man1/coordinator-console.1.gz
             lib/systemd/system/coordinator-console.service
             share/doc/coordinator-console/LICENSE
             share/doc/coordinator-console/copyright
             share/coordinator-console/translations/coordinator-console_nb.qm
             share/coordinator-console/translations/coordinator-console_en.qm
             share/coordinator-console/translations/qtbase_nb.qm)
    if(NOT EXISTS "${root}/${path}")
        list(APPEND missing "${path}")
    endif()
endforeach()
file(GLOB_RECURSE defaults "${DESTDIR}/*")
list(FILTER defaults INCLUDE REGEX "/etc/default/coordinator-console$")
if(NOT defaults)
    list(APPEND missing "etc/default/coordinator-console")
endif()
if(missing)
    message(FATAL_ERROR "not installed: ${missing}")
endif()
file(READ "${root}/share/applications/${app_id}.desktop" desktop)
foreach(line "Exec=coordinator-console" "Icon=coordinator-console" "Type=Application")
    string(FIND "${desktop}" "${line}" at)
    if(at LESS 0)
        message(FATAL_ERROR "the desktop file lacks ${line}")
    endif()
endforeach()
# The PNGs are drawn at their size.
foreach(size 48 128)
    # The width is the first field of the IHDR chunk: 4 bytes at offset 16.
    file(READ "${root}/share/icons/hicolor/${size}x${size}/apps/coordinator-console.png" width HEX OFFSET 16 LIMIT 4)
    math(EXPR width "0x${width}")
    if(NOT width EQUAL size)
        message(FATAL_ERROR "the ${size} px icon is ${width} px wide")
    endif()
endforeach()
message(STATUS "installed: binary, desktop file, metainfo, icons, man page, unit, settings, licence, translations")
