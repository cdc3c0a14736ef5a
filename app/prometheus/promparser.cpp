// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/prometheus/promparser.h"
#include "app/prometheus/querytime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

#include <simdjson.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

QString PromApiError::text() const
{
    if (errorType.isEmpty())
        return error;
    if (error.isEmpty())
        return errorType;
    return errorType + ": "_L1 + error;
}

namespace PromParser {

namespace {

// lupdate files these tr() calls under the enclosing namespace: the same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Stackscope::PromParser", text);
}

QString qs(std::string_view view)
{
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

QString stringField(simdjson::dom::object object, std::string_view key)
{
    std::string_view value;
    if (object[key].get_string().get(value) == simdjson::SUCCESS)
        return qs(value);
    return {};
}

/// Parses the envelope; on success `data` is the "data" element.
bool envelope(simdjson::dom::parser &parser, const QByteArray &body, simdjson::dom::element *data,
              PromApiError *apiError, QString *problem, QStringList *warnings = nullptr)
{
    if (body.trimmed().isEmpty()) {
        *problem = tr("the answer was empty");
        return false;
    }
    simdjson::dom::element root;
    const auto error = parser.parse(body.constData(), size_t(body.size()), true).get(root);
    if (error) {
        const char first = body.trimmed().front();
        const bool looksLikeJson = first == '{' || first == '[';
        if (looksLikeJson
            && (error == simdjson::TAPE_ERROR || error == simdjson::UNCLOSED_STRING
                || error == simdjson::INCOMPLETE_ARRAY_OR_OBJECT))
            *problem = tr("the JSON answer stops early (truncated)");
        else
            *problem = tr("the answer is not JSON (%1)")
                           .arg(QString::fromUtf8(simdjson::error_message(error)));
        return false;
    }
    simdjson::dom::object object;
    if (root.get_object().get(object)) {
        *problem = tr("the answer is not a Prometheus API object");
        return false;
    }
    const QString status = stringField(object, "status");
    if (status == "error"_L1) {
        if (apiError) {
            apiError->errorType = stringField(object, "errorType");
            apiError->error = stringField(object, "error");
        }
        *problem = stringField(object, "errorType") + ": "_L1 + stringField(object, "error");
        return false;
    }
    if (status != "success"_L1) {
        *problem = tr("the answer has no \"status\": \"success\"");
        return false;
    }
    simdjson::dom::array warningList;
    if (warnings && !object["warnings"].get_array().get(warningList)) {
        for (auto w : warningList) {
            std::string_view text;
            if (!w.get_string().get(text))
                warnings->append(qs(text));
        }
    }
    if (object["data"].get(*data)) {
        *problem = tr("the answer has no \"data\"");
        return false;
    }
    return true;
}

/// [ <unix seconds>, "<value>" ]
bool samplePair(simdjson::dom::element element, qint64 *timeMs, double *value)
{
    simdjson::dom::array pair;
    if (element.get_array().get(pair))
        return false;
    auto it = pair.begin();
    if (it == pair.end())
        return false;
    double seconds = 0;
    if ((*it).get_double().get(seconds))
        return false;
    ++it;
    if (it == pair.end())
        return false;
    std::string_view text;
    if ((*it).get_string().get(text))
        return false;
    *timeMs = qint64(std::llround(seconds * 1000.0));
    return parseSampleValue(text.data(), qsizetype(text.size()), value);
}

bool labelsOf(simdjson::dom::element element, Labels *labels)
{
    simdjson::dom::object object;
    if (element.get_object().get(object))
        return false;
    for (auto field : object) {
        std::string_view value;
        if (field.value.get_string().get(value))
            return false;
        labels->insert(qs(field.key), qs(value));
    }
    return true;
}

} // namespace

bool parseQuery(const QByteArray &body, QueryResult *result, PromApiError *apiError,
                QString *problem)
{
    simdjson::dom::parser parser;
    simdjson::dom::element data;
    *result = QueryResult();
    if (!envelope(parser, body, &data, apiError, problem, &result->warnings))
        return false;
    std::string_view type;
    if (data["resultType"].get_string().get(type)) {
        *problem = tr("the answer has no resultType");
        return false;
    }
    simdjson::dom::element resultElement;
    if (data["result"].get(resultElement)) {
        *problem = tr("the answer has no result");
        return false;
    }
    const QString bad = tr("a sample is not [time, \"value\"]");
    if (type == "scalar" || type == "string") {
        result->type = type == "scalar" ? QueryResult::Type::Scalar : QueryResult::Type::String;
        Series series;
        simdjson::dom::array pair;
        if (resultElement.get_array().get(pair) || pair.size() != 2) {
            *problem = bad;
            return false;
        }
        double seconds = 0;
        std::string_view text;
        if (pair.at(0).get_double().get(seconds) || pair.at(1).get_string().get(text)) {
            *problem = bad;
            return false;
        }
        double value = std::nan("");
        if (result->type == QueryResult::Type::Scalar
            && !parseSampleValue(text.data(), qsizetype(text.size()), &value)) {
            *problem = bad;
            return false;
        }
        result->text = qs(text);
        series.times.append(qint64(std::llround(seconds * 1000.0)));
        series.values.append(value);
        result->series.append(series);
        return true;
    }
    const bool matrix = type == "matrix";
    if (!matrix && type != "vector") {
        *problem = tr("unknown resultType \"%1\"").arg(qs(type));
        return false;
    }
    result->type = matrix ? QueryResult::Type::Matrix : QueryResult::Type::Vector;
    simdjson::dom::array list;
    if (resultElement.get_array().get(list)) {
        *problem = tr("the result is not a list");
        return false;
    }
    result->series.reserve(qsizetype(list.size()));
    for (auto item : list) {
        simdjson::dom::object object;
        if (item.get_object().get(object)) {
            *problem = tr("a series is not an object");
            return false;
        }
        Series series;
        simdjson::dom::element metric;
        if (!object["metric"].get(metric) && !labelsOf(metric, &series.labels)) {
            *problem = tr("a series' labels are not strings");
            return false;
        }
        if (matrix) {
            simdjson::dom::array values;
            if (!object["values"].get_array().get(values)) {
                const auto n = qsizetype(values.size());
                series.times.resize(n);
                series.values.resize(n);
                qsizetype i = 0;
                for (auto pair : values) {
                    if (!samplePair(pair, &series.times[i], &series.values[i])) {
                        *problem = bad;
                        return false;
                    }
                    ++i;
                }
            }
            simdjson::dom::array histograms;
            if (!object["histograms"].get_array().get(histograms))
                result->histogramSamples += qsizetype(histograms.size());
        } else {
            simdjson::dom::element value;
            if (!object["value"].get(value)) {
                qint64 t = 0;
                double v = 0;
                if (!samplePair(value, &t, &v)) {
                    *problem = bad;
                    return false;
                }
                series.times.append(t);
                series.values.append(v);
            } else if (!object["histogram"].get(value)) {
                ++result->histogramSamples;
            }
        }
        result->series.append(std::move(series));
    }
    return true;
}

bool parseExemplars(const QByteArray &body, QList<Exemplar> *exemplars, PromApiError *apiError,
                    QString *problem)
{
    simdjson::dom::parser parser;
    simdjson::dom::element data;
    exemplars->clear();
    if (!envelope(parser, body, &data, apiError, problem))
        return false;
    simdjson::dom::array list;
    if (data.get_array().get(list)) {
        *problem = tr("the data is not a list");
        return false;
    }
    for (auto item : list) {
        simdjson::dom::object object;
        Labels seriesLabels;
        simdjson::dom::element labels;
        if (item.get_object().get(object) || object["seriesLabels"].get(labels)
            || !labelsOf(labels, &seriesLabels)) {
            *problem = tr("a series of exemplars has no labels");
            return false;
        }
        simdjson::dom::array samples;
        if (object["exemplars"].get_array().get(samples)) {
            *problem = tr("a series of exemplars has no exemplars list");
            return false;
        }
        for (auto sample : samples) {
            Exemplar exemplar;
            exemplar.seriesLabels = seriesLabels;
            simdjson::dom::object e;
            simdjson::dom::element own;
            std::string_view value;
            double seconds = 0;
            if (sample.get_object().get(e) || e["value"].get_string().get(value)
                || !parseSampleValue(value.data(), qsizetype(value.size()), &exemplar.value)
                || e["timestamp"].get_double().get(seconds)) {
                *problem = tr("an exemplar is not {labels, \"value\", timestamp}");
                return false;
            }
            if (!e["labels"].get(own) && !labelsOf(own, &exemplar.labels)) {
                *problem = tr("an exemplar's labels are not strings");
                return false;
            }
            exemplar.timeMs = qint64(std::llround(seconds * 1000.0));
            exemplars->append(std::move(exemplar));
        }
    }
    return true;
}

QDateTime parseTime(const QString &text)
{
    // Qt reads milliseconds; Prometheus writes up to nanoseconds.
    static const QRegularExpression fraction(u"(\\.\\d{3})\\d+"_s);
    QString trimmed = text;
    trimmed.replace(fraction, u"\\1"_s);
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

bool parseTargets(const QByteArray &body, QList<ScrapeTarget> *targets, PromApiError *apiError,
                  QString *problem)
{
    simdjson::dom::parser parser;
    simdjson::dom::element data;
    if (!envelope(parser, body, &data, apiError, problem))
        return false;
    simdjson::dom::array active;
    if (data["activeTargets"].get_array().get(active)) {
        *problem = tr("the answer has no activeTargets list");
        return false;
    }
    targets->clear();
    for (auto item : active) {
        simdjson::dom::object object;
        if (item.get_object().get(object))
            continue;
        ScrapeTarget t;
        simdjson::dom::element labels;
        if (!object["labels"].get(labels))
            labelsOf(labels, &t.labels);
        t.scrapePool = stringField(object, "scrapePool");
        t.scrapeUrl = stringField(object, "scrapeUrl");
        t.job = t.labels.value(u"job"_s, t.scrapePool);
        t.instance = t.labels.value(u"instance"_s, t.scrapeUrl);
        t.health = stringField(object, "health");
        t.lastError = stringField(object, "lastError");
        t.lastScrape = parseTime(stringField(object, "lastScrape"));
        double duration = 0;
        if (!object["lastScrapeDuration"].get_double().get(duration))
            t.lastScrapeDurationSeconds = duration;
        targets->append(t);
    }
    return true;
}

bool parseStringList(const QByteArray &body, QStringList *values, PromApiError *apiError,
                     QString *problem)
{
    simdjson::dom::parser parser;
    simdjson::dom::element data;
    if (!envelope(parser, body, &data, apiError, problem))
        return false;
    simdjson::dom::array list;
    if (data.get_array().get(list)) {
        *problem = tr("the data is not a list");
        return false;
    }
    values->clear();
    for (auto item : list) {
        std::string_view text;
        if (!item.get_string().get(text))
            values->append(qs(text));
    }
    return true;
}

bool parseSeries(const QByteArray &body, QList<Labels> *series, PromApiError *apiError,
                 QString *problem)
{
    simdjson::dom::parser parser;
    simdjson::dom::element data;
    if (!envelope(parser, body, &data, apiError, problem))
        return false;
    simdjson::dom::array list;
    if (data.get_array().get(list)) {
        *problem = tr("the data is not a list");
        return false;
    }
    series->clear();
    for (auto item : list) {
        Labels labels;
        if (labelsOf(item, &labels))
            series->append(labels);
    }
    return true;
}

bool parseBuildInfo(const QByteArray &body, PromBuildInfo *info, PromApiError *apiError,
                    QString *problem)
{
    simdjson::dom::parser parser;
    simdjson::dom::element data;
    if (!envelope(parser, body, &data, apiError, problem))
        return false;
    simdjson::dom::object object;
    if (data.get_object().get(object)) {
        *problem = tr("the data is not an object");
        return false;
    }
    info->version = stringField(object, "version");
    info->revision = stringField(object, "revision");
    info->goVersion = stringField(object, "goVersion");
    return true;
}

bool parseConfig(const QByteArray &body, QString *yaml, PromApiError *apiError, QString *problem)
{
    simdjson::dom::parser parser;
    simdjson::dom::element data;
    if (!envelope(parser, body, &data, apiError, problem))
        return false;
    std::string_view text;
    if (data["yaml"].get_string().get(text)) {
        *problem = tr("the answer has no configuration");
        return false;
    }
    *yaml = qs(text);
    return true;
}

double globalScrapeInterval(const QString &yaml)
{
    // Prometheus prints its configuration normalised: a top-level "global:" block with its
    // keys indented below it.
    bool inGlobal = false;
    const QStringList lines = yaml.split(u'\n');
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        const bool indented = line.front().isSpace();
        if (!indented) {
            inGlobal = line.trimmed() == "global:"_L1;
            continue;
        }
        if (!inGlobal)
            continue;
        const QString entry = line.trimmed();
        if (!entry.startsWith("scrape_interval:"_L1))
            continue;
        QString value = entry.mid(16).trimmed();
        if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\''))
            value = value.mid(1, value.size() - 2);
        const double seconds = QueryTime::parseDuration(value);
        return seconds > 0 ? seconds : -1;
    }
    return -1;
}

bool parseRules(const QByteArray &body, QList<PromRule> *rules, PromApiError *apiError,
                QString *problem)
{
    simdjson::dom::parser parser;
    simdjson::dom::element data;
    if (!envelope(parser, body, &data, apiError, problem))
        return false;
    simdjson::dom::array groups;
    if (data["groups"].get_array().get(groups)) {
        *problem = tr("the answer has no groups list");
        return false;
    }
    rules->clear();
    for (auto group : groups) {
        simdjson::dom::object g;
        if (group.get_object().get(g))
            continue;
        simdjson::dom::array list;
        if (g["rules"].get_array().get(list))
            continue;
        for (auto rule : list) {
            simdjson::dom::object r;
            if (rule.get_object().get(r))
                continue;
            PromRule out;
            out.group = stringField(g, "name");
            out.file = stringField(g, "file");
            out.name = stringField(r, "name");
            out.type = stringField(r, "type");
            out.query = stringField(r, "query");
            out.health = stringField(r, "health");
            out.state = stringField(r, "state");
            rules->append(out);
        }
    }
    return true;
}

PromApiError parseError(const QByteArray &body)
{
    PromApiError error;
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (body.isEmpty() || parser.parse(body.constData(), size_t(body.size()), true).get(root))
        return error;
    simdjson::dom::object object;
    if (root.get_object().get(object))
        return error;
    error.errorType = stringField(object, "errorType");
    error.error = stringField(object, "error");
    return error;
}

} // namespace PromParser

} // namespace Stackscope
