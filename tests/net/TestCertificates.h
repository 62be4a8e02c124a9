#pragma once

#include <QString>

#include <string>

namespace techo::test {

// Throw-away TLS material for local servers, made with the openssl tool at test start: a CA, a server
// certificate from it for IP:127.0.0.1 only (so https://localhost is a hostname mismatch), and a second,
// unrelated CA.
struct TestCertificates {
    std::string caFile;
    std::string otherCaFile;
    std::string serverCert;
    std::string serverKey;

    // Writes the files into `dir`; false (with a qWarning naming the openssl call) on failure.
    [[nodiscard]] bool create(const QString& dir);
};

} // namespace techo::test
