// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/traces/fakejaeger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Stackscope::Test {

FaultResponse FakeJaeger::error(int status, const QString &message)
{
    QJsonObject e{{u"code"_s, status}, {u"msg"_s, message}};
    QJsonObject body{{u"data"_s, QJsonValue::Null},
                     {u"total"_s, 0},
                     {u"limit"_s, 0},
                     {u"offset"_s, 0},
                     {u"errors"_s, QJsonArray{e}}};
    return FaultServer::text(QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

FaultResponse FakeJaeger::uiPage()
{
    return FaultServer::html("<!doctype html><html lang=\"en\"><head><title>Jaeger UI</title>"
                             "</head><body><div id=\"jaeger-ui-root\"></div></body></html>");
}

FaultServer::Handler FakeJaeger::handler() const
{
    const FakeJaeger self = *this;
    return [self](const FaultRequest &request) -> std::optional<FaultResponse> {
        const QString path = request.path;
        auto envelope = [](const QByteArray &data) {
            return FaultServer::json("{\"data\":" + data
                                     + ",\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}");
        };
        if (self.failStatus && path.startsWith("/api/"_L1))
            return error(self.failStatus, u"internal error: storage unavailable"_s);
        if (self.version == Version::V3) {
            if (path == "/api/v3/services"_L1)
                return FaultServer::json(
                    QJsonDocument(
                        QJsonObject{{u"services"_s, QJsonArray::fromStringList(self.services)}})
                        .toJson(QJsonDocument::Compact));
            if (path == "/api/v3/operations"_L1) {
                QJsonArray ops;
                for (const QString &op :
                     self.operations.value(request.query.queryItemValue(u"service"_s)))
                    ops.append(QJsonObject{{u"name"_s, op}, {u"spanKind"_s, u"server"_s}});
                return FaultServer::json(QJsonDocument(QJsonObject{{u"operations"_s, ops}})
                                             .toJson(QJsonDocument::Compact));
            }
            if (path == "/api/v3/traces"_L1) {
                if (request.query.queryItemValue(u"query.service_name"_s).isEmpty())
                    return FaultServer::json(
                        "{\"error\":{\"httpCode\":400,\"message\":\"service_name is required\"}}",
                        400);
                return FaultServer::json(self.otlpTrace);
            }
            if (path.startsWith("/api/v3/traces/"_L1))
                return FaultServer::json(self.otlpTrace);
            return uiPage();
        }
        if (path == "/api/services"_L1) {
            QJsonDocument doc(QJsonArray::fromStringList(self.services));
            return envelope(doc.toJson(QJsonDocument::Compact));
        }
        if (path == "/api/operations"_L1 && self.version == Version::V1) {
            const QString service = request.query.queryItemValue(u"service"_s);
            if (service.isEmpty())
                return error(400, u"parameter 'service' is required"_s);
            QJsonArray ops;
            for (const QString &op : self.operations.value(service))
                ops.append(QJsonObject{{u"name"_s, op}, {u"spanKind"_s, u"server"_s}});
            return envelope(QJsonDocument(ops).toJson(QJsonDocument::Compact));
        }
        if (path.startsWith("/api/services/"_L1) && path.endsWith("/operations"_L1)) {
            const QString service = path.mid(14, path.size() - 14 - 11);
            return envelope(
                QJsonDocument(QJsonArray::fromStringList(self.operations.value(service)))
                    .toJson(QJsonDocument::Compact));
        }
        if (path == "/api/traces"_L1) {
            if (request.query.queryItemValue(u"service"_s).isEmpty())
                return error(400, u"parameter 'service' is required"_s);
            bool ok = true;
            const QString limit = request.query.queryItemValue(u"limit"_s);
            if (!limit.isEmpty())
                limit.toInt(&ok);
            if (!ok)
                return error(400, u"unable to parse param 'limit': strconv.ParseInt: parsing \""_s
                                      + limit + u"\": invalid syntax"_s);
            QByteArray data = "[";
            bool first = true;
            for (const QByteArray &trace : self.traces) {
                if (!first)
                    data += ',';
                data += trace;
                first = false;
            }
            data += ']';
            return envelope(data);
        }
        if (path.startsWith("/api/traces/"_L1)) {
            const QString id = path.mid(12);
            if (!self.traces.contains(id))
                return error(404, u"trace not found"_s);
            return envelope("[" + self.traces.value(id) + "]");
        }
        return uiPage(); // the UI answers every other path with its index page
    };
}

} // namespace Stackscope::Test
