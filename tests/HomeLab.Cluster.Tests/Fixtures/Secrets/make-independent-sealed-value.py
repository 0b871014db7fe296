# Seals one value with Python's `cryptography` package, independently of our C# sealer, to prove that
# SecretUnsealer reads the Sealed Secrets format as another implementation writes it.
# Run from this folder: python3 make-independent-sealed-value.py > independent-sealed-strict.txt
import base64
import os
import struct

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PLAINTEXT = b"s3cr3t-from-python"
LABEL = b"homelab-test/app-credentials"  # strict scope: namespace/name

with open("sealing-4096.crt", "rb") as f:
    public_key = x509.load_pem_x509_certificate(f.read()).public_key()

session_key = os.urandom(32)
rsa_ciphertext = public_key.encrypt(
    session_key,
    padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=LABEL),
)
aes_ciphertext = AESGCM(session_key).encrypt(bytes(12), PLAINTEXT, None)
print(base64.b64encode(struct.pack(">H", len(rsa_ciphertext)) + rsa_ciphertext + aes_ciphertext).decode())
