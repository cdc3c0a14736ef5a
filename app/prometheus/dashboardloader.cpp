// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/prometheus/dashboardloader.h"
#include "app/prometheus/grafanastyle.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope::DashboardLoader {

namespace {

// lupdate files these tr() calls under the enclosing namespace: the same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Stackscope::DashboardLoader", text);
}

Panel::Type panelType(const QString &type)
{
    if (type == "graph"_L1 || type == "timeseries"_L1)
        return Panel::Type::TimeSeries;
    if (type == "stat"_L1 || type == "singlestat"_L1)
        return Panel::Type::Stat;
    if (type == "gauge"_L1 || type == "bargauge"_L1)
        return Panel::Type::Gauge;
    if (type == "table"_L1 || type == "table-old"_L1)
        return Panel::Type::Table;
    if (type == "row"_L1)
        return Panel::Type::Row;
    return Panel::Type::Unsupported;
}

std::optional<double> optionalNumber(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

QString queryText(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject().value("query"_L1).toString();
    return value.toString();
}

Panel grafanaPanel(const QJsonObject &object, QStringList *warnings)
{
    Panel panel;
    panel.sourceType = object.value("type"_L1).toString();
    panel.type = panelType(panel.sourceType);
    panel.title = object.value("title"_L1).toString();
    panel.collapsed = object.value("collapsed"_L1).toBool();
    panel.interval = object.value("interval"_L1).toString();
    panel.style = grafanaPanelStyle(object);
    const QJsonObject grid = object.value("gridPos"_L1).toObject();
    if (!grid.isEmpty())
        panel.grid = {grid.value("x"_L1).toInt(), grid.value("y"_L1).toInt(),
                      grid.value("w"_L1).toInt(12), grid.value("h"_L1).toInt(8)};
    const QJsonArray targets = object.value("targets"_L1).toArray();
    for (const QJsonValue &t : targets) {
        const QJsonObject target = t.toObject();
        if (target.value("hide"_L1).toBool())
            continue;
        PanelQuery query;
        query.expr = target.value("expr"_L1).toString();
        query.legendFormat = target.value("legendFormat"_L1).toString();
        query.refId = target.value("refId"_L1).toString();
        query.instant = target.value("instant"_L1).toBool()
                        || target.value("format"_L1).toString() == "table"_L1;
        if (query.expr.isEmpty()) {
            *warnings << tr("panel \"%1\": a query without a PromQL expression was skipped")
                             .arg(panel.title);
            continue;
        }
        panel.queries.append(query);
    }
    const QJsonObject defaults
        = object.value("fieldConfig"_L1).toObject().value("defaults"_L1).toObject();
    panel.unit = defaults.value("unit"_L1).toString();
    if (panel.unit.isEmpty()) {
        panel.unit = object.value("format"_L1).toString();           // singlestat
        const QJsonArray yaxes = object.value("yaxes"_L1).toArray(); // old graph
        if (panel.unit.isEmpty() && !yaxes.isEmpty())
            panel.unit = yaxes.first().toObject().value("format"_L1).toString();
    }
    panel.min = optionalNumber(defaults.value("min"_L1));
    panel.max = optionalNumber(defaults.value("max"_L1));
    if (!panel.min && object.contains("minValue"_L1))
        panel.min = optionalNumber(object.value("minValue"_L1));
    if (!panel.max && object.contains("maxValue"_L1))
        panel.max = optionalNumber(object.value("maxValue"_L1));
    if (defaults.contains("decimals"_L1))
        panel.decimals = defaults.value("decimals"_L1).toInt(-1);
    const QJsonArray steps = defaults.value("thresholds"_L1).toObject().value("steps"_L1).toArray();
    for (const QJsonValue &s : steps) {
        const QJsonObject step = s.toObject();
        Threshold threshold;
        threshold.value = optionalNumber(step.value("value"_L1))
                              .value_or(-std::numeric_limits<double>::infinity());
        threshold.color = grafanaColor(step.value("color"_L1).toString());
        panel.thresholds.append(threshold);
    }
    // singlestat: "thresholds": "50,80" with three colours.
    if (panel.thresholds.isEmpty() && object.value("thresholds"_L1).isString()) {
        const QStringList values = object.value("thresholds"_L1).toString().split(u',');
        const QJsonArray colors = object.value("colors"_L1).toArray();
        Threshold base{-std::numeric_limits<double>::infinity(),
                       grafanaColor(colors.at(0).toString(u"green"_s))};
        panel.thresholds.append(base);
        for (qsizetype i = 0; i < values.size(); ++i) {
            bool ok = false;
            const double v = values.at(i).trimmed().toDouble(&ok);
            if (ok)
                panel.thresholds.append(
                    {v, grafanaColor(colors.at(i + 1).toString(i ? u"red"_s : u"orange"_s))});
        }
    }
    if (panel.type == Panel::Type::Unsupported)
        *warnings << tr("panel \"%1\": type \"%2\" is shown as a placeholder")
                         .arg(panel.title, panel.sourceType);
    return panel;
}

DashboardVariable grafanaVariable(const QJsonObject &object, QStringList *warnings)
{
    DashboardVariable v;
    v.name = object.value("name"_L1).toString();
    v.label = object.value("label"_L1).toString();
    const QString type = object.value("type"_L1).toString();
    v.kind = type == "query"_L1      ? DashboardVariable::Kind::Query
             : type == "custom"_L1   ? DashboardVariable::Kind::Custom
             : type == "interval"_L1 ? DashboardVariable::Kind::Interval
             : type == "constant"_L1 ? DashboardVariable::Kind::Constant
             : type == "textbox"_L1  ? DashboardVariable::Kind::TextBox
                                     : DashboardVariable::Kind::Unsupported;
    v.query = queryText(object.value("query"_L1));
    if (v.query.isEmpty())
        v.query = queryText(object.value("definition"_L1));
    v.regex = object.value("regex"_L1).toString();
    v.allValue = object.value("allValue"_L1).toString();
    v.includeAll = object.value("includeAll"_L1).toBool();
    v.multi = object.value("multi"_L1).toBool();
    const QJsonArray options = object.value("options"_L1).toArray();
    for (const QJsonValue &o : options) {
        const QString value = o.toObject().value("value"_L1).toString();
        if (!value.isEmpty() && value != "$__all"_L1 && !v.options.contains(value))
            v.options << value;
    }
    if (v.options.isEmpty()
        && (v.kind == DashboardVariable::Kind::Custom || v.kind == DashboardVariable::Kind::Interval
            || v.kind == DashboardVariable::Kind::Constant
            || v.kind == DashboardVariable::Kind::TextBox)) {
        for (const QString &part : v.query.split(u',', Qt::SkipEmptyParts))
            v.options << part.trimmed();
    }
    const QJsonValue current = object.value("current"_L1).toObject().value("value"_L1);
    const QJsonArray values = current.isArray() ? current.toArray() : QJsonArray{current};
    for (const QJsonValue &value : values) {
        const QString text = value.toString();
        if (text.isEmpty() || v.current.contains(text))
            continue;
        if (text == "$__all"_L1 && !v.includeAll)
            continue;
        v.current << text;
    }
    if (v.current.contains(u"$__all"_s))
        v.current = QStringList{u"$__all"_s};
    if (!v.multi && v.current.size() > 1)
        v.current = v.current.mid(0, 1);
    if (v.current.isEmpty() && !v.options.isEmpty())
        v.current = QStringList{v.options.first()};
    if (v.kind == DashboardVariable::Kind::Unsupported)
        *warnings << tr("variable \"%1\": type \"%2\" is not supported").arg(v.name, type);
    return v;
}

} // namespace

QString safeUid(const QString &uid, const QString &title)
{
    // A loop, not QRegularExpression: a regular expression does not match at all on invalid
    // UTF-16 (a lone surrogate from "\ud800" in the JSON), which let '/' and ".." through.
    const auto clean = [](const QString &text) {
        QString out;
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
                || u == '_')
                out += c;
            else if (!out.endsWith(u'-')) // '-' and every run of anything else: one '-'
                out += u'-';
        }
        while (out.startsWith(u'-'))
            out.remove(0, 1);
        while (out.endsWith(u'-'))
            out.chop(1);
        return out;
    };
    QString out = clean(uid);
    if (out.isEmpty())
        out = clean(title.toLower());
    return out.isEmpty() ? u"dashboard"_s : out.left(80);
}

bool fromGrafanaJson(const QByteArray &json, Dashboard *dashboard, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (document.isNull()) {
        *error
            = tr("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return false;
    }
    QJsonObject root = document.object();
    if (root.value("dashboard"_L1).isObject())
        root = root.value("dashboard"_L1).toObject();
    if (!root.contains("panels"_L1) && !root.contains("rows"_L1)) {
        *error = tr("not a Grafana dashboard: it has neither \"panels\" nor \"rows\"");
        return false;
    }
    Dashboard out;
    out.title = root.value("title"_L1).toString(tr("Untitled dashboard"));
    out.uid = safeUid(root.value("uid"_L1).toString(), out.title);
    out.refresh = root.value("refresh"_L1).toString();

    // Panels without gridPos are laid out two per row of the 24-column grid.
    int autoIndex = 0;
    int nextY = 0;
    auto place = [&](Panel &panel, bool hadGrid) {
        if (!hadGrid) {
            panel.grid = {(autoIndex % 2) * 12, (autoIndex / 2) * 8 + nextY, 12, 8};
            ++autoIndex;
        }
        out.panels.append(panel);
    };
    const QJsonArray panels = root.value("panels"_L1).toArray();
    for (const QJsonValue &value : panels) {
        const QJsonObject object = value.toObject();
        Panel panel = grafanaPanel(object, &out.warnings);
        place(panel, object.contains("gridPos"_L1));
        // A collapsed row keeps its panels inside it.
        for (const QJsonValue &nested : object.value("panels"_L1).toArray()) {
            const QJsonObject nestedObject = nested.toObject();
            Panel child = grafanaPanel(nestedObject, &out.warnings);
            place(child, nestedObject.contains("gridPos"_L1));
        }
    }
    // The pre-5.0 schema: "rows" each with "panels" and a height.
    const QJsonArray rows = root.value("rows"_L1).toArray();
    for (const QJsonValue &r : rows) {
        const QJsonObject row = r.toObject();
        Panel header;
        header.type = Panel::Type::Row;
        header.sourceType = u"row"_s;
        header.title = row.value("title"_L1).toString();
        header.collapsed = row.value("collapse"_L1).toBool();
        header.grid = {0, nextY, 24, 1};
        out.panels.append(header);
        ++nextY;
        int x = 0;
        for (const QJsonValue &p : row.value("panels"_L1).toArray()) {
            const QJsonObject object = p.toObject();
            Panel panel = grafanaPanel(object, &out.warnings);
            const int span = std::clamp(object.value("span"_L1).toInt(6), 1, 12);
            panel.grid = {x, nextY, span * 2, 8};
            x += span * 2;
            out.panels.append(panel);
        }
        nextY += 8;
    }
    for (const QJsonValue &v : root.value("templating"_L1).toObject().value("list"_L1).toArray())
        out.variables.append(grafanaVariable(v.toObject(), &out.warnings));
    *dashboard = out;
    return true;
}

namespace {

QString yamlString(const YAML::Node &node, const char *key, const QString &fallback = {})
{
    const YAML::Node child = node[key];
    if (!child || !child.IsScalar())
        return fallback;
    return QString::fromStdString(child.Scalar());
}

QString where(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    return tr("line %1, column %2").arg(mark.line + 1).arg(mark.column + 1);
}

} // namespace

bool fromYaml(const QByteArray &yaml, Dashboard *dashboard, QString *error)
{
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        *error = tr("line %1, column %2: %3")
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(QString::fromStdString(e.msg));
        return false;
    }
    if (!root.IsMap()) {
        *error = tr("a dashboard file is a mapping with title and panels");
        return false;
    }
    try {
        Dashboard out;
        out.title = yamlString(root, "title", tr("Untitled dashboard"));
        out.uid = safeUid(yamlString(root, "uid"), out.title);
        const YAML::Node panels = root["panels"];
        if (!panels || !panels.IsSequence()) {
            *error = where(root) + u": "_s + tr("\"panels\" must be a list");
            return false;
        }
        int index = 0;
        for (const YAML::Node &p : panels) {
            if (!p.IsMap()) {
                *error = where(p) + u": "_s + tr("a panel is a mapping");
                return false;
            }
            Panel panel;
            panel.sourceType = yamlString(p, "type", u"timeseries"_s);
            panel.type = panelType(panel.sourceType);
            panel.title = yamlString(p, "title");
            panel.unit = yamlString(p, "unit");
            panel.interval = yamlString(p, "interval");
            if (p["min"])
                panel.min = p["min"].as<double>();
            if (p["max"])
                panel.max = p["max"].as<double>();
            if (p["decimals"])
                panel.decimals = p["decimals"].as<int>();
            const QString legend = yamlString(p, "legend");
            if (p["expr"])
                panel.queries.append({yamlString(p, "expr"), legend, u"A"_s, false});
            if (const YAML::Node queries = p["queries"]; queries && queries.IsSequence()) {
                for (const YAML::Node &q : queries) {
                    PanelQuery query;
                    query.expr = yamlString(q, "expr");
                    query.legendFormat = yamlString(q, "legend", legend);
                    query.instant = q["instant"] && q["instant"].as<bool>();
                    panel.queries.append(query);
                }
            }
            if (panel.type != Panel::Type::Row && panel.type != Panel::Type::Unsupported
                && panel.queries.isEmpty()) {
                *error = where(p) + u": "_s
                         + tr("panel \"%1\" has no expr or queries").arg(panel.title);
                return false;
            }
            if (const YAML::Node thresholds = p["thresholds"];
                thresholds && thresholds.IsSequence()) {
                for (const YAML::Node &t : thresholds) {
                    Threshold threshold;
                    threshold.value = t["value"] ? t["value"].as<double>()
                                                 : -std::numeric_limits<double>::infinity();
                    threshold.color = grafanaColor(yamlString(t, "color", u"green"_s));
                    panel.thresholds.append(threshold);
                }
            }
            if (const YAML::Node grid = p["grid"]; grid && grid.IsMap()) {
                panel.grid
                    = {grid["x"] ? grid["x"].as<int>() : 0, grid["y"] ? grid["y"].as<int>() : 0,
                       grid["w"] ? grid["w"].as<int>() : 12, grid["h"] ? grid["h"].as<int>() : 8};
            } else {
                panel.grid = {(index % 2) * 12, (index / 2) * 8, 12, 8};
            }
            if (panel.type == Panel::Type::Unsupported)
                out.warnings << tr("panel \"%1\": type \"%2\" is shown as a placeholder")
                                    .arg(panel.title, panel.sourceType);
            out.panels.append(panel);
            ++index;
        }
        if (const YAML::Node variables = root["variables"]; variables && variables.IsSequence()) {
            for (const YAML::Node &v : variables) {
                DashboardVariable variable;
                variable.name = yamlString(v, "name");
                const QString type = yamlString(v, "type", u"custom"_s);
                variable.kind = type == "query"_L1      ? DashboardVariable::Kind::Query
                                : type == "interval"_L1 ? DashboardVariable::Kind::Interval
                                                        : DashboardVariable::Kind::Custom;
                variable.query = yamlString(v, "query");
                if (const YAML::Node options = v["options"]; options && options.IsSequence()) {
                    for (const YAML::Node &o : options)
                        variable.options << QString::fromStdString(o.as<std::string>());
                }
                variable.regex = yamlString(v, "regex");
                variable.allValue = yamlString(v, "all_value");
                variable.includeAll = v["include_all"] && v["include_all"].as<bool>();
                variable.multi = v["multi"] && v["multi"].as<bool>();
                if (const YAML::Node d = v["default"]; d && d.IsSequence()) {
                    for (const YAML::Node &value : d)
                        variable.current << QString::fromStdString(value.as<std::string>());
                } else {
                    const QString value = yamlString(v, "default", variable.options.value(0));
                    if (!value.isEmpty())
                        variable.current << value;
                }
                out.variables.append(variable);
            }
        }
        *dashboard = out;
        return true;
    } catch (const YAML::Exception &e) {
        *error = tr("line %1, column %2: %3")
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(QString::fromStdString(e.msg));
        return false;
    }
}

bool fromFile(const QString &path, Dashboard *dashboard, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray data = file.readAll();
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool ok = (suffix == "yaml"_L1 || suffix == "yml"_L1)
                        ? fromYaml(data, dashboard, error)
                        : fromGrafanaJson(data, dashboard, error);
    if (ok)
        dashboard->source = QFileInfo(path).absoluteFilePath();
    return ok;
}

QByteArray extractJsonBlock(const QString &markdown, const QString &mustContain)
{
    static const QRegularExpression block(u"```json\\s*\\n(.*?)\\n```"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    auto it = block.globalMatch(markdown);
    while (it.hasNext()) {
        const QString body = it.next().captured(1);
        if (mustContain.isEmpty() || body.contains(mustContain))
            return body.toUtf8();
    }
    return {};
}

} // namespace Stackscope::DashboardLoader
