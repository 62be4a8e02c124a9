# All third-party packages come from Debian 12 (packaging/install-deps.sh installs them).
find_package(PkgConfig REQUIRED)
# SQLCipher only: never libsqlite3, which can silently replace it and turn encryption off.
pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# Unicode normalisation (NFC of passphrases) without pulling ICU into core.
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
# cpp-httplib is a compiled library whose pkg-config flags (OpenSSL/zlib/brotli support) must match it.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
# zxcvbn (the C port; Debian libzxcvbn-dev) ships no pkg-config file: the passphrase strength hint.
find_path(ZXCVBN_INCLUDE_DIR zxcvbn.h REQUIRED)
find_library(ZXCVBN_LIBRARY zxcvbn REQUIRED)
add_library(zxcvbn UNKNOWN IMPORTED)
set_target_properties(zxcvbn PROPERTIES IMPORTED_LOCATION ${ZXCVBN_LIBRARY} INTERFACE_INCLUDE_DIRECTORIES ${ZXCVBN_INCLUDE_DIR})
find_package(OpenSSL REQUIRED)
find_package(CURL REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(Threads REQUIRED)
if(TECHO_BUILD_GUI OR BUILD_TESTING)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Charts Svg PrintSupport Test LinguistTools)
endif()
