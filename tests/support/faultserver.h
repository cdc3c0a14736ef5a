// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace Stackscope::Test {

/// What the FaultServer answers to one request, faults included.
struct FaultResponse
{
    int status = 200;
    QByteArray reason; ///< default from the status code ("OK", "Not Found", ...)
    QList<QPair<QByteArray, QByteArray>> headers; ///< Content-Type etc.; a Content-Length here wins
    QByteArray body;
    int delayMs = 0; ///< wait this long before sending anything (for timeouts)
    /// Announce the full length (or cut inside an announced chunk), send half the body, close.
    /// Qt 6.4 races here: the reply may finish with NoError and the short body, so clients must
    /// compare what they got with Content-Length (and fail on JSON that does not parse).
    bool truncate = false;
    qint64 hugeBytes = 0; ///< >0: stream this many bytes of JSON-ish filler instead of body
    bool chunked = false; ///< send the body with Transfer-Encoding: chunked
    bool closeWithoutResponse = false; ///< read the request, then close without answering

    /// Returns a copy with one more header.
    FaultResponse withHeader(const QByteArray &name, const QByteArray &value) const;
};

/// One request as the FaultServer received it.
struct FaultRequest
{
    QByteArray method;
    QByteArray target; ///< the request target as sent ("/api/traces?service=a")
    QString path;      ///< decoded path, without the query
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; ///< names lower-cased; repeated headers joined by ", "
    QByteArray body;                      ///< decoded from chunked encoding when sent so

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
};

/// A loopback HTTP/1.1 server driven by the test thread's event loop that answers each request
/// as the test configured it, real fixtures or injected faults, and records every request.
/// Keep-alive, request bodies (Content-Length or chunked) and requests split across TCP reads are
/// supported; a delayed answer never blocks other connections.
class FaultServer : public QObject
{
    Q_OBJECT
public:
    using Request = FaultRequest;
    using Handler = std::function<std::optional<FaultResponse>(const FaultRequest &)>;

    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    /// Listens on 127.0.0.1: on a free port when port is 0, else on that port (after close(),
    /// listen(port()) brings the "backend" back on the same URL).
    bool listen(quint16 port = 0);
    bool isListening() const;
    /// The port listened on; kept after close().
    quint16 port() const;
    /// http://127.0.0.1:port()/
    QUrl url() const;
    /// url() with this path (and query) resolved against it.
    QUrl url(const QString &pathAndQuery) const;

    /// Answers requests with this method ("*" for any) and exactly this path (query ignored).
    void setRoute(const QByteArray &method, const QString &path, FaultResponse response);
    void removeRoute(const QByteArray &method, const QString &path);
    /// Asked first for every request; std::nullopt falls through to the routes.
    void setHandler(Handler handler);
    /// The answer when no handler or route does; default 404 text/plain "404 page not found".
    void setFallback(FaultResponse response);

    /// Everything received, in order.
    QList<FaultRequest> requests() const;
    void clearRequests();
    /// How many TCP connections were accepted so far (tests of connection reuse).
    int connectionsAccepted() const;
    /// Stops listening and drops every open connection: new requests are refused.
    void close();

    static FaultResponse json(const QByteArray &body, int status = 200);
    static FaultResponse html(const QByteArray &body, int status = 200);
    static FaultResponse text(const QByteArray &body, int status = 200);
    /// The file's bytes with this Content-Type; a 500 saying so when it cannot be read.
    static FaultResponse file(const QString &path,
                              const QByteArray &contentType = "application/json");
    /// The standard reason phrase for a status ("Service Unavailable"), "Unknown" otherwise.
    static QByteArray reasonPhrase(int status);

Q_SIGNALS:
    void requestReceived(const Stackscope::Test::FaultRequest &request);

private:
    struct Connection;
    void onNewConnection();
    void processBuffer(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const FaultResponse &response);
    void send(QTcpSocket *socket, const FaultResponse &response);
    void pump(QTcpSocket *socket);
    void finishResponse(QTcpSocket *socket);
    FaultResponse responseFor(const FaultRequest &request) const;

    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    QHash<QTcpSocket *, std::shared_ptr<Connection>> m_connections;
    QMap<QPair<QByteArray, QString>, FaultResponse> m_routes;
    Handler m_handler;
    FaultResponse m_fallback;
    QList<FaultRequest> m_requests;
    int m_connectionsAccepted = 0;
};

} // namespace Stackscope::Test
