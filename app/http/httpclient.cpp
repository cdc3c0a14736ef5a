// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/http/httpclient.h"
#include "models/common/format.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "stackscope.http", QtWarningMsg)

namespace Stackscope {

namespace {

const char *const kPendingProperty = "stackscope_pending";

} // namespace

/// State of one request in flight, owned by the reply (deleted with it).
struct HttpClient::Pending : QObject
{
    Q_OBJECT
public:
    QPointer<QObject> context;
    HttpClient::Callback done;
    QString label;
    QElapsedTimer clock;
    QTimer timeout;
    bool timedOut = false;
    bool tooLarge = false;
    bool cancelled = false;
    qint64 received = 0;
    HttpError configError;
};

HttpClient::HttpClient(const QString &backend, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_network(network)
{
    qRegisterMetaType<RequestRecord>();
}

HttpClient::~HttpClient()
{
    // Replies outlive us in the manager: make sure none calls back into a dead client.
    const auto replies = m_inFlight;
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpClient::setEndpoint(const EndpointConfig &endpoint)
{
    if (m_endpoint == endpoint)
        return;
    const bool tlsChanged = m_endpoint.url.host() != endpoint.url.host()
                            || m_endpoint.url.port() != endpoint.url.port()
                            || m_endpoint.caFile != endpoint.caFile
                            || m_endpoint.insecureSkipVerify != endpoint.insecureSkipVerify;
    m_endpoint = endpoint;
    abortAll();
    // The manager keeps connections per host and port, whatever the TLS settings they were made
    // with: without this, a corrected ca_file would only take effect after a restart.
    if (tlsChanged && endpoint.url.scheme() == "https"_L1)
        m_network->clearConnectionCache();
}

QUrl HttpClient::urlFor(const HttpRequest &request) const
{
    QUrl url = m_endpoint.url;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    return url;
}

QString HttpClient::hostPort() const
{
    const QUrl &url = m_endpoint.url;
    const int defaultPort = url.scheme() == "https"_L1 ? 443 : 80;
    return u"%1:%2"_s.arg(url.host()).arg(url.port(defaultPort));
}

void HttpClient::get(const QString &path, QObject *context, Callback done)
{
    HttpRequest request;
    request.path = path;
    send(request, context, std::move(done));
}

void HttpClient::send(const HttpRequest &request, QObject *context, Callback done)
{
    QNetworkRequest nr(urlFor(request));
    nr.setRawHeader("Accept", request.accept);
    nr.setRawHeader("User-Agent", "Stackscope/" STACKSCOPE_VERSION);
    if (!request.contentType.isEmpty())
        nr.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);

    HttpError configError;
    const AuthConfig &auth = m_endpoint.auth;
    if (auth.type != AuthConfig::Type::None) {
        const QByteArray secret = qgetenv(auth.secretEnv.toLocal8Bit().constData());
        if (secret.isEmpty()) {
            configError.kind = HttpError::Kind::Config;
            configError.message
                = tr("the environment variable %1 that holds the %2 secret is not set")
                      .arg(auth.secretEnv, m_backend);
        } else if (auth.type == AuthConfig::Type::Basic) {
            nr.setRawHeader("Authorization",
                            "Basic "
                                + QByteArray(auth.username.toUtf8() + ':' + secret).toBase64());
        } else {
            nr.setRawHeader("Authorization", "Bearer " + secret);
        }
    }

    const QString scheme = nr.url().scheme();
    if (!configError.isError() && scheme != "http"_L1 && scheme != "https"_L1) {
        // Qt would answer with a reply of its own kind whose error arrives later, and a cancel
        // before that reports it twice ("this method must only be called once").
        configError.kind = HttpError::Kind::Config;
        configError.message = m_endpoint.url.isEmpty()
                                  ? tr("no address is set for %1").arg(m_backend)
                                  : tr("%1 is not an http:// or https:// address")
                                        .arg(m_endpoint.url.toDisplayString());
    }

    if (scheme == "https"_L1) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_endpoint.caFile.isEmpty()) {
            const auto certificates = QSslCertificate::fromPath(m_endpoint.caFile);
            if (certificates.isEmpty() && !configError.isError()) {
                configError.kind = HttpError::Kind::Config;
                configError.message
                    = tr("no certificate could be read from the CA file %1").arg(m_endpoint.caFile);
            }
            ssl.addCaCertificates(certificates);
        }
        if (m_endpoint.insecureSkipVerify)
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        nr.setSslConfiguration(ssl);
    }

    auto *pending = new Pending;
    pending->context = context;
    pending->done = std::move(done);
    pending->label = request.label.isEmpty() ? request.path : request.label;
    pending->clock.start();
    pending->configError = configError;

    QNetworkReply *reply = nullptr;
    if (configError.isError()) {
        // Still go through a reply-shaped path so that the callback is asynchronous as always.
        QTimer::singleShot(0, this, [this, pending] {
            HttpResponse response;
            response.error = pending->configError;
            Q_EMIT requestFinished({m_backend, pending->label, 0, response.error.kind, 0.0});
            if (pending->context)
                pending->done(response);
            delete pending;
        });
        return;
    }

    if (request.method == "GET")
        reply = m_network->get(nr);
    else
        reply = m_network->sendCustomRequest(nr, request.method, request.body);

    pending->setParent(reply);
    // Without a read buffer limit, Qt's HTTP thread keeps reading a huge answer into memory
    // until the GUI thread gets round to the abort below: one byte past the limit is enough to
    // know that the answer is too large, so that is all Qt may hold.
    if (m_maxBodyBytes > 0)
        reply->setReadBufferSize(m_maxBodyBytes + 1);
    reply->setProperty(kPendingProperty, QVariant::fromValue<QObject *>(pending));
    m_inFlight.append(reply);

    pending->timeout.setSingleShot(true);
    pending->timeout.setInterval(m_endpoint.timeout);
    connect(&pending->timeout, &QTimer::timeout, reply, [pending, reply] {
        pending->timedOut = true;
        reply->abort();
    });
    pending->timeout.start();

    connect(reply, &QNetworkReply::downloadProgress, this,
            [this, pending, reply](qint64 received, qint64 total) {
                pending->received = received;
                if (m_maxBodyBytes > 0 && (received > m_maxBodyBytes || total > m_maxBodyBytes)
                    && !pending->tooLarge) {
                    pending->tooLarge = true;
                    reply->abort();
                }
            });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

void HttpClient::abortAll()
{
    const auto replies = m_inFlight;
    for (QNetworkReply *reply : replies) {
        if (auto *pending
            = qobject_cast<Pending *>(reply->property(kPendingProperty).value<QObject *>()))
            pending->cancelled = true;
        reply->abort();
    }
}

HttpError HttpClient::classify(QNetworkReply *reply, const Pending &pending, qint64 received) const
{
    HttpError error;
    const QString where = hostPort();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (pending.tooLarge) {
        error.kind = HttpError::Kind::TooLarge;
        error.message = tr("the answer from %1 is larger than the %2 limit (http.max_body)")
                            .arg(where, Format::bytes(m_maxBodyBytes));
        return error;
    }
    if (pending.timedOut) {
        error.kind = HttpError::Kind::Timeout;
        error.message
            = tr("no answer within %1 from %2").arg(Format::duration(m_endpoint.timeout), where);
        return error;
    }
    if (pending.cancelled) {
        error.kind = HttpError::Kind::Cancelled;
        error.message = tr("request cancelled");
        return error;
    }

    const QNetworkReply::NetworkError code = reply->error();
    error.detail = reply->errorString();
    switch (code) {
    case QNetworkReply::NoError:
        break;
    case QNetworkReply::ConnectionRefusedError:
        error.kind = HttpError::Kind::Refused;
        error.message = tr("connection refused at %1").arg(where);
        return error;
    case QNetworkReply::HostNotFoundError:
        error.kind = HttpError::Kind::HostNotFound;
        error.message = tr("host not found: %1").arg(m_endpoint.url.host());
        return error;
    case QNetworkReply::TimeoutError:
        error.kind = HttpError::Kind::Timeout;
        error.message
            = tr("no answer within %1 from %2").arg(Format::duration(m_endpoint.timeout), where);
        return error;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = HttpError::Kind::Tls;
        error.message = tr("TLS error at %1: %2").arg(where, reply->errorString());
        return error;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ProtocolFailure:
        if (received > 0 || status > 0) {
            error.kind = HttpError::Kind::Truncated;
            error.message
                = tr("the answer from %1 was cut off after %2").arg(where, Format::bytes(received));
        } else {
            error.kind = HttpError::Kind::Network;
            error.message = tr("%1 closed the connection without answering").arg(where);
        }
        return error;
    case QNetworkReply::OperationCanceledError:
        error.kind = HttpError::Kind::Cancelled;
        error.message = tr("request cancelled");
        return error;
    default:
        if (status == 0) {
            error.kind = HttpError::Kind::Network;
            error.message = tr("network error at %1: %2").arg(where, reply->errorString());
            return error;
        }
        break; // an HTTP status error: classified below with the body
    }

    if (status < 200 || status > 299) {
        const QByteArray body = reply->readAll();
        const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        error.kind = HttpError::Kind::HttpStatus;
        error.httpStatus = status;
        error.detail = serverErrorText(body, type);
        if (reason.isEmpty())
            reason = tr("error");
        error.message = u"HTTP %1: %2"_s.arg(status).arg(reason);
        if (!error.detail.isEmpty() && error.detail.compare(reason, Qt::CaseInsensitive) != 0)
            error.message += u" \u2014 "_s + error.detail;
    }
    return error;
}

void HttpClient::finish(QNetworkReply *reply)
{
    m_inFlight.removeOne(reply);
    reply->deleteLater();
    auto *pending = qobject_cast<Pending *>(reply->property(kPendingProperty).value<QObject *>());
    if (!pending)
        return;
    pending->timeout.stop();

    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    response.elapsedMs = pending->clock.elapsed();
    response.error = classify(reply, *pending, pending->received);
    if (!response.error.isError()) {
        response.body = reply->readAll();
        // Qt 6.4 can finish a reply whose connection closed early with NoError: compare with
        // the announced length ourselves (chunked bodies are caught by the JSON check instead).
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        const QByteArray encoding = reply->rawHeader("Content-Encoding");
        if (length.isValid() && (encoding.isEmpty() || encoding == "identity")
            && response.body.size() < length.toLongLong()) {
            response.error.kind = HttpError::Kind::Truncated;
            response.error.message = tr("the answer from %1 was cut off after %2 of %3")
                                         .arg(hostPort(), Format::bytes(response.body.size()),
                                              Format::bytes(length.toLongLong()));
            response.body.clear();
        }
    }

    qCDebug(lcHttp) << m_backend << pending->label << response.status
                    << errorKindName(response.error.kind) << response.elapsedMs << "ms";
    Q_EMIT requestFinished({m_backend, pending->label, response.status, response.error.kind,
                            double(response.elapsedMs) / 1000.0});
    if (pending->context)
        pending->done(response);
}

HttpError parseJsonBody(const HttpResponse &response, const QString &apiName,
                        QJsonDocument *document)
{
    if (response.error.isError())
        return response.error;
    HttpError error;
    if (looksLikeHtml(response.body, response.contentType)) {
        error.kind = HttpError::Kind::UnexpectedBody;
        error.message = QObject::tr("answered HTML, not the %1").arg(apiName);
        return error;
    }
    QJsonParseError parseError;
    QJsonDocument parsed = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const bool atEnd = parseError.offset >= response.body.trimmed().size() - 1;
        if (!response.body.isEmpty() && atEnd
            && (parseError.error == QJsonParseError::UnterminatedObject
                || parseError.error == QJsonParseError::UnterminatedArray
                || parseError.error == QJsonParseError::UnterminatedString
                || parseError.error == QJsonParseError::IllegalValue
                || parseError.error == QJsonParseError::MissingObject)) {
            error.kind = HttpError::Kind::Truncated;
            error.message = QObject::tr("the answer of the %1 stops in the middle (%2 bytes)")
                                .arg(apiName)
                                .arg(response.body.size());
        } else {
            error.kind = HttpError::Kind::UnexpectedBody;
            error.message
                = response.body.isEmpty()
                      ? QObject::tr("answered with an empty body, not the %1").arg(apiName)
                      : QObject::tr(
                            "answered something that is not JSON, not the %1 (%2 at byte %3)")
                            .arg(apiName, parseError.errorString())
                            .arg(parseError.offset);
        }
        return error;
    }
    if (document)
        *document = std::move(parsed);
    return error;
}

} // namespace Stackscope

#include "httpclient.moc"
