// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/faultserver.h"

#include <QMap>
#include <QStringList>

namespace Stackscope::Test {

/// A FaultServer handler that answers like Jaeger's query service: 1.51's /api routes with the
/// envelope, errors as `{"data":null,"errors":[{"code":..,"msg":..}]}` labelled text/plain with
/// 400/404/500, unknown paths answered 200 with the UI's HTML page; an older Jaeger without
/// /api/operations; or Jaeger v2 with only /api/v3 (OTLP JSON under `result`).
struct FakeJaeger
{
    enum class Version { V1, V1WithoutOperations, V3 };
    Version version = Version::V1;
    QStringList services{QStringLiteral("frontend"), QStringLiteral("checkout")};
    QMap<QString, QStringList> operations;
    QMap<QString, QByteArray> traces; ///< trace ID → v1 trace object JSON
    QByteArray otlpTrace;             ///< what /api/v3/traces answers
    int failStatus = 0;               ///< answer every /api request with this error status

    FaultServer::Handler handler() const;

    static FaultResponse error(int status, const QString &message);
    static FaultResponse uiPage();
};

} // namespace Stackscope::Test
