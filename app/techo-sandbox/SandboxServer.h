#pragma once

// The HTTP(S) side of techo-sandbox: OAuth (authorize/token), the asynchronous resource API
// (request → status → result) in the commonHeader telegram envelope, and the /_sandbox control
// endpoints. See docs/sandbox-api.md.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "Certificates.h"
#include "DataGenerator.h"
#include "Faults.h"
#include "ReferenceData.h"

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace techo::sandbox {

struct SandboxOptions {
    int port = 8443;
    bool http = false;
    std::string tlsCert, tlsKey, caOut, dataDir, faults;
    std::uint64_t seed = 1;
    int persons = 3, years = 10, pageSize = 200, processDelayMs = 300, tokenTtl = 3600, consentDays = 90, slowMs = 3000;
    bool verbose = false;
    bool omitInventedFields = false; // leave out the record-level fields the real layouts do not have
};

class SandboxServer {
public:
    SandboxServer(const SandboxOptions& options, const ReferenceData& ref, std::vector<FaultSpec> faults);
    ~SandboxServer();
    SandboxServer(const SandboxServer&) = delete;
    SandboxServer& operator=(const SandboxServer&) = delete;

    // Creates the listener (TLS unless --http) and binds 127.0.0.1; returns the port. Throws on failure.
    int bind(const TlsMaterial* tls);
    // Serves until stop(); false if the server could not run.
    bool listen();
    void stop();

private:
    struct AuthorizeParams;
    struct AuthCode {
        std::string clientId, redirectUri, challenge;
        std::vector<int> persons;
        std::set<InfoKind> kinds;
        int consentDays = 90;
        std::int64_t expiresMs = 0;
    };
    struct Grant {
        std::string clientId;
        std::vector<int> persons;
        std::set<InfoKind> kinds;
        std::int64_t consentExpiresMs = 0;
    };
    struct Access {
        std::string grantId;
        std::int64_t expiresMs = 0;
    };
    struct Process {
        std::string grantId;
        InfoKind kind = InfoKind::Tkk;
        int person = 0;
        std::optional<Date> start, end;
        std::int64_t readyMs = 0;
    };
    enum class Stage { Request, Status, Result };

    void routes();
    void authorize(const httplib::Request& req, httplib::Response& res);
    void approve(const httplib::Request& req, httplib::Response& res);
    void token(const httplib::Request& req, httplib::Response& res);
    void resource(const httplib::Request& req, httplib::Response& res, Stage stage);
    void stats(httplib::Response& res);
    bool applyTransientFaults(httplib::Response& res);
    void redirectWithCode(httplib::Response& res, const AuthorizeParams& params);
    [[nodiscard]] std::string issueTokens(const std::string& grantId);
    [[nodiscard]] std::int64_t nowMs() const;
    [[nodiscard]] std::optional<int> personIndex(const std::string& id) const;

    SandboxOptions m_options;
    const ReferenceData& m_ref;
    DataGenerator m_generator;
    Faults m_faults;
    std::unique_ptr<httplib::Server> m_server;
    std::atomic<std::int64_t> m_clockOffsetSeconds {0};
    std::atomic<bool> m_omitInvented {false}; // --omit-invented-fields; POST /_sandbox/options

    std::mutex m_mutex; // guards everything below
    std::map<std::string, AuthCode> m_codes;
    std::map<std::string, Grant> m_grants;
    std::map<std::string, Access> m_access;
    std::map<std::string, std::string> m_refresh; // refresh token → grant id
    std::map<std::string, Process> m_processes;
    std::uint64_t m_processCounter = 0;

    std::mutex m_statsMutex;
    std::string m_statsCache;
};

} // namespace techo::sandbox
