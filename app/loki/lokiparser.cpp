// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/loki/lokiparser.h"

#include "models/common/querystring.h"
#include "models/logs/logtext.h"

#include <QCoreApplication>

#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope::LokiParser {

namespace {

// lupdate files these tr() calls under the enclosing namespace: the same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Stackscope::LokiParser", text);
}

QString toQString(std::string_view view)
{
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

/// Go's strconv.ParseFloat as Loki writes sample values: decimals, exponents, and NaN, Inf,
/// Infinity in any case with an optional sign.
bool parseSampleValue(std::string_view text, double *value)
{
    std::string_view rest = text;
    bool negative = false;
    if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
        negative = rest.front() == '-';
        rest.remove_prefix(1);
    }
    const QByteArray lower = QByteArray(rest.data(), qsizetype(rest.size())).toLower();
    if (lower == "nan") {
        *value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (lower == "inf" || lower == "infinity") {
        *value = negative ? -std::numeric_limits<double>::infinity()
                          : std::numeric_limits<double>::infinity();
        return true;
    }
    bool ok = false;
    *value = QByteArray(text.data(), qsizetype(text.size())).toDouble(&ok);
    return ok;
}

bool parseNanoseconds(std::string_view text, qint64 *ns)
{
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, *ns);
    return ec == std::errc() && ptr == end;
}

bool labelPairs(simdjson::dom::element element, QList<std::pair<QString, QString>> *labels)
{
    simdjson::dom::object object;
    if (element.get_object().get(object) != simdjson::SUCCESS)
        return false;
    for (auto field : object) {
        std::string_view value;
        if (field.value.get_string().get(value) != simdjson::SUCCESS)
            return false;
        labels->append({toQString(field.key), toQString(value)});
    }
    std::sort(labels->begin(), labels->end());
    return true;
}

/// Checks `status`, collects `warnings`, and hands back `data`.
bool envelope(simdjson::dom::parser &parser, const QByteArray &body, simdjson::dom::element *data,
              bool *hasData, QStringList *warnings, QString *problem)
{
    simdjson::dom::element root;
    if (parser.parse(body.constData(), size_t(body.size())).get(root) != simdjson::SUCCESS
        || !root.is_object()) {
        *problem = tr("the answer is not JSON");
        return false;
    }
    std::string_view status;
    if (root["status"].get_string().get(status) != simdjson::SUCCESS || status != "success") {
        *problem = status == "error" ? tr("Loki answered with an error")
                                     : tr("the answer is JSON, but not the Loki API");
        return false;
    }
    simdjson::dom::array list;
    if (warnings && root["warnings"].get_array().get(list) == simdjson::SUCCESS) {
        for (auto w : list) {
            std::string_view text;
            if (w.get_string().get(text) == simdjson::SUCCESS)
                warnings->append(toQString(text));
        }
    }
    *hasData = root["data"].get(*data) == simdjson::SUCCESS && !data->is_null();
    return true;
}

bool readSample(simdjson::dom::element pair, Series *series)
{
    simdjson::dom::array sample;
    if (pair.get_array().get(sample) != simdjson::SUCCESS || sample.size() != 2)
        return false;
    double seconds = 0;
    if (sample.at(0).get_double().get(seconds) != simdjson::SUCCESS) {
        int64_t whole = 0;
        if (sample.at(0).get_int64().get(whole) != simdjson::SUCCESS)
            return false;
        seconds = double(whole);
    }
    std::string_view text;
    double value = 0;
    if (sample.at(1).get_string().get(text) != simdjson::SUCCESS || !parseSampleValue(text, &value))
        return false;
    series->times.append(qint64(std::llround(seconds * 1000.0)));
    series->values.append(value);
    return true;
}

bool readMetricResult(simdjson::dom::array result, bool vector, LokiResult *out, QString *problem)
{
    out->type = vector ? LokiResult::Type::Vector : LokiResult::Type::Matrix;
    out->series.type = vector ? QueryResult::Type::Vector : QueryResult::Type::Matrix;
    for (auto item : result) {
        Series series;
        QList<std::pair<QString, QString>> labels;
        simdjson::dom::element metric;
        if (item["metric"].get(metric) != simdjson::SUCCESS || !labelPairs(metric, &labels)) {
            *problem = tr("a series without its labels");
            return false;
        }
        for (const auto &[name, value] : labels)
            series.labels.insert(name, value);
        if (vector) {
            simdjson::dom::element sample;
            if (item["value"].get(sample) != simdjson::SUCCESS || !readSample(sample, &series)) {
                *problem = tr("a sample that is not [time, \"value\"]");
                return false;
            }
        } else {
            simdjson::dom::array values;
            if (item["values"].get_array().get(values) != simdjson::SUCCESS) {
                *problem = tr("a series without values");
                return false;
            }
            series.times.reserve(qsizetype(values.size()));
            series.values.reserve(qsizetype(values.size()));
            for (auto pair : values) {
                if (!readSample(pair, &series)) {
                    *problem = tr("a sample that is not [time, \"value\"]");
                    return false;
                }
            }
        }
        out->series.series.append(std::move(series));
    }
    return true;
}

bool readStreams(simdjson::dom::array result, LokiResult *out, QString *problem)
{
    out->type = LokiResult::Type::Streams;
    for (auto item : result) {
        LogSource source;
        simdjson::dom::element stream;
        if (item["stream"].get(stream) != simdjson::SUCCESS
            || !labelPairs(stream, &source.labels)) {
            *problem = tr("a stream without its labels");
            return false;
        }
        source.name = labelsText(source.labels);
        const LogLevel level = levelFromLabels(source.labels);
        const int index = int(out->sources.size());
        out->sources.append(std::move(source));
        simdjson::dom::array values;
        if (item["values"].get_array().get(values) != simdjson::SUCCESS) {
            *problem = tr("a stream without values");
            return false;
        }
        for (auto value : values) {
            simdjson::dom::array entry;
            std::string_view time;
            std::string_view line;
            if (value.get_array().get(entry) != simdjson::SUCCESS || entry.size() < 2
                || entry.at(0).get_string().get(time) != simdjson::SUCCESS
                || entry.at(1).get_string().get(line) != simdjson::SUCCESS) {
                *problem = tr("a log line that is not [\"nanoseconds\", \"line\"]");
                return false;
            }
            LogEntry e;
            if (!parseNanoseconds(time, &e.timeNs)) {
                *problem = tr("a log line whose time is not a count of nanoseconds");
                return false;
            }
            e.text = toQString(line);
            e.source = index;
            e.level = level;
            out->entries.append(std::move(e));
        }
    }
    return true;
}

void readStats(simdjson::dom::element data, LokiStats *stats)
{
    simdjson::dom::object summary;
    if (data["stats"]["summary"].get_object().get(summary) != simdjson::SUCCESS)
        return;
    int64_t n = 0;
    if (summary["totalBytesProcessed"].get_int64().get(n) == simdjson::SUCCESS)
        stats->totalBytesProcessed = n;
    if (summary["totalLinesProcessed"].get_int64().get(n) == simdjson::SUCCESS)
        stats->totalLinesProcessed = n;
    double seconds = 0;
    if (summary["execTime"].get_double().get(seconds) == simdjson::SUCCESS)
        stats->execTimeSeconds = seconds;
}

} // namespace

bool parseQuery(const QByteArray &body, LokiResult *result, QString *problem)
{
    *result = {};
    simdjson::dom::parser parser;
    simdjson::dom::element data;
    bool hasData = false;
    if (!envelope(parser, body, &data, &hasData, &result->warnings, problem))
        return false;
    std::string_view type;
    simdjson::dom::array list;
    if (!hasData || !data.is_object()
        || data["resultType"].get_string().get(type) != simdjson::SUCCESS
        || data["result"].get_array().get(list) != simdjson::SUCCESS) {
        *problem = tr("the answer has no result");
        return false;
    }
    result->series.warnings = result->warnings;
    readStats(data, &result->stats);
    if (type == "streams")
        return readStreams(list, result, problem);
    if (type == "matrix" || type == "vector")
        return readMetricResult(list, type == "vector", result, problem);
    *problem = tr("an unknown result type \"%1\"").arg(toQString(type));
    return false;
}

bool parseStringList(const QByteArray &body, QStringList *values, QString *problem)
{
    values->clear();
    simdjson::dom::parser parser;
    simdjson::dom::element data;
    bool hasData = false;
    if (!envelope(parser, body, &data, &hasData, nullptr, problem))
        return false;
    if (!hasData)
        return true;
    simdjson::dom::array list;
    if (data.get_array().get(list) != simdjson::SUCCESS) {
        *problem = tr("the answer's data is not a list");
        return false;
    }
    for (auto item : list) {
        std::string_view text;
        if (item.get_string().get(text) != simdjson::SUCCESS) {
            *problem = tr("the list holds something other than names");
            return false;
        }
        values->append(toQString(text));
    }
    return true;
}

LogLevel levelFromLabels(const QList<std::pair<QString, QString>> &labels)
{
    // The one level vocabulary (LogText), so that the volume chart's bars and the lines' colours
    // agree.
    for (const auto &[name, value] : labels) {
        if (name != "level"_L1 && name != "severity"_L1 && name != "detected_level"_L1
            && name != "lvl"_L1)
            continue;
        return LogText::levelFromWord(value);
    }
    return LogLevel::Unknown;
}

QString labelsText(const QList<std::pair<QString, QString>> &labels)
{
    QString text = u"{"_s;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (i)
            text += u", "_s;
        text += labels.at(i).first + u'=' + queryStringLiteral(labels.at(i).second);
    }
    return text + u'}';
}

} // namespace Stackscope::LokiParser
