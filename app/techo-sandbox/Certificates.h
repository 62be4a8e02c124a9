#pragma once

// TLS material for the sandbox: loaded from PEM files, or a throw-away CA and a server
// certificate for 127.0.0.1/localhost generated in memory at start-up (EC P-256, OpenSSL 3).

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

namespace techo::sandbox {

struct X509Deleter {
    void operator()(X509* x) const { X509_free(x); }
};
struct PKeyDeleter {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using PKeyPtr = std::unique_ptr<EVP_PKEY, PKeyDeleter>;

struct TlsMaterial {
    X509Ptr cert;
    PKeyPtr key;
    std::string caPem; // empty when loaded from files
};

// Throws std::runtime_error with OpenSSL's reason on failure.
TlsMaterial generateThrowAwayTls();
TlsMaterial loadTls(const std::string& certFile, const std::string& keyFile);
void writeFile(const std::string& path, const std::string& content);

} // namespace techo::sandbox
