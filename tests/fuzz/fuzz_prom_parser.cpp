// SPDX-License-Identifier: GPL-3.0-or-later
// Prometheus HTTP API bodies: every PromParser entry point on the same input (query results of
// every type, exemplars, targets, label lists, series, build info, rules, error bodies), then what
// the metrics page does with a parsed result (legends, signatures, exemplars' series and text).
#include "app/prometheus/promparser.h"
#include "tests/fuzz/fuzzcommon.h"

using namespace Stackscope;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    const QByteArray body = Fuzz::bytes(data, size);
    PromApiError apiError;
    QString problem;

    QueryResult result;
    if (PromParser::parseQuery(body, &result, &apiError, &problem)) {
        Fuzz::keep(result.pointCount());
        for (const Series &s : std::as_const(result.series)) {
            Fuzz::keep(seriesSignature(s.labels));
            Fuzz::keep(formatLegend(u"{{job}} {{ instance }} {{__name__}}"_s, s.labels));
            Fuzz::keep(formatLegend(QString(), s.labels));
        }
    }
    Fuzz::keep(apiError.text());

    QList<Exemplar> exemplars;
    if (PromParser::parseExemplars(body, &exemplars, &apiError, &problem)) {
        for (const Exemplar &e : std::as_const(exemplars)) {
            Fuzz::keep(e.traceId());
            Fuzz::keep(exemplarSeries(e.seriesLabels, result.series));
            Fuzz::keep(exemplarText(e, u"s"_s));
        }
    }

    QList<ScrapeTarget> targets;
    PromParser::parseTargets(body, &targets, &apiError, &problem);
    QStringList values;
    PromParser::parseStringList(body, &values, &apiError, &problem);
    QList<Labels> series;
    PromParser::parseSeries(body, &series, &apiError, &problem);
    PromBuildInfo info;
    PromParser::parseBuildInfo(body, &info, &apiError, &problem);
    QList<PromRule> rules;
    PromParser::parseRules(body, &rules, &apiError, &problem);
    Fuzz::keep(PromParser::parseError(body).text());
    if (size < 64)
        Fuzz::keep(PromParser::parseTime(QString::fromUtf8(body)));
    double value = 0;
    parseSampleValue(body.constData(), body.size(), &value);
    return 0;
}
