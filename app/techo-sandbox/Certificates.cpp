#include "Certificates.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace techo::sandbox {
namespace {

[[noreturn]] void fail(const std::string& what)
{
    char buf[256] = {};
    ERR_error_string_n(ERR_get_error(), buf, sizeof buf);
    throw std::runtime_error(what + ": " + buf);
}

PKeyPtr newKey()
{
    PKeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        fail("cannot generate an EC P-256 key");
    return key;
}

void addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        fail(std::string("cannot build certificate extension ") + OBJ_nid2sn(nid));
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

X509Ptr newCert(const char* commonName, EVP_PKEY* subjectKey, X509* issuer, EVP_PKEY* issuerKey, long days)
{
    X509Ptr cert(X509_new());
    if (!cert)
        fail("X509_new");
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        fail("RAND_bytes");
    serial[0] &= 0x7F;
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), days * 24 * 3600);
    X509_set_pubkey(cert.get(), subjectKey);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(
        name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Techo sandbox (throw-away)"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(commonName), -1, -1, 0);
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
    X509* signer = issuer ? issuer : cert.get();
    if (!issuer) {
        addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
        addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
    } else {
        addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
        addExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth");
        addExtension(cert.get(), signer, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
        addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
        addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
    }
    if (X509_sign(cert.get(), issuerKey, EVP_sha256()) == 0)
        fail("cannot sign certificate");
    return cert;
}

std::string toPem(X509* cert)
{
    BIO* bio = BIO_new(BIO_s_mem());
    if (!bio || PEM_write_bio_X509(bio, cert) != 1)
        fail("cannot encode certificate");
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<std::size_t>(len));
    BIO_free(bio);
    return pem;
}

} // namespace

TlsMaterial generateThrowAwayTls()
{
    PKeyPtr caKey = newKey();
    X509Ptr ca = newCert("Techo Sandbox Test CA", caKey.get(), nullptr, caKey.get(), 30);
    PKeyPtr serverKey = newKey();
    X509Ptr server = newCert("localhost", serverKey.get(), ca.get(), caKey.get(), 30);
    return TlsMaterial {std::move(server), std::move(serverKey), toPem(ca.get())};
}

TlsMaterial loadTls(const std::string& certFile, const std::string& keyFile)
{
    TlsMaterial tls;
    if (FILE* f = std::fopen(certFile.c_str(), "r")) {
        tls.cert.reset(PEM_read_X509(f, nullptr, nullptr, nullptr));
        std::fclose(f);
    }
    if (!tls.cert)
        fail("cannot read certificate " + certFile);
    if (FILE* f = std::fopen(keyFile.c_str(), "r")) {
        tls.key.reset(PEM_read_PrivateKey(f, nullptr, nullptr, nullptr));
        std::fclose(f);
    }
    if (!tls.key)
        fail("cannot read private key " + keyFile);
    return tls;
}

void writeFile(const std::string& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out)
        throw std::runtime_error("cannot write " + path);
}

} // namespace techo::sandbox
