// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/http/httperror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Stackscope {

QString errorKindName(HttpError::Kind kind)
{
    switch (kind) {
    case HttpError::Kind::None:
        return u"none"_s;
    case HttpError::Kind::Refused:
        return u"refused"_s;
    case HttpError::Kind::HostNotFound:
        return u"host_not_found"_s;
    case HttpError::Kind::Timeout:
        return u"timeout"_s;
    case HttpError::Kind::Tls:
        return u"tls"_s;
    case HttpError::Kind::HttpStatus:
        return u"http_status"_s;
    case HttpError::Kind::UnexpectedBody:
        return u"unexpected_body"_s;
    case HttpError::Kind::Truncated:
        return u"truncated"_s;
    case HttpError::Kind::TooLarge:
        return u"too_large"_s;
    case HttpError::Kind::Config:
        return u"config"_s;
    case HttpError::Kind::Network:
        return u"network"_s;
    case HttpError::Kind::Cancelled:
        return u"cancelled"_s;
    }
    return u"unknown"_s;
}

bool looksLikeHtml(const QByteArray &body, const QByteArray &contentType)
{
    if (contentType.toLower().contains("text/html"))
        return true;
    const QByteArray head = body.left(256).trimmed().toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
           || head.startsWith("<body");
}

static QString shorten(QString text)
{
    text = text.simplified();
    constexpr int maxLength = 300;
    if (text.size() > maxLength)
        text = text.left(maxLength - 1) + QChar(0x2026);
    return text;
}

QString serverErrorText(const QByteArray &body, const QByteArray &contentType)
{
    if (body.isEmpty() || looksLikeHtml(body, contentType))
        return {};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        if (doc.isObject()) {
            const QJsonObject o = doc.object();
            // Prometheus: {"status":"error","errorType":"bad_data","error":"..."}
            if (o.value("error"_L1).isString()) {
                const QString type = o.value("errorType"_L1).toString();
                const QString text = o.value("error"_L1).toString();
                return shorten(type.isEmpty() ? text : type + u": "_s + text);
            }
            // Jaeger: {"data":null,"errors":[{"code":404,"msg":"trace not found"}]}
            const QJsonArray errors = o.value("errors"_L1).toArray();
            if (!errors.isEmpty()) {
                const QJsonValue first = errors.first();
                return shorten(first.isObject() ? first.toObject().value("msg"_L1).toString()
                                                : first.toString());
            }
            if (o.value("message"_L1).isString()) // Grafana, Docker
                return shorten(o.value("message"_L1).toString());
            return {};
        }
        return {};
    }
    // Alertmanager answers errors as a bare JSON string, which QJsonDocument rejects.
    const QByteArray trimmed = body.trimmed();
    if (trimmed.size() >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
        const QJsonDocument wrapped = QJsonDocument::fromJson("[" + trimmed + "]");
        if (wrapped.isArray())
            return shorten(wrapped.array().first().toString());
    }
    const int newline = body.indexOf('\n');
    return shorten(QString::fromUtf8(newline < 0 ? body : body.left(newline)));
}

} // namespace Stackscope
