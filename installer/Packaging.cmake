# Debian packages of Latchkey (CPack DEB, one package per component):
#   latchkeyd           the server, its systemd unit, /etc/latchkey/latchkeyd.conf, maintainer scripts
#   latchkey-dashboard  the desktop app, its desktop entry, icons and AppStream metainfo
#                       (only when the latchkey-dashboard target exists)
# Build them with `./dev package` (or `cpack -G DEB` in a build folder); installer/test-packages.sh
# installs, upgrades and purges them in a fresh Debian 12 root. docs/installing.md explains it all.
include(GNUInstallDirs)

set(LATCHKEY_INSTALLER_DIR ${CMAKE_CURRENT_LIST_DIR})
set(LATCHKEY_DEB_STAGING ${CMAKE_BINARY_DIR}/installer)
file(MAKE_DIRECTORY ${LATCHKEY_DEB_STAGING})

# Policy: changelog.Debian.gz and manual pages are compressed, with -n (no timestamp, reproducible).
set(latchkey_deb_generated)
function(latchkey_deb_gzip source name)
    add_custom_command(
        OUTPUT ${LATCHKEY_DEB_STAGING}/${name}
        COMMAND gzip -9nc ${source} > ${LATCHKEY_DEB_STAGING}/${name}
        DEPENDS ${source}
        VERBATIM)
    set(latchkey_deb_generated ${latchkey_deb_generated} ${LATCHKEY_DEB_STAGING}/${name} PARENT_SCOPE)
endfunction()
latchkey_deb_gzip(${LATCHKEY_INSTALLER_DIR}/changelog changelog.Debian.gz)
latchkey_deb_gzip(${PROJECT_SOURCE_DIR}/docs/configuration.md configuration.md.gz)
latchkey_deb_gzip(${LATCHKEY_INSTALLER_DIR}/deb/latchkeyd/latchkeyd.8 latchkeyd.8.gz)

# latchkeyd: the binary's own install() rule lives in app/latchkeyd/CMakeLists.txt.
# Absolute: Debian 12 packages ship units in /lib/systemd/system (as dh_installsystemd does).
install(FILES ${LATCHKEY_INSTALLER_DIR}/latchkeyd.service DESTINATION /lib/systemd/system COMPONENT latchkeyd)
install(FILES ${LATCHKEY_INSTALLER_DIR}/latchkeyd.conf DESTINATION /etc/latchkey
        COMPONENT latchkeyd)
install(FILES ${LATCHKEY_INSTALLER_DIR}/copyright ${LATCHKEY_DEB_STAGING}/changelog.Debian.gz
              ${LATCHKEY_DEB_STAGING}/configuration.md.gz ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/latchkeyd COMPONENT latchkeyd)
install(FILES ${LATCHKEY_DEB_STAGING}/latchkeyd.8.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man8 COMPONENT latchkeyd)
install(FILES ${LATCHKEY_INSTALLER_DIR}/deb/latchkeyd/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME latchkeyd COMPONENT latchkeyd)
set(latchkey_components latchkeyd)

if(TARGET latchkey-dashboard)
    include(${LATCHKEY_INSTALLER_DIR}/DashboardPackaging.cmake)
    list(APPEND latchkey_components dashboard)
endif()
add_custom_target(latchkey_deb_files ALL DEPENDS ${latchkey_deb_generated})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME latchkey)
set(CPACK_PACKAGE_VENDOR "The Latchkey authors")
set(CPACK_PACKAGE_CONTACT "Latchkey maintainers <maintainers@latchkey.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL "https://latchkey.invalid/")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL ${latchkey_components})
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_LATCHKEYD_PACKAGE_NAME latchkeyd)
set(CPACK_DEBIAN_LATCHKEYD_PACKAGE_SECTION net)
# Not shared-library dependencies, so dpkg-shlibdeps cannot see them: adduser for the postinst,
# the SQLite driver Qt loads as a plugin at run time.
set(CPACK_DEBIAN_LATCHKEYD_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_COMPONENT_LATCHKEYD_DESCRIPTION
    "self-hosted API-key verification server (Unkey v2 API)
latchkeyd issues and verifies API keys with per-key rate limits, usage
credits, permissions and an audit trail, speaking the Unkey v2 HTTP API so
the official Unkey SDKs work against it unchanged. It keeps its data in an
embedded SQLite store and serves a web console with usage analytics.

This package runs it as a hardened systemd service under the latchkey
system user, with its data in /var/lib/latchkey and its settings in
/etc/latchkey/latchkeyd.conf.")
set(CPACK_DEBIAN_LATCHKEYD_PACKAGE_CONTROL_EXTRA
    ${LATCHKEY_INSTALLER_DIR}/deb/latchkeyd/postinst
    ${LATCHKEY_INSTALLER_DIR}/deb/latchkeyd/prerm
    ${LATCHKEY_INSTALLER_DIR}/deb/latchkeyd/postrm
    ${LATCHKEY_INSTALLER_DIR}/deb/latchkeyd/conffiles)

include(CPack)
