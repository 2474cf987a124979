# What an installation holds besides the binary (desktop file, AppStream metainfo, icons, man page,
# systemd unit, licence) and the Debian package made from it: scripts/package.sh, or
#   cmake -S . -B build/package -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF && cmake --build build/package
#   cd build/package && cpack -G DEB        → coordinator-console_<version>_amd64.deb
include(GNUInstallDirs)

set(CC_APP_ID "no.likeperson.CoordinatorConsole")
set(CC_PACKAGE_DIR "${PROJECT_SOURCE_DIR}/resources/package")

install(FILES "${PROJECT_SOURCE_DIR}/resources/${CC_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${PROJECT_SOURCE_DIR}/resources/${CC_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")

# Icons: the SVG, and PNGs drawn from it at build time (48 and 128 px).
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/coordinator-console.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
find_program(RSVG_CONVERT rsvg-convert REQUIRED) # librsvg2-bin (scripts/deps.sh)
set(cc_icon_pngs "")
foreach(size 48 128)
    set(png "${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size}/coordinator-console.png")
    add_custom_command(OUTPUT "${png}"
        COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size}"
        COMMAND "${RSVG_CONVERT}" -w ${size} -h ${size} -o "${png}"
                "${PROJECT_SOURCE_DIR}/resources/icons/coordinator-console.svg"
        DEPENDS "${PROJECT_SOURCE_DIR}/resources/icons/coordinator-console.svg"
        COMMENT "Drawing the ${size} px icon")
    list(APPEND cc_icon_pngs "${png}")
    install(FILES "${png}" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps")
endforeach()

# The man page, compressed as Debian wants it (gzip -n: no time stamp, so builds are reproducible).
set(cc_man "${CMAKE_CURRENT_BINARY_DIR}/coordinator-console.1.gz")
add_custom_command(OUTPUT "${cc_man}"
    COMMAND gzip -9nc "${CC_PACKAGE_DIR}/coordinator-console.1" > "${cc_man}"
    DEPENDS "${CC_PACKAGE_DIR}/coordinator-console.1"
    COMMENT "Compressing the man page")
install(FILES "${cc_man}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
add_custom_target(cc_install_extras ALL DEPENDS ${cc_icon_pngs} "${cc_man}")

# `serve` as a service: the unit, and its settings file under /etc (a conffile in the package).
install(FILES "${CC_PACKAGE_DIR}/coordinator-console.service" DESTINATION "lib/systemd/system")
install(FILES "${CC_PACKAGE_DIR}/coordinator-console.default"
        DESTINATION "${CMAKE_INSTALL_FULL_SYSCONFDIR}/default" RENAME coordinator-console
        PERMISSIONS OWNER_READ OWNER_WRITE)
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${CC_PACKAGE_DIR}/copyright"
        DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/coordinator-console") # Debian: doc/<package>

# --- the Debian package ------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME coordinator-console)
set(CPACK_PACKAGE_VENDOR "The Coordinator Console developers")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Coordinator Console follows peer mentors' pauses (personal leave, illness) and resumes, and the
notifications sent about them, for peer-mentor organisations. A desktop console for coordinators and
admins, a REST API server for the organisation's mobile app (serve, with a systemd unit), and an
admin command line. SQLite on one computer, PostgreSQL for several desks.")
set(CPACK_PACKAGE_CONTACT "The Coordinator Console developers <coordinator-console@coordinator-console.invalid>")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # coordinator-console_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://coordinator-console.invalid/")
# Libraries by dpkg-shlibdeps; Qt's plugins (SQL drivers, the window system) are loaded at run
# time, so they are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client")
set(cc_conffiles "${CMAKE_CURRENT_BINARY_DIR}/debian/conffiles")
file(WRITE "${cc_conffiles}" "/etc/default/coordinator-console\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${cc_conffiles}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
