// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/traces/tracegenerator.h"

#include <random>
#include <vector>

namespace Stackscope::Test {

namespace {

const char *const serviceNames[]
    = {"frontend", "checkout",       "cart",      "payment", "shipping", "currency",
       "email",    "recommendation", "ad",        "catalog", "auth",     "inventory",
       "pricing",  "search",         "gateway",   "orders",  "users",    "notifications",
       "billing",  "ledger",         "fraud",     "geo",     "reviews",  "media",
       "cache",    "queue",          "scheduler", "reports", "exports",  "audit"};
const char *const verbs[] = {"GET", "POST", "PUT", "DELETE"};
const char *const resources[] = {"orders", "items",    "users",    "carts",     "payments",
                                 "quotes", "sessions", "products", "shipments", "invoices"};
const char *const dbOps[] = {"SELECT", "INSERT", "UPDATE"};

struct Node
{
    int parent;
    int depth;
    int service;
    qint64 start;
    qint64 duration;
};

void hex(QByteArray &out, quint64 v)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    out.append(buf, 16);
}

} // namespace

QByteArray TraceGenerator::traceJson() const
{
    std::mt19937_64 rng(seed);
    auto uniform = [&rng](double a, double b) {
        return std::uniform_real_distribution<double>(a, b)(rng);
    };
    auto chance = [&](double p) {
        return uniform(0, 1) < p;
    };
    const int serviceCount = std::max(1, std::min(services, 30));
    const int depthLimit = std::max(2, maxDepth);
    std::vector<Node> nodes;
    nodes.reserve(size_t(spans));
    nodes.push_back({-1, 0, 0, startUs, 2000000 + qint64(uniform(0, 3000000))});
    m_depthReached = 0;
    // New spans hang under a recent span most of the time (chains that reach depth), else
    // under any span (fan-out).
    for (int i = 1; i < spans; ++i) {
        int parent;
        if (chance(0.35))
            parent = i - 1;
        else if (chance(0.5))
            parent = std::max(0, i - 1 - int(uniform(0, 40)));
        else
            parent = int(uniform(0, i));
        while (nodes[size_t(parent)].depth + 1 >= depthLimit)
            parent = nodes[size_t(parent)].parent;
        const Node &p = nodes[size_t(parent)];
        Node n;
        n.parent = parent;
        n.depth = p.depth + 1;
        n.service = chance(0.55) ? p.service : int(uniform(0, serviceCount));
        const double offset = uniform(0, 0.8);
        n.start = p.start + qint64(double(p.duration) * offset);
        n.duration
            = std::max<qint64>(1, qint64(double(p.duration) * (1 - offset) * uniform(0.05, 0.95)));
        m_depthReached = std::max(m_depthReached, n.depth);
        nodes.push_back(n);
    }

    const QByteArray slow = slowService.toUtf8();
    std::vector<qint64> durations(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        const Node &n = nodes[i];
        durations[i] = slow.isEmpty() || slow != serviceNames[n.service]
                           ? n.duration
                           : std::max<qint64>(1, qint64(double(n.duration) * slowFactor));
    }
    if (!slow.isEmpty() && stretchParents) {
        // Parents come before their children: from the last span up.
        for (size_t i = nodes.size(); i-- > 1;) {
            const size_t p = size_t(nodes[i].parent);
            durations[p] = std::max(durations[p], nodes[i].start + durations[i] - nodes[p].start);
        }
    }
    const QByteArray renameFrom = renameOperation.toUtf8();
    const QByteArray renameTo = renamedTo.toUtf8();

    QByteArray out;
    out.reserve(qsizetype(spans) * 560 + 8192);
    const QByteArray traceIdBytes = traceId.toLatin1();
    out += "{\"traceID\":\"" + traceIdBytes + "\",\"spans\":[";
    for (int i = 0; i < spans; ++i) {
        const Node &n = nodes[size_t(i)];
        if (i)
            out += ",\n";
        out += "{\"traceID\":\"" + traceIdBytes + "\",\"spanID\":\"";
        hex(out, quint64(i + 1) * 0x9e3779b97f4a7c15ull);
        out += "\",\"flags\":1,\"operationName\":\"";
        const bool db = chance(0.2);
        const char *verb = verbs[rng() % 4];
        const char *resource = resources[rng() % 10];
        QByteArray operation;
        if (db) {
            operation += dbOps[rng() % 3];
            operation += ' ';
            operation += resource;
        } else {
            operation += verb;
            operation += " /api/";
            operation += resource;
            operation += "/{id}";
        }
        out += !renameFrom.isEmpty() && operation == renameFrom ? renameTo : operation;
        out += "\",\"references\":[";
        if (n.parent >= 0) {
            out += "{\"refType\":\"CHILD_OF\",\"traceID\":\"" + traceIdBytes + "\",\"spanID\":\"";
            hex(out, quint64(n.parent + 1) * 0x9e3779b97f4a7c15ull);
            out += "\"}";
        }
        out += "],\"startTime\":" + QByteArray::number(n.start)
               + ",\"duration\":" + QByteArray::number(durations[size_t(i)]) + ",\"tags\":[";
        out += "{\"key\":\"span.kind\",\"type\":\"string\",\"value\":\"";
        out += (n.parent >= 0 && nodes[size_t(n.parent)].service != n.service) ? "server"
                                                                               : "client";
        out += "\"}";
        const bool error = chance(errorRate);
        if (db) {
            out += ",{\"key\":\"db.statement\",\"type\":\"string\",\"value\":\"";
            out += "SELECT * FROM ";
            out += resource;
            out += " WHERE id = ?\"},{\"key\":\"db.rows\",\"type\":\"int64\",\"value\":"
                   + QByteArray::number(int(uniform(0, 500))) + "}";
        } else {
            out += ",{\"key\":\"http.method\",\"type\":\"string\",\"value\":\"";
            out += verb;
            out += "\"},{\"key\":\"http.status_code\",\"type\":\"int64\",\"value\":";
            out += error ? "500" : "200";
            out += "}";
        }
        out += ",{\"key\":\"sampler.param\",\"type\":\"float64\",\"value\":0.25}";
        out += ",{\"key\":\"internal.cached\",\"type\":\"bool\",\"value\":";
        out += chance(0.3) ? "true" : "false";
        out += "}";
        if (error)
            out += ",{\"key\":\"error\",\"type\":\"bool\",\"value\":true}";
        out += "],\"logs\":[";
        if (chance(logRate) || error) {
            out += "{\"timestamp\":" + QByteArray::number(n.start + n.duration / 2)
                   + ",\"fields\":[{\"key\":\"event\",\"type\":\"string\",\"value\":\"";
            out += error ? "error" : "cache miss";
            out += "\"},{\"key\":\"message\",\"type\":\"string\",\"value\":\"";
            out += error ? "upstream answered 500" : "fetched from the primary";
            out += "\"}]}";
        }
        out += "],\"processID\":\"p" + QByteArray::number(n.service + 1) + "\",\"warnings\":null}";
    }
    out += "],\"processes\":{";
    for (int s = 0; s < serviceCount; ++s) {
        if (s)
            out += ',';
        out += "\"p" + QByteArray::number(s + 1) + "\":{\"serviceName\":\"";
        out += serviceNames[s];
        out += "\",\"tags\":[{\"key\":\"hostname\",\"type\":\"string\",\"value\":\"";
        out += serviceNames[s];
        out += "-7d9f8\"},{\"key\":\"ip\",\"type\":\"string\",\"value\":\"10.0.0."
               + QByteArray::number(s + 2)
               + "\"},{\"key\":\"jaeger.version\",\"type\":\"string\",\"value\":\"Go-2.30.0\"}]}";
    }
    out += "},\"warnings\":null}";
    if (out.capacity() < out.size() + 64)
        out.reserve(out.size() + 64);
    return out;
}

QByteArray TraceGenerator::envelopeJson() const
{
    QByteArray out;
    const QByteArray trace = traceJson();
    out.reserve(trace.size() + 128);
    out += "{\"data\":[";
    out += trace;
    out += "],\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}";
    return out;
}

} // namespace Stackscope::Test
