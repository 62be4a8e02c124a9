#!/usr/bin/python3
"""Writes vault-v0.techo: a format-1 vault whose database is at schema version 0 (no tables yet),
as the earliest development builds left it. Built with the sqlcipher shell and PyNaCl only, the way
docs/vault-format.md tells a user to open a vault without Techo. Passphrase: 'v0 fixture'.
Test-only KDF parameters (8 MiB, 1 pass). Regenerate only if the format itself changes."""
import hashlib, os, subprocess, sys, nacl.pwhash

out = sys.argv[1] if len(sys.argv) > 1 else 'vault-v0.techo'
salt = bytes(range(16))
key = nacl.pwhash.argon2id.kdf(32, b'v0 fixture', salt, opslimit=1, memlimit=8 * 1024 * 1024)
key_check = hashlib.blake2b(b'techo-vault-key-check-v1', digest_size=16, key=key).digest()
body = ('TECHO-VAULT\nformat_version=1\nkdf=argon2id\nmemory_kib=8192\niterations=1\nparallelism=1\n'
        f'salt={salt.hex()}\nkey_check={key_check.hex()}\ncipher=sqlcipher-3\ncipher_page_size=4096\n')
body += f'header_checksum={hashlib.sha256(body.encode()).hexdigest()}\n'
db = out + '.db'
if os.path.exists(db):
    os.remove(db)
subprocess.run(['sqlcipher', db], check=True, text=True, input=
    f"PRAGMA key=\"x'{key.hex()}'\";\nPRAGMA cipher_page_size=4096;\nPRAGMA user_version=0;\n"
    "CREATE TABLE scratch(x);\nDROP TABLE scratch;\n")
with open(out, 'wb') as f:
    f.write(body.encode().ljust(4096, b'\0'))
    f.write(open(db, 'rb').read())
os.remove(db)
