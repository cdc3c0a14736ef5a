// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/prometheus/dashboardloader.h"
#include "app/prometheus/grafanabuckets.h"
#include "app/prometheus/grafanafields.h"
#include "app/prometheus/grafanastyle.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <functional>

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
    if (type == "gauge"_L1)
        return Panel::Type::Gauge;
    if (type == "bargauge"_L1)
        return Panel::Type::BarGauge;
    if (type == "piechart"_L1 || type == "grafana-piechart-panel"_L1)
        return Panel::Type::PieChart;
    if (type == "state-timeline"_L1)
        return Panel::Type::StateTimeline;
    if (type == "status-history"_L1)
        return Panel::Type::StatusHistory;
    if (type == "heatmap"_L1)
        return Panel::Type::Heatmap;
    if (type == "histogram"_L1)
        return Panel::Type::Histogram;
    if (type == "table"_L1 || type == "table-old"_L1)
        return Panel::Type::Table;
    if (type == "row"_L1)
        return Panel::Type::Row;
    if (type == "text"_L1)
        return Panel::Type::Text;
    if (type == "logs"_L1)
        return Panel::Type::Logs;
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

/// The datasources a dashboard names through variables: `__inputs` (${DS_…}) and datasource
/// template variables, by name, with their plugin type ("prometheus", "loki").
struct Datasources
{
    QHash<QString, QString> typeByName;
};

Datasources readDatasources(const QJsonObject &root)
{
    Datasources out;
    for (const QJsonValue &v : root.value("__inputs"_L1).toArray()) {
        const QJsonObject input = v.toObject();
        if (input.value("type"_L1).toString() == "datasource"_L1)
            out.typeByName.insert(input.value("name"_L1).toString(),
                                  input.value("pluginId"_L1).toString().toLower());
    }
    for (const QJsonValue &v : root.value("templating"_L1).toObject().value("list"_L1).toArray()) {
        const QJsonObject variable = v.toObject();
        if (variable.value("type"_L1).toString() == "datasource"_L1)
            out.typeByName.insert(variable.value("name"_L1).toString(),
                                  queryText(variable.value("query"_L1)).toLower());
    }
    return out;
}

/// The type of the datasource a panel or query names, empty for Prometheus (or the default,
/// or one we cannot tell: those are tried as Prometheus). "mixed" for Grafana's "-- Mixed --".
QString datasourceType(const QJsonValue &value, const Datasources &datasources)
{
    QString name;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QString type = object.value("type"_L1).toString().toLower();
        const QString uid = object.value("uid"_L1).toString();
        if (type
            == "datasource"_L1) // Grafana's own: "-- Grafana --", "-- Mixed --", "-- Dashboard --"
            name = uid == "-- Mixed --"_L1 ? u"-- mixed --"_s : u"-- grafana --"_s;
        else if (!type.isEmpty())
            return type == "prometheus"_L1 ? QString() : type;
        else
            name = uid;
    } else {
        name = value.toString();
    }
    name = name.trimmed();
    if (name.startsWith(u'$')) {
        QString variable = name.mid(1);
        if (variable.startsWith(u'{') && variable.endsWith(u'}'))
            variable = variable.mid(1, variable.size() - 2).section(u':', 0, 0);
        const QString type = datasources.typeByName.value(variable);
        return type == "prometheus"_L1 ? QString() : type;
    }
    const QString lower = name.toLower();
    if (lower == "-- mixed --"_L1)
        return u"mixed"_s;
    if (lower == "-- grafana --"_L1 || lower == "grafana"_L1)
        return u"grafana"_s;
    if (lower == "-- dashboard --"_L1)
        return u"dashboard"_s;
    // A datasource by its name: only a name that is a known other type says so.
    static const QStringList others
        = {u"loki"_s,     u"elasticsearch"_s, u"influxdb"_s,   u"graphite"_s, u"mysql"_s,
           u"postgres"_s, u"tempo"_s,         u"jaeger"_s,     u"zipkin"_s,   u"cloudwatch"_s,
           u"testdata"_s, u"opentsdb"_s,      u"stackdriver"_s};
    return others.contains(lower) ? lower : QString();
}

Panel grafanaPanel(const QJsonObject &object, const Datasources &datasources, QStringList *warnings)
{
    Panel panel;
    panel.sourceType = object.value("type"_L1).toString();
    panel.type = panelType(panel.sourceType);
    panel.title = object.value("title"_L1).toString();
    panel.collapsed = object.value("collapsed"_L1).toBool();
    panel.interval = object.value("interval"_L1).toString();
    panel.style = grafanaPanelStyle(object);
    panel.repeat = object.value("repeat"_L1).toString();
    panel.repeatVertical = object.value("repeatDirection"_L1).toString() == "v"_L1;
    panel.maxPerRow = object.value("maxPerRow"_L1).toInt();
    panel.axisRules = grafanaAxisRules(object);
    panel.timeFrom = object.value("timeFrom"_L1).toString();
    panel.timeShift = object.value("timeShift"_L1).toString();
    panel.links = grafanaLinks(object.value("links"_L1).toArray());
    if (panel.type == Panel::Type::BarGauge) {
        const QJsonObject options = object.value("options"_L1).toObject();
        panel.barMode = options.value("displayMode"_L1).toString(panel.barMode);
        panel.orientation = options.value("orientation"_L1).toString(panel.orientation);
        panel.showUnfilled = options.value("showUnfilled"_L1).toBool(panel.showUnfilled);
    }
    if (panel.type == Panel::Type::PieChart) {
        // Grafana 8's piechart keeps it in options; the old plugin at the top level.
        panel.pieType = object.value("options"_L1)
                            .toObject()
                            .value("pieType"_L1)
                            .toString(object.value("pieType"_L1).toString(panel.pieType));
    }
    if (panel.type == Panel::Type::StateTimeline)
        panel.mergeValues
            = object.value("options"_L1).toObject().value("mergeValues"_L1).toBool(true);
    if (panel.type == Panel::Type::Text) {
        // Grafana 7 and later keep it in options; older dashboards at the top level.
        const QJsonObject options = object.value("options"_L1).toObject();
        panel.content = options.value("content"_L1).toString(object.value("content"_L1).toString());
        panel.contentMode = options.value("mode"_L1).toString(object.value("mode"_L1).toString());
        if (panel.contentMode.isEmpty())
            panel.contentMode = u"markdown"_s;
    }
    const QJsonObject grid = object.value("gridPos"_L1).toObject();
    if (!grid.isEmpty())
        panel.grid = {grid.value("x"_L1).toInt(), grid.value("y"_L1).toInt(),
                      grid.value("w"_L1).toInt(12), grid.value("h"_L1).toInt(8)};
    const QString panelSource = panel.type == Panel::Type::Row
                                    ? QString()
                                    : datasourceType(object.value("datasource"_L1), datasources);
    QString foreign;
    const QJsonArray targets = object.value("targets"_L1).toArray();
    for (const QJsonValue &t : targets) {
        const QJsonObject target = t.toObject();
        if (target.value("hide"_L1).toBool())
            continue;
        // A query of another datasource (its own, or the panel's) has no PromQL to run.
        QString source = target.contains("datasource"_L1)
                             ? datasourceType(target.value("datasource"_L1), datasources)
                             : panelSource;
        if (source == "mixed"_L1)
            source = panelSource == "mixed"_L1 ? QString() : panelSource;
        // Loki is queried (LogQL); a datasource Stackscope cannot query is said on the panel.
        if (!source.isEmpty() && source != "mixed"_L1 && source != "loki"_L1) {
            foreign = source;
            continue;
        }
        PanelQuery query;
        if (source == "loki"_L1)
            query.datasource = source;
        query.expr = target.value("expr"_L1).toString();
        query.legendFormat = target.value("legendFormat"_L1).toString();
        query.refId = target.value("refId"_L1).toString();
        query.instant = target.value("instant"_L1).toBool()
                        || target.value("format"_L1).toString() == "table"_L1;
        query.heatmap = target.value("format"_L1).toString() == "heatmap"_L1;
        query.exemplar = target.value("exemplar"_L1).toBool();
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
    if (panel.type == Panel::Type::Heatmap)
        panel.heatmap = grafanaHeatmapOptions(object, panel.unit);
    if (panel.type == Panel::Type::Histogram)
        panel.histogram = grafanaHistogramOptions(object);
    panel.min = optionalNumber(defaults.value("min"_L1));
    panel.max = optionalNumber(defaults.value("max"_L1));
    if (!panel.min && object.contains("minValue"_L1))
        panel.min = optionalNumber(object.value("minValue"_L1));
    if (!panel.max && object.contains("maxValue"_L1))
        panel.max = optionalNumber(object.value("maxValue"_L1));
    if (defaults.contains("decimals"_L1))
        panel.decimals = defaults.value("decimals"_L1).toInt(-1);
    else if (object.value("decimals"_L1).isDouble()) // singlestat, graph
        panel.decimals = object.value("decimals"_L1).toInt(-1);
    panel.fields = grafanaFieldConfig(object);
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
    if (panel.queries.isEmpty() && panel.type != Panel::Type::Row) {
        if (foreign.isEmpty() && panelSource != "mixed"_L1 && panelSource != "grafana"_L1
            && panelSource != "dashboard"_L1)
            foreign = panelSource;
        if (!foreign.isEmpty()) {
            panel.foreignDatasource = foreign;
            *warnings << tr("panel \"%1\": its datasource is %2, not Prometheus")
                             .arg(panel.title, foreign);
            return panel;
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
    if (type == "datasource"_L1) {
        // It names the datasource of the panels: here always the configured Prometheus (a
        // datasource of another type is named on the panels that use it). Not shown.
        v.kind = DashboardVariable::Kind::Constant;
        v.options = QStringList{u"Prometheus"_s};
        v.current = v.options;
        return v;
    }
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
    v.refreshOnTimeRange = object.value("refresh"_L1).toInt() == 2;
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
    const QJsonObject time = root.value("time"_L1).toObject();
    out.timeFrom = time.value("from"_L1).toString();
    out.timeTo = time.value("to"_L1).toString();
    for (const QJsonValue &tag : root.value("tags"_L1).toArray())
        out.tags << tag.toString();
    out.links = grafanaLinks(root.value("links"_L1).toArray());

    const Datasources datasources = readDatasources(root);

    // Panels without gridPos are laid out two per row of the 24-column grid.
    int autoIndex = 0;
    auto read = [&](const QJsonObject &object) {
        Panel panel = grafanaPanel(object, datasources, &out.warnings);
        if (!object.contains("gridPos"_L1)) {
            panel.grid = {(autoIndex % 2) * 12, (autoIndex / 2) * 8, 12, 8};
            ++autoIndex;
        }
        return panel;
    };
    // A collapsed row keeps its panels inside it, rows too (Grafana brings them out when the row
    // opens): they follow it, in their stored order, a row among them marked as nested.
    std::function<void(const QJsonObject &, bool)> append
        = [&](const QJsonObject &object, bool nested) {
              Panel panel = read(object);
              panel.nested = nested && panel.type == Panel::Type::Row;
              out.panels.append(panel);
              for (const QJsonValue &child : object.value("panels"_L1).toArray())
                  append(child.toObject(), true);
          };
    // Grafana sorts the top-level panels by position when it loads a dashboard; a row owns the
    // panels that follow it in that order.
    // (One without gridPos stays after the one before it.)
    struct Top
    {
        int y = 0;
        int x = 0;
        QJsonObject object;
    };
    QList<Top> top;
    for (const QJsonValue &value : root.value("panels"_L1).toArray()) {
        Top entry{top.isEmpty() ? 0 : top.constLast().y, top.isEmpty() ? 0 : top.constLast().x,
                  value.toObject()};
        const QJsonObject grid = entry.object.value("gridPos"_L1).toObject();
        if (!grid.isEmpty()) {
            entry.y = grid.value("y"_L1).toInt();
            entry.x = grid.value("x"_L1).toInt();
        }
        top.append(entry);
    }
    std::stable_sort(top.begin(), top.end(),
                     [](const Top &a, const Top &b) { return a.y != b.y ? a.y < b.y : a.x < b.x; });
    for (const Top &entry : std::as_const(top))
        append(entry.object, false);

    // The pre-5.0 schema: "rows" each with "panels", a height and spans of a 12-column grid, as
    // Grafana's migration lays them out: headers only when some row shows a title, is collapsed
    // or repeats; heights in 38 px steps (a 30 px cell and its 8 px margin), 90 px at least.
    const QJsonArray rows = root.value("rows"_L1).toArray();
    const bool showRows = std::any_of(rows.cbegin(), rows.cend(), [](const QJsonValue &r) {
        const QJsonObject row = r.toObject();
        return row.value("collapse"_L1).toBool() || row.value("showTitle"_L1).toBool()
               || !row.value("repeat"_L1).toString().isEmpty();
    });
    const auto gridHeight = [](const QJsonValue &value, int fallback) {
        double px
            = value.isDouble() ? value.toDouble() : value.toString().remove(u"px"_s).toDouble();
        if (px <= 0)
            return fallback;
        return int(std::ceil(std::max(px, 90.0) / 38.0));
    };
    int nextY = 0;
    for (const QJsonValue &r : rows) {
        const QJsonObject row = r.toObject();
        if (showRows) {
            Panel header;
            header.type = Panel::Type::Row;
            header.sourceType = u"row"_s;
            header.title = row.value("title"_L1).toString();
            header.collapsed = row.value("collapse"_L1).toBool();
            header.grid = {0, nextY, 24, 1};
            out.panels.append(header);
            ++nextY;
        }
        const int rowHeight = gridHeight(row.value("height"_L1), 7);
        int x = 0;
        int lineHeight = 0;
        for (const QJsonValue &p : row.value("panels"_L1).toArray()) {
            const QJsonObject object = p.toObject();
            Panel panel = grafanaPanel(object, datasources, &out.warnings);
            const int w = std::clamp(int(object.value("span"_L1).toDouble(4)), 1, 12) * 2;
            const int h = object.contains("height"_L1)
                              ? gridHeight(object.value("height"_L1), rowHeight)
                              : rowHeight;
            if (x + w > 24) {
                nextY += lineHeight;
                x = 0;
                lineHeight = 0;
            }
            panel.grid = {x, nextY, w, h};
            x += w;
            lineHeight = std::max(lineHeight, h);
            out.panels.append(panel);
        }
        nextY += std::max(lineHeight, row.value("panels"_L1).toArray().isEmpty() ? 0 : rowHeight);
    }
    for (const QJsonValue &v : root.value("templating"_L1).toObject().value("list"_L1).toArray())
        out.variables.append(grafanaVariable(v.toObject(), &out.warnings));
    // An exported dashboard's datasource inputs (${DS_PROMETHEUS}) are chosen on import in
    // Grafana; here they are the configured server: hidden constants, so that a title or a query
    // that names one reads as Grafana shows it after the import.
    for (const QJsonValue &v : root.value("__inputs"_L1).toArray()) {
        const QJsonObject input = v.toObject();
        const QString name = input.value("name"_L1).toString();
        if (input.value("type"_L1).toString() != "datasource"_L1 || name.isEmpty()
            || std::any_of(out.variables.cbegin(), out.variables.cend(),
                           [&name](const DashboardVariable &d) { return d.name == name; }))
            continue;
        DashboardVariable constant;
        constant.kind = DashboardVariable::Kind::Constant;
        constant.name = name;
        const QString plugin = input.value("pluginName"_L1).toString();
        constant.options = QStringList{plugin.isEmpty() ? u"Prometheus"_s : plugin};
        constant.current = constant.options;
        out.variables.append(constant);
    }
    // Annotations that Prometheus answers (an `expr`): bands behind the time series panels.
    // Grafana's built-in one (its own alerts and annotations) has no expression here.
    for (const QJsonValue &v : root.value("annotations"_L1).toObject().value("list"_L1).toArray()) {
        const QJsonObject a = v.toObject();
        const QString expr = a.value("expr"_L1).toString().trimmed();
        const QString type = datasourceType(a.value("datasource"_L1), datasources);
        if (expr.isEmpty() || (!type.isEmpty() && type != "mixed"_L1))
            continue;
        out.annotations.append(
            {a.value("name"_L1).toString(expr), expr, a.value("enable"_L1).toBool(true)});
    }
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
                    query.exemplar = q["exemplar"] && q["exemplar"].as<bool>();
                    panel.queries.append(query);
                }
            }
            if (panel.type == Panel::Type::Text) {
                panel.content = yamlString(p, "content");
                panel.contentMode = yamlString(p, "mode", u"markdown"_s);
            }
            if (panel.type != Panel::Type::Row && panel.type != Panel::Type::Unsupported
                && panel.type != Panel::Type::Text && panel.queries.isEmpty()) {
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
        if (const YAML::Node annotations = root["annotations"];
            annotations && annotations.IsSequence()) {
            for (const YAML::Node &a : annotations) {
                const QString expr = yamlString(a, "expr");
                if (!expr.isEmpty())
                    out.annotations.append({yamlString(a, "name", expr), expr,
                                            !a["enabled"] || a["enabled"].as<bool>()});
            }
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
