// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

namespace Stackscope {

/// Why a request to a backend did not give the answer we wanted, classified so that the UI can
/// say it plainly and the poller can decide how to retry.
struct HttpError
{
    Q_GADGET
public:
    enum class Kind {
        None,
        Refused,        ///< nothing listens at host:port
        HostNotFound,   ///< the name does not resolve
        Timeout,        ///< no complete answer within the endpoint's timeout
        Tls,            ///< handshake or certificate failure
        HttpStatus,     ///< answered with a non-2xx status; `detail` holds the server's own text
        UnexpectedBody, ///< answered 2xx, but not the API we expected (HTML from a proxy or a UI)
        Truncated,      ///< the connection closed before the body was complete
        TooLarge,       ///< the body passed the configured size cap and was cut off
        Config,         ///< the request could not be made as configured (missing secret variable)
        Network,        ///< any other transport failure
        Cancelled,      ///< aborted by us (a newer request, shutdown)
    };
    Q_ENUM(Kind)

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString detail;  ///< the server's own error text, or the transport's
    QString message; ///< one sentence for a person: "connection refused at 127.0.0.1:9091"
    QString hint;    ///< what the person can do about it, when we know ("add your user to ...")

    bool isError() const { return kind != Kind::None; }
    /// The server is not there at all (as opposed to there and answering badly).
    bool isConnectionLevel() const
    {
        return kind == Kind::Refused || kind == Kind::HostNotFound || kind == Kind::Timeout;
    }
};

/// Short stable name of an error kind, used as a metrics label: "refused", "http_status"...
QString errorKindName(HttpError::Kind kind);

/// The server's own explanation from an error body: Prometheus' `errorType: error`, a bare JSON
/// string (Alertmanager), Jaeger's `errors[0].msg`, or the first line of plain text. Empty for
/// HTML.
QString serverErrorText(const QByteArray &body, const QByteArray &contentType);

/// True when the body is an HTML page (by content type or by its first bytes).
bool looksLikeHtml(const QByteArray &body, const QByteArray &contentType);

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::HttpError)
