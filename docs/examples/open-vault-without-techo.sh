#!/usr/bin/env bash
# Opens a Techo vault with nothing but the sqlcipher shell and PyNaCl (Debian: sqlcipher, python3-nacl).
# Usage: TECHO_PASSPHRASE=... open-vault-without-techo.sh VAULT [SQL]
# Prints the result of SQL (default: a full .dump of the database). The copy it hands to sqlcipher is
# the vault minus its 4096-byte plaintext header: still encrypted, and removed afterwards.
set -euo pipefail
vault=$1
sql=${2:-.dump}
: "${TECHO_PASSPHRASE:?set TECHO_PASSPHRASE}"

# 1. Argon2id(passphrase, salt) with the parameters the header names -> the raw 256-bit SQLCipher key.
#    passphrase_normalization=NFC: the passphrase is Unicode NFC first; no such line: its bytes as given.
key=$(/usr/bin/python3 - "$vault" <<'PY'
import os, sys, unicodedata, nacl.pwhash
with open(sys.argv[1], 'rb') as f:
    text = f.read(4096).split(b'\0', 1)[0].decode()
lines = text.splitlines()
assert lines[0] == 'TECHO-VAULT', 'not a Techo vault'
h = dict(l.split('=', 1) for l in lines[1:])
assert h['format_version'] == '1' and h['kdf'] == 'argon2id'
passphrase = os.environb[b'TECHO_PASSPHRASE']
rule = h.get('passphrase_normalization')
assert rule in (None, 'NFC'), 'unknown passphrase_normalization ' + rule
if rule == 'NFC':
    passphrase = unicodedata.normalize('NFC', passphrase.decode('utf-8')).encode('utf-8')
key = nacl.pwhash.argon2id.kdf(32, passphrase, bytes.fromhex(h['salt']),
                               opslimit=int(h['iterations']), memlimit=int(h['memory_kib']) * 1024)
print(key.hex())
PY
)

# 2. The SQLCipher database starts right after the header.
db=$(mktemp)
trap 'rm -f "$db"' EXIT
dd if="$vault" of="$db" bs=4096 skip=1 status=none

# 3. Raw key, 4096-byte cipher pages, then ordinary SQL.
printf "PRAGMA key=\"x'%s'\";\nPRAGMA cipher_page_size=4096;\n%s\n" "$key" "$sql" | sqlcipher "$db" | sed '/^ok$/d'
