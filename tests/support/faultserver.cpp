// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/faultserver.h"

#include "tests/support/freeport.h"

#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope::Test {

namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024;
constexpr qint64 MaxQueuedBytes = 1024 * 1024;

enum class ParseStatus { Incomplete, Complete, Malformed };

struct Parsed
{
    ParseStatus status = ParseStatus::Incomplete;
    FaultRequest request;
    bool keepAlive = true;
    bool expectContinue = false;
    qsizetype consumed = 0;
    QByteArray error;
};

Parsed malformed(const QByteArray &why)
{
    Parsed p;
    p.status = ParseStatus::Malformed;
    p.error = why;
    return p;
}

// Decodes a chunked body starting at from. Returns the bytes consumed, -1 when more data is
// needed, -2 when the encoding is broken.
qsizetype decodeChunked(const QByteArray &data, qsizetype from, QByteArray *out)
{
    qsizetype pos = from;
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return -1;
        QByteArray sizeField = data.mid(pos, lineEnd - pos);
        if (const qsizetype semicolon = sizeField.indexOf(';'); semicolon >= 0)
            sizeField.truncate(semicolon);
        bool ok = false;
        const qint64 size = sizeField.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return -2;
        pos = lineEnd + 2;
        if (size == 0) {
            for (;;) { // trailers, up to an empty line
                const qsizetype trailerEnd = data.indexOf("\r\n", pos);
                if (trailerEnd < 0)
                    return -1;
                if (trailerEnd == pos)
                    return trailerEnd + 2 - from;
                pos = trailerEnd + 2;
            }
        }
        if (data.size() < pos + size + 2)
            return -1;
        out->append(data.mid(pos, size));
        if (data.mid(pos + size, 2) != "\r\n")
            return -2;
        pos += size + 2;
    }
}

Parsed parseRequest(const QByteArray &buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer.size() > MaxHeaderBytes)
            return malformed("request header larger than 64 KiB");
        return {};
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return malformed("malformed request line");

    Parsed p;
    FaultRequest &r = p.request;
    r.method = requestLine.at(0);
    r.target = requestLine.at(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return malformed("malformed header line");
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        auto it = r.headers.find(name);
        if (it == r.headers.end())
            r.headers.insert(name, value);
        else
            it.value() += ", " + value;
    }
    const QByteArray connection = r.header("connection").toLower();
    p.keepAlive = requestLine.at(2) == "HTTP/1.1" ? !connection.contains("close")
                                                  : connection.contains("keep-alive");

    const qsizetype bodyStart = headerEnd + 4;
    if (r.header("transfer-encoding").toLower().contains("chunked")) {
        const qsizetype used = decodeChunked(buffer, bodyStart, &r.body);
        if (used == -2)
            return malformed("malformed chunked body");
        if (used == -1) {
            p.expectContinue = r.header("expect").toLower() == "100-continue";
            return p;
        }
        p.consumed = bodyStart + used;
    } else if (r.headers.contains("content-length")) {
        bool ok = false;
        const qint64 length = r.header("content-length").toLongLong(&ok);
        if (!ok || length < 0)
            return malformed("malformed Content-Length");
        if (buffer.size() - bodyStart < length) {
            p.expectContinue = r.header("expect").toLower() == "100-continue";
            return p;
        }
        r.body = buffer.mid(bodyStart, length);
        p.consumed = bodyStart + length;
    } else {
        p.consumed = bodyStart;
    }

    const QUrl target = QUrl::fromEncoded(r.target);
    r.path = target.path(QUrl::FullyDecoded);
    if (r.path.isEmpty())
        r.path = u"/"_s;
    r.query = QUrlQuery(target);
    p.status = ParseStatus::Complete;
    return p;
}

// Whole repetitions of a JSON-looking line, so that consecutive blocks continue the pattern.
const QByteArray &fillerBlock()
{
    static const QByteArray block = [] {
        const QByteArray line = R"({"filler":"stackscope fault server filler"},)"
                                "\n";
        return line.repeated(64 * 1024 / line.size());
    }();
    return block;
}

QByteArray chunkHeader(qint64 size)
{
    return QByteArray::number(size, 16) + "\r\n";
}

QByteArray chunk(const QByteArray &data)
{
    return chunkHeader(data.size()) + data + "\r\n";
}

} // namespace

struct FaultServer::Connection
{
    QByteArray buffer;
    bool busy = false;       // a response is delayed or streaming; later requests wait
    bool closeAfter = false; // the current exchange ends the connection
    bool headRequest = false;
    bool continueSent = false;
    bool streaming = false;
    qint64 streamTotal = 0; // announced
    qint64 streamLimit = 0; // really sent: half of the total when truncating
    qint64 streamSent = 0;
    bool streamChunked = false;
};

FaultResponse FaultResponse::withHeader(const QByteArray &name, const QByteArray &value) const
{
    FaultResponse copy = *this;
    copy.headers.append({name, value});
    return copy;
}

FaultServer::FaultServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_fallback(text("404 page not found", 404))
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultServer::onNewConnection);
}

FaultServer::~FaultServer()
{
    close();
}

bool FaultServer::listen(quint16 port)
{
    if (m_server->isListening())
        return true;
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        qWarning("FaultServer: cannot listen on 127.0.0.1:%d: %s", port,
                 qPrintable(m_server->errorString()));
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

bool FaultServer::isListening() const
{
    return m_server->isListening();
}

quint16 FaultServer::port() const
{
    return m_port;
}

QUrl FaultServer::url() const
{
    return loopbackUrl(m_port);
}

QUrl FaultServer::url(const QString &pathAndQuery) const
{
    return loopbackUrl(m_port, pathAndQuery);
}

void FaultServer::setRoute(const QByteArray &method, const QString &path, FaultResponse response)
{
    m_routes.insert({method, path}, std::move(response));
}

void FaultServer::removeRoute(const QByteArray &method, const QString &path)
{
    m_routes.remove({method, path});
}

void FaultServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void FaultServer::setFallback(FaultResponse response)
{
    m_fallback = std::move(response);
}

QList<FaultRequest> FaultServer::requests() const
{
    return m_requests;
}

void FaultServer::clearRequests()
{
    m_requests.clear();
}

int FaultServer::connectionsAccepted() const
{
    return m_connectionsAccepted;
}

void FaultServer::close()
{
    m_server->close();
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        socket->abort();
        socket->deleteLater();
    }
    m_connections.clear();
}

FaultResponse FaultServer::json(const QByteArray &body, int status)
{
    FaultResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = body;
    return r;
}

FaultResponse FaultServer::html(const QByteArray &body, int status)
{
    FaultResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "text/html; charset=utf-8"}};
    r.body = body;
    return r;
}

FaultResponse FaultServer::text(const QByteArray &body, int status)
{
    FaultResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
    r.body = body;
    return r;
}

FaultResponse FaultServer::file(const QString &path, const QByteArray &contentType)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("FaultServer: cannot read fixture %s: %s", qPrintable(path),
                 qPrintable(f.errorString()));
        return text("FaultServer cannot read fixture " + path.toUtf8(), 500);
    }
    FaultResponse r;
    r.headers = {{"Content-Type", contentType}};
    r.body = f.readAll();
    return r;
}

QByteArray FaultServer::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Unknown";
    }
}

void FaultServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_connectionsAccepted;
        m_connections.insert(socket, std::make_shared<Connection>());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            const auto conn = m_connections.value(socket);
            if (!conn)
                return;
            conn->buffer += socket->readAll();
            processBuffer(socket);
        });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { pump(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void FaultServer::processBuffer(QTcpSocket *socket)
{
    const auto conn = m_connections.value(socket);
    if (!conn || conn->busy)
        return;
    while (conn->buffer.startsWith("\r\n")) // tolerated before a request line
        conn->buffer.remove(0, 2);
    if (conn->buffer.isEmpty())
        return;

    Parsed parsed = parseRequest(conn->buffer);
    switch (parsed.status) {
    case ParseStatus::Incomplete:
        if (parsed.expectContinue && !conn->continueSent) {
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            conn->continueSent = true;
        }
        return;
    case ParseStatus::Malformed: {
        conn->busy = true;
        conn->closeAfter = true;
        conn->headRequest = false;
        conn->buffer.clear();
        send(socket, text(parsed.error, 400));
        return;
    }
    case ParseStatus::Complete:
        break;
    }

    conn->buffer.remove(0, parsed.consumed);
    conn->busy = true;
    conn->continueSent = false;
    conn->closeAfter = !parsed.keepAlive;
    conn->headRequest = parsed.request.method == "HEAD";
    m_requests.append(parsed.request);
    Q_EMIT requestReceived(parsed.request);
    if (!m_connections.contains(socket)) // the test closed the server from the signal
        return;
    respond(socket, responseFor(parsed.request));
}

FaultResponse FaultServer::responseFor(const FaultRequest &request) const
{
    if (m_handler) {
        if (std::optional<FaultResponse> answer = m_handler(request))
            return *answer;
    }
    auto it = m_routes.constFind({request.method, request.path});
    if (it == m_routes.cend())
        it = m_routes.constFind({QByteArray("*"), request.path});
    return it != m_routes.cend() ? it.value() : m_fallback;
}

void FaultServer::respond(QTcpSocket *socket, const FaultResponse &response)
{
    if (response.delayMs > 0) {
        // The socket is the context: when the client gives up first, nothing fires.
        QTimer::singleShot(response.delayMs, socket,
                           [this, socket, response] { send(socket, response); });
    } else {
        send(socket, response);
    }
}

void FaultServer::send(QTcpSocket *socket, const FaultResponse &response)
{
    const auto conn = m_connections.value(socket);
    if (!conn)
        return;
    if (response.closeWithoutResponse) {
        conn->buffer.clear();
        socket->disconnectFromHost();
        return;
    }

    const bool noBody = conn->headRequest || response.status / 100 == 1 || response.status == 204
                        || response.status == 304;
    const qint64 total = response.hugeBytes > 0 ? response.hugeBytes : response.body.size();

    QByteArray head
        = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
          + (response.reason.isEmpty() ? reasonPhrase(response.status) : response.reason) + "\r\n";
    bool hasContentLength = false;
    bool hasConnection = false;
    for (const auto &[name, value] : response.headers) {
        head += name + ": " + value + "\r\n";
        const QByteArray lower = name.toLower();
        hasContentLength = hasContentLength || lower == "content-length";
        if (lower == "connection") {
            hasConnection = true;
            conn->closeAfter = conn->closeAfter || value.toLower().contains("close");
        }
    }
    if (response.chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else if (!hasContentLength && response.status != 204 && response.status / 100 != 1)
        head += "Content-Length: " + QByteArray::number(total) + "\r\n";
    if (response.truncate)
        conn->closeAfter = true;
    if (!hasConnection)
        head += conn->closeAfter ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    head += "\r\n";
    socket->write(head);

    if (noBody) {
        finishResponse(socket);
        return;
    }
    if (response.hugeBytes > 0) {
        conn->streaming = true;
        conn->streamTotal = total;
        conn->streamLimit = response.truncate ? total / 2 : total;
        conn->streamSent = 0;
        conn->streamChunked = response.chunked;
        pump(socket);
        return;
    }

    const QByteArray &body = response.body;
    const qsizetype limit = response.truncate ? body.size() / 2 : body.size();
    if (response.chunked) {
        // Several chunks, so that clients really have to join them. A truncation cuts inside a
        // chunk whose full size was announced: a cut between chunks is not reliably reported.
        const qsizetype piece = std::clamp<qsizetype>((body.size() + 2) / 3, 1, 4096);
        for (qsizetype pos = 0; pos < body.size(); pos += piece) {
            const QByteArray data = body.mid(pos, piece);
            if (pos + data.size() > limit) {
                socket->write(chunkHeader(data.size()) + data.left(limit - pos));
                break;
            }
            socket->write(chunk(data));
        }
        if (!response.truncate)
            socket->write("0\r\n\r\n");
    } else {
        socket->write(body.left(limit));
    }
    if (response.truncate) {
        socket->disconnectFromHost(); // after the half that was queued
        return;
    }
    finishResponse(socket);
}

void FaultServer::pump(QTcpSocket *socket)
{
    const auto conn = m_connections.value(socket);
    if (!conn || !conn->streaming)
        return;
    const QByteArray &block = fillerBlock();
    while (conn->streamSent < conn->streamLimit && socket->bytesToWrite() < MaxQueuedBytes) {
        const qsizetype announced
            = qsizetype(std::min<qint64>(block.size(), conn->streamTotal - conn->streamSent));
        const qsizetype n
            = qsizetype(std::min<qint64>(announced, conn->streamLimit - conn->streamSent));
        if (!conn->streamChunked)
            socket->write(block.left(n));
        else if (n == announced)
            socket->write(chunk(block.left(n)));
        else // the truncation cuts inside this chunk
            socket->write(chunkHeader(announced) + block.left(n));
        conn->streamSent += n;
    }
    if (conn->streamSent < conn->streamLimit)
        return;
    conn->streaming = false;
    if (conn->streamLimit < conn->streamTotal) {                         // truncated
        if (conn->streamChunked && conn->streamSent % block.size() == 0) // cut fell between chunks
            socket->write(
                chunkHeader(std::min<qint64>(block.size(), conn->streamTotal - conn->streamSent)));
        socket->disconnectFromHost();
        return;
    }
    if (conn->streamChunked)
        socket->write("0\r\n\r\n");
    finishResponse(socket);
}

void FaultServer::finishResponse(QTcpSocket *socket)
{
    const auto conn = m_connections.value(socket);
    if (!conn)
        return;
    conn->busy = false;
    if (conn->closeAfter) {
        socket->disconnectFromHost();
        return;
    }
    if (!conn->buffer.isEmpty()) // a pipelined request waited for this response
        QTimer::singleShot(0, socket, [this, socket] { processBuffer(socket); });
}

} // namespace Stackscope::Test
