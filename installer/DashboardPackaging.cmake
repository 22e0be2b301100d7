# The latchkey-dashboard package (included by Packaging.cmake only when the target exists).
# The dashboard's own install() rule has no component, so the binary is installed here once more
# under the `dashboard` component that CPack packages.
install(TARGETS latchkey-dashboard RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT dashboard)
install(FILES ${LATCHKEY_INSTALLER_DIR}/dashboard/latchkey-dashboard.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT dashboard)
install(FILES ${LATCHKEY_INSTALLER_DIR}/dashboard/io.latchkey.dashboard.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT dashboard)
install(FILES ${LATCHKEY_INSTALLER_DIR}/dashboard/latchkey-dashboard.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT dashboard)

# The PNG sizes of the hicolor theme, rendered from the one SVG at build time (librsvg2-bin; ./dev
# installs it). Without it the package still has the scalable icon.
find_program(RSVG_CONVERT rsvg-convert)
if(NOT RSVG_CONVERT)
    message(WARNING "rsvg-convert (librsvg2-bin) not found: latchkey-dashboard gets only its SVG icon")
    set(latchkey_icon_sizes)
else()
    set(latchkey_icon_sizes 16 24 32 48 64 128 256)
endif()
foreach(size ${latchkey_icon_sizes})
    set(png ${LATCHKEY_DEB_STAGING}/icons/${size}x${size}/latchkey-dashboard.png)
    add_custom_command(
        OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${LATCHKEY_DEB_STAGING}/icons/${size}x${size}
        COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} -o ${png}
                ${LATCHKEY_INSTALLER_DIR}/dashboard/latchkey-dashboard.svg
        DEPENDS ${LATCHKEY_INSTALLER_DIR}/dashboard/latchkey-dashboard.svg
        VERBATIM)
    list(APPEND latchkey_deb_generated ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            COMPONENT dashboard)
endforeach()

latchkey_deb_gzip(${LATCHKEY_INSTALLER_DIR}/deb/latchkey-dashboard/latchkey-dashboard.1 latchkey-dashboard.1.gz)
install(FILES ${LATCHKEY_DEB_STAGING}/latchkey-dashboard.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        COMPONENT dashboard)
install(FILES ${LATCHKEY_INSTALLER_DIR}/copyright ${LATCHKEY_DEB_STAGING}/changelog.Debian.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/latchkey-dashboard COMPONENT dashboard)
install(FILES ${LATCHKEY_INSTALLER_DIR}/deb/latchkey-dashboard/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME latchkey-dashboard COMPONENT dashboard)

set(CPACK_DEBIAN_DASHBOARD_PACKAGE_NAME latchkey-dashboard)
set(CPACK_DEBIAN_DASHBOARD_PACKAGE_SECTION admin)
# QML modules and the platform plugins are loaded at run time, so dpkg-shlibdeps cannot see them;
# the list follows the dashboard's QML imports (and the module's DEPENDENCIES: QtQml.Models).
# QtQuick.Dialogs' FileDialog (the usage export) draws itself with Qt.labs.folderlistmodel.
# The embedded local server needs the SQLite driver. installer/test-packages.sh installs the
# package in a bare Debian 12 root and runs --self-test there, which fails when one is missing.
set(CPACK_DEBIAN_DASHBOARD_PACKAGE_DEPENDS
    "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, \
qml6-module-qtquick-templates, qml6-module-qtquick-window, qml6-module-qtqml, \
qml6-module-qtqml-models, qml6-module-qtqml-workerscript, qml6-module-qtquick-dialogs, \
qml6-module-qt-labs-folderlistmodel, qml6-module-qtwebengine, qml6-module-qtwebchannel, \
qt6-qpa-plugins, libqt6sql6-sqlite")
# Qt's own texts (dialog buttons, the file dialog) in German and Spanish: the language switch
# loads qtbase/qtdeclarative/qtwebengine catalogues from it and falls back to English without.
# Emoji and Chinese/Japanese/Korean characters in key and owner names (boxes without them).
set(CPACK_DEBIAN_DASHBOARD_PACKAGE_RECOMMENDS
    "latchkeyd, qt6-translations-l10n, fonts-noto-color-emoji, fonts-wqy-microhei")
set(CPACK_COMPONENT_DASHBOARD_DESCRIPTION
    "desktop dashboard for the Latchkey API-key server
A Qt Quick desktop app for support staff and admins of a latchkeyd server:
find a key owner, look at their keys, issue a key, change credits, rate
limits, permissions and roles, disable a leaked key, read the audit log and
watch usage live. It connects to any latchkeyd server with a root key, or
starts a local server inside the app.")
