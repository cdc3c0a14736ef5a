// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/prometheus/metricscontroller.h"
#include "app/loki/lokiclient.h"
#include "app/prometheus/querytime.h"
#include "models/metrics/dashboardgrid.h"
#include "models/metrics/panelrepeat.h"
#include "models/metrics/paneltime.h"
#include "models/metrics/variableformat.h"

#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Stackscope {

namespace {
/// How many lines a logs panel asks Loki for (Grafana's default maxLines).
constexpr int kLogsPanelLines = 1000;
constexpr auto offInterval = std::chrono::hours(24 * 365);
} // namespace

MetricsController::MetricsController(PrometheusClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    qRegisterMetaType<Stackscope::PanelData>();
    m_poller.setTask([this](Poller::Report report) { runDashboard(std::move(report)); });
    m_poller.setInterval(m_interval);
    m_targetsPoller.setTask([this](Poller::Report report) { runTargets(std::move(report)); });
    m_targetsPoller.setInterval(m_interval);
    endpointChanged();
}

void MetricsController::endpointChanged()
{
    const QUrl url = m_client->http()->endpoint().url;
    if (!url.isValid())
        return;
    const auto port = quint16(url.port(url.scheme() == "https"_L1 ? 443 : 80));
    m_poller.setWatchAddress(url.host(), port);
    m_targetsPoller.setWatchAddress(url.host(), port);
    m_resolvedVariables.clear();
    m_scrapeKnown = false;
    ++m_generation;
    refreshNow();
}

void MetricsController::setDashboard(const Dashboard &dashboard)
{
    m_dashboard = dashboard;
    m_templatePanels = dashboard.panels;
    m_resolvedVariables.clear();
    m_askingVariables.clear();
    ++m_generation;
    // Until the page says which panels are on screen: those outside closed rows.
    resetPanels();
    resolveVariables();
    Q_EMIT variablesChanged(m_dashboard.variables);
    expandRepeats();
    // After the page has laid the dashboard out (in this same turn of the event loop) and said
    // which panels are on screen: a 600-panel dashboard asks for the few it shows. The
    // dashboard's own time range, set right after, joins this refresh.
    m_refreshScheduled = true;
    QTimer::singleShot(0, this, [this] {
        if (std::exchange(m_refreshScheduled, false))
            refreshNow();
    });
}

void MetricsController::resetPanels()
{
    m_panels = QList<PanelState>(m_dashboard.panels.size());
    const DashboardGrid grid(m_dashboard.panels);
    m_active.clear();
    for (int i = 0; i < m_dashboard.panels.size(); ++i) {
        if (grid.isShown(i))
            m_active.insert(i);
    }
}

bool MetricsController::expandRepeats()
{
    QStringList notes;
    QList<Panel> panels = PanelRepeat::expand(m_templatePanels, m_dashboard.variables, &notes);
    if (panels == m_dashboard.panels)
        return false;
    m_dashboard.panels = std::move(panels);
    resetPanels();
    Q_EMIT panelsChanged(m_dashboard.panels, notes);
    return true;
}

void MetricsController::timeRangeChanged()
{
    // Variables that Grafana refreshes "on time range change" are asked again with the new range.
    for (const DashboardVariable &v : std::as_const(m_dashboard.variables)) {
        if (v.refreshOnTimeRange)
            m_resolvedVariables.remove(v.name);
    }
    ++m_generation;
    refreshNow();
}

void MetricsController::setRelativeRange(double seconds)
{
    m_rangeSeconds = std::max(seconds, 1.0);
    m_absolute = false;
    timeRangeChanged();
}

void MetricsController::setAbsoluteRange(const QDateTime &start, const QDateTime &end)
{
    if (!start.isValid() || !end.isValid() || start >= end)
        return;
    m_absStart = start.toUTC();
    m_absEnd = end.toUTC();
    m_absolute = true;
    timeRangeChanged();
}

double MetricsController::rangeSeconds() const
{
    return m_absolute ? double(m_absStart.msecsTo(m_absEnd)) / 1000.0 : m_rangeSeconds;
}

void MetricsController::currentWindow(QDateTime *start, QDateTime *end) const
{
    if (m_absolute) {
        *start = m_absStart;
        *end = m_absEnd;
        return;
    }
    *end = QDateTime::currentDateTimeUtc();
    *start = end->addMSecs(-qint64(m_rangeSeconds * 1000));
}

void MetricsController::setRefreshInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    const auto effective
        = (interval.count() <= 0 || m_paused) ? std::chrono::milliseconds(offInterval) : interval;
    m_poller.setInterval(effective);
    m_targetsPoller.setInterval(effective);
}

void MetricsController::setPaused(bool paused)
{
    m_paused = paused;
    setRefreshInterval(m_interval);
    if (!paused)
        refreshNow();
}

void MetricsController::setPanelWidth(int panel, int pixels)
{
    if (panel < 0 || panel >= m_panels.size() || pixels <= 0)
        return;
    m_panels[panel].width = pixels;
}

void MetricsController::setVariable(const QString &name, const QString &value)
{
    setVariable(name, QStringList{value});
}

void MetricsController::setVariable(const QString &name, const QStringList &values)
{
    for (DashboardVariable &v : m_dashboard.variables) {
        if (v.name == name && v.current != values) {
            v.current = values;
            ++m_generation;
            expandRepeats();
            refreshNow();
        }
    }
}

QMap<QString, QString> MetricsController::variableValues() const
{
    QMap<QString, QString> values;
    for (const DashboardVariable &v : m_dashboard.variables) {
        values.insert(v.name, QueryTime::variableText(v.current, v.options, v.multi || v.includeAll,
                                                      v.allValue));
    }
    return values;
}

void MetricsController::start()
{
    m_started = true;
    m_poller.start();
    if (m_targetsActive)
        m_targetsPoller.start();
}

void MetricsController::stop()
{
    m_started = false;
    m_poller.stop();
    m_targetsPoller.stop();
    ++m_generation;
}

void MetricsController::refreshNow()
{
    if (!m_started || m_refreshScheduled)
        return;
    m_poller.pollNow();
    if (m_targetsActive)
        m_targetsPoller.pollNow();
}

void MetricsController::setTargetsActive(bool active)
{
    if (m_targetsActive == active)
        return;
    m_targetsActive = active;
    if (!m_started)
        return;
    if (active)
        m_targetsPoller.start();
    else
        m_targetsPoller.stop();
}

double MetricsController::panelStep(const Panel &panel, int width, double rangeSeconds) const
{
    double minStep = m_scrapeSeconds;
    const double panelMin = QueryTime::parseDuration(panel.interval);
    if (panelMin > 0)
        minStep = std::max(minStep, panelMin);
    return QueryTime::stepFor(rangeSeconds, width, minStep);
}

QString MetricsController::interpolated(const QString &expr, double stepSeconds, double range,
                                        const QMap<QString, QString> &scope) const
{
    QMap<QString, QStringList> selected;
    QMap<QString, QString> values;
    for (const DashboardVariable &v : PanelRepeat::scoped(m_dashboard.variables, scope)) {
        selected.insert(v.name, VariableFormat::selectedValues(v));
        values.insert(v.name, QueryTime::variableText(v.current, v.options, v.multi || v.includeAll,
                                                      v.allValue));
    }
    return QueryTime::interpolate(expr, values, stepSeconds, range < 0 ? rangeSeconds() : range,
                                  m_scrapeSeconds, selected);
}

void MetricsController::runDashboard(Poller::Report report)
{
    m_refreshScheduled = false; // this refresh is the one a new dashboard waited for
    Q_EMIT refreshStarted();
    // The steps need the scrape interval: ask the server first (once it answers, never again
    // for this endpoint; while it cannot, on every refresh, going on with the assumption).
    if (!m_scrapeKnown) {
        fetchScrapeInterval([this, report = std::move(report)]() mutable {
            if (m_started)
                runQueries(std::move(report));
            else
                report({true, false}); // stopped meanwhile: the poller ignores it
        });
        return;
    }
    runQueries(std::move(report));
}

void MetricsController::runQueries(Poller::Report report)
{
    // Variables whose values could not be fetched yet (no endpoint, server down) are tried again.
    resolveVariables();
    QList<int> panels;
    for (int index = 0; index < m_dashboard.panels.size(); ++index) {
        if (m_active.contains(index))
            panels << index;
    }
    queryPanels(panels, std::move(report));
    queryAnnotations();
}

void MetricsController::queryAnnotations()
{
    QList<DashboardAnnotation> enabled;
    for (const DashboardAnnotation &a : std::as_const(m_dashboard.annotations)) {
        if (a.enabled)
            enabled << a;
    }
    if (enabled.isEmpty()) {
        m_annotationBands.clear();
        return;
    }
    QDateTime start, end;
    currentWindow(&start, &end);
    // One step for the whole dashboard: about 500 points over the window, not below a scrape.
    const double step = std::max(m_scrapeSeconds, double(start.secsTo(end)) / 500);
    QueryTime::alignToStep(&start, &end, step);
    struct AnnotationRun
    {
        int pending = 0;
        QList<ChartBand> bands;
    };
    auto run = std::make_shared<AnnotationRun>();
    run->pending = int(enabled.size());
    const quint64 generation = m_generation;
    for (const DashboardAnnotation &a : std::as_const(enabled)) {
        m_client->queryRange(
            interpolated(a.expr, step), start, end, step, this,
            [this, run, generation, step, start, end](const QueryReply &reply) {
                if (reply.ok())
                    run->bands += alertBands(reply.result.series, {}, step,
                                             start.toMSecsSinceEpoch(), end.toMSecsSinceEpoch());
                if (--run->pending > 0 || generation != m_generation)
                    return;
                std::sort(
                    run->bands.begin(), run->bands.end(),
                    [](const ChartBand &x, const ChartBand &y) { return x.startMs < y.startMs; });
                if (run->bands == m_annotationBands)
                    return;
                m_annotationBands = run->bands;
                for (int index = 0; index < m_panels.size(); ++index) {
                    if (m_panels.at(index).hasGood
                        && m_dashboard.panels.at(index).type == Panel::Type::TimeSeries)
                        Q_EMIT panelUpdated(index, withBands(index, m_panels.at(index).lastGood));
                }
            });
    }
}

PanelData MetricsController::withBands(int panel, PanelData data) const
{
    if (panel >= 0 && panel < m_dashboard.panels.size()
        && m_dashboard.panels.at(panel).type == Panel::Type::TimeSeries)
        data.bands = m_annotationBands;
    return data;
}

void MetricsController::setActivePanels(const QList<int> &panels)
{
    QSet<int> active(panels.cbegin(), panels.cend());
    QList<int> added;
    for (int index : panels) {
        // A panel that comes back on screen with this refresh's data already is not asked again.
        if (!m_active.contains(index) && index >= 0 && index < m_panels.size()
            && m_panels.at(index).queriedGeneration != m_generation)
            added << index;
    }
    m_active = active;
    if (m_started && !added.isEmpty() && m_scrapeKnown)
        queryPanels(added, {});
}

void MetricsController::queryPanels(const QList<int> &panels, Poller::Report report)
{
    struct Run
    {
        quint64 generation = 0;
        int outstanding = 0;
        bool ok = true;
        bool absent = false;
        Poller::Report report; ///< empty for panels that came on screen between refreshes
    };
    auto run = std::make_shared<Run>();
    run->generation = m_generation;
    run->report = std::move(report);
    QDateTime windowStart, windowEnd;
    currentWindow(&windowStart, &windowEnd);

    struct PanelRun
    {
        int pending = 0;
        PanelData data;
        QStringList errors;
        // Per query, so that the panel's series keep the queries' order whatever order the
        // answers come in (the order gives the colours).
        QList<QList<Series>> series;
        QList<QStringList> names;
        QList<QList<Exemplar>> exemplars; ///< per query, their `series` within its own series
        QStringList exemplarErrors;
    };
    auto finishOne = [this, run]() {
        if (--run->outstanding == 0 && run->report) {
            run->report({run->ok, run->absent});
            Q_EMIT refreshFinished(run->ok);
        }
    };
    for (int index : panels) {
        if (index < 0 || index >= m_dashboard.panels.size())
            continue;
        const Panel &panel = m_dashboard.panels.at(index);
        if (panel.type == Panel::Type::Row || panel.type == Panel::Type::Unsupported
            || panel.queries.isEmpty())
            continue;
        m_panels[index].queriedGeneration = m_generation;
        // Its own range (timeFrom) and shift (timeShift), when it has them.
        QDateTime start = windowStart;
        QDateTime end = windowEnd;
        PanelTime::panelWindow(panel, m_absolute, windowEnd, &start, &end);
        const bool ownTime = start != windowStart || end != windowEnd;
        const double range = double(start.msecsTo(end)) / 1000.0;
        const double step = panelStep(panel, m_panels.at(index).width, range);
        QueryTime::alignToStep(&start, &end, step);
        auto panelRun = std::make_shared<PanelRun>();
        panelRun->pending = int(panel.queries.size());
        panelRun->data.start = start;
        panelRun->data.end = end;
        panelRun->data.stepSeconds = step;
        panelRun->series.resize(panel.queries.size());
        panelRun->names.resize(panel.queries.size());
        panelRun->exemplars.resize(panel.queries.size());
        // The panel is complete when every query, and every exemplar query, has answered.
        auto complete = [this, run, panelRun, index]() {
            if (--panelRun->pending > 0 || run->generation != m_generation
                || index >= m_panels.size())
                return;
            PanelState &state = m_panels[index];
            PanelData data = panelRun->data;
            QStringList refIds;
            const Panel &shown = m_dashboard.panels.at(index);
            for (qsizetype k = 0; k < panelRun->series.size(); ++k) {
                const auto offset = int(data.series.size());
                for (Exemplar exemplar : panelRun->exemplars.at(k)) {
                    exemplar.series = exemplarSeries(exemplar.seriesLabels, panelRun->series.at(k));
                    if (exemplar.series >= 0)
                        exemplar.series += offset;
                    data.exemplars << exemplar;
                }
                data.series += panelRun->series.at(k);
                data.names += panelRun->names.at(k);
                for (qsizetype n = 0; n < panelRun->series.at(k).size(); ++n)
                    refIds << shown.queries.value(k).refId;
            }
            // Overrides, mappings and display names per series (fieldconfig.h).
            applyFieldConfig(shown, refIds, m_dashboard.variables, &data);
            panelRun->exemplarErrors.removeDuplicates();
            data.exemplarError = panelRun->exemplarErrors.join(u'\n');
            if (!panelRun->errors.isEmpty()) {
                panelRun->errors.removeDuplicates();
                data.error = panelRun->errors.join(u'\n');
                if (state.hasGood && data.series.isEmpty() && data.logEntries.isEmpty()) {
                    const QString error = data.error;
                    data = state.lastGood;
                    data.error = error;
                    data.stale = true;
                }
            } else {
                state.lastGood = data;
                state.hasGood = true;
            }
            Q_EMIT panelUpdated(index, withBands(index, data));
        };
        for (qsizetype q = 0; q < panel.queries.size(); ++q) {
            const PanelQuery &query = panel.queries.at(q);
            ++run->outstanding;
            ++m_queriesSent;
            const QString expr = interpolated(query.expr, step, range, panel.scope);
            // Variables and ${__field.labels.x} in the legend, then each series' labels.
            const QString legend = VariableFormat::legendPlaceholders(VariableFormat::displayText(
                query.legendFormat, PanelRepeat::scoped(m_dashboard.variables, panel.scope)));
            auto done = [run, panelRun, q, legend, expr, complete, heatmap = query.heatmap,
                         finishOne](const QueryReply &reply) {
                if (reply.ok()) {
                    QList<Series> series = reply.result.series;
                    // A matrix comes sorted by labels; an instant vector in no promised order
                    // (unless the query sorts it): sorted here, so a refresh keeps the order.
                    if (reply.result.type == QueryResult::Type::Vector && !expr.contains("sort"_L1))
                        std::stable_sort(
                            series.begin(), series.end(), [](const Series &a, const Series &b) {
                                return seriesSignature(a.labels) < seriesSignature(b.labels);
                            });
                    if (heatmap) // Grafana's format "heatmap": counts per bucket, by le
                        cumulativeToBuckets(&series);
                    panelRun->series[q] = series;
                    panelRun->names[q] = legendNames(legend, expr, series);
                    panelRun->data.warnings += reply.result.warnings;
                    if (reply.result.histogramSamples > 0)
                        panelRun->data.warnings << tr("%n native histogram sample(s) not drawn",
                                                      nullptr, int(reply.result.histogramSamples));
                    panelRun->data.parseMs += reply.parseMs;
                } else {
                    run->ok = false;
                    run->absent = run->absent || reply.error.isConnectionLevel();
                    panelRun->errors << reply.error.message;
                }
                complete();
                finishOne();
            };
            if (query.datasource == "loki"_L1) {
                // LogQL to Loki: a metric query answers the same series a chart draws; a logs
                // panel's log query answers lines.
                const bool logs = panel.type == Panel::Type::Logs;
                auto lokiDone = [done, logs, panelRun](const LokiReply &reply) {
                    QueryReply r;
                    r.error = reply.error;
                    r.elapsedMs = reply.elapsedMs;
                    if (reply.ok() && reply.result.type == LokiResult::Type::Streams) {
                        if (logs) {
                            const auto offset = int(panelRun->data.logSources.size());
                            panelRun->data.logSources += reply.result.sources;
                            for (LogEntry entry : reply.result.entries) {
                                entry.source += offset;
                                panelRun->data.logEntries.append(entry);
                            }
                            // Loki groups lines by stream; a log panel reads newest first.
                            std::stable_sort(panelRun->data.logEntries.begin(),
                                             panelRun->data.logEntries.end(),
                                             [](const LogEntry &a, const LogEntry &b) {
                                                 return a.timeNs > b.timeNs;
                                             });
                        } else {
                            r.error.kind = HttpError::Kind::UnexpectedBody;
                            r.error.message = tr("a log query answers lines, not numbers: this "
                                                 "panel needs a metric query such as "
                                                 "count_over_time()");
                        }
                    } else if (reply.ok()) {
                        r.result = reply.result.series;
                    }
                    done(r);
                };
                if (!m_loki || m_loki->http()->endpoint().url.isEmpty()) {
                    QueryReply r;
                    r.error.kind = HttpError::Kind::Config;
                    r.error.message = tr("no Loki is configured (endpoints.loki)");
                    // Asynchronous as an answer would be, so the refresh is reported once.
                    QMetaObject::invokeMethod(
                        this, [done, r] { done(r); }, Qt::QueuedConnection);
                    continue;
                }
                if (logs) {
                    LokiQuery lines;
                    lines.expr = expr;
                    lines.start = start;
                    lines.end = end;
                    lines.limit = kLogsPanelLines;
                    m_loki->queryRange(lines, this, lokiDone);
                } else if (query.instant || panel.type == Panel::Type::Table) {
                    m_loki->query(expr, m_absolute || ownTime ? end : QDateTime(), 100, this,
                                  lokiDone);
                } else {
                    LokiQuery metric;
                    metric.expr = expr;
                    metric.start = start;
                    metric.end = end;
                    metric.stepSeconds = step;
                    m_loki->queryRange(metric, this, lokiDone);
                }
                continue;
            }
            if (query.instant || panel.type == Panel::Type::Table) {
                m_client->query(expr, m_absolute || ownTime ? end : QDateTime(), this, done);
                continue;
            }
            m_client->queryRange(expr, start, end, step, this, done);
            if (!query.exemplar || panel.type != Panel::Type::TimeSeries)
                continue;
            // Exemplars over the same window, as lazily as the lines: only for panels asked now.
            // A failure is said on the panel and fails nothing else.
            ++panelRun->pending;
            ++run->outstanding;
            ++m_exemplarQueriesSent;
            m_client->queryExemplars(expr, start, end, this,
                                     [panelRun, q, complete, finishOne](
                                         const QList<Exemplar> &exemplars, const HttpError &error) {
                                         if (error.isError())
                                             panelRun->exemplarErrors << error.message;
                                         else
                                             panelRun->exemplars[q] = exemplars;
                                         complete();
                                         finishOne();
                                     });
        }
    }
    if (run->outstanding == 0 && run->report) {
        run->report({true, false});
        Q_EMIT refreshFinished(true);
    }
}

void MetricsController::runTargets(Poller::Report report)
{
    m_client->targets(this,
                      [this, report](const QList<ScrapeTarget> &targets, const HttpError &error) {
                          if (!error.isError())
                              m_targets.setTargets(targets);
                          Q_EMIT targetsUpdated(error.isError() ? error.message : QString());
                          report({!error.isError(), error.isConnectionLevel()});
                      });
}

namespace {

/// Grafana's variable regex ("/pattern/flags" or a bare pattern) over query values: values that
/// do not match are dropped; the group named "value", else the first group, is the value.
QStringList applyVariableRegex(const QStringList &texts, const QString &regex)
{
    QString pattern = regex.trimmed();
    if (pattern.isEmpty())
        return texts;
    QRegularExpression::PatternOptions options;
    if (pattern.startsWith(u'/')) {
        const qsizetype end = pattern.lastIndexOf(u'/');
        if (end > 0) {
            if (pattern.mid(end + 1).contains(u'i'))
                options |= QRegularExpression::CaseInsensitiveOption;
            pattern = pattern.mid(1, end - 1);
        }
    }
    const QRegularExpression re(pattern, options);
    if (!re.isValid())
        return texts;
    const bool named = re.namedCaptureGroups().contains(u"value"_s);
    QStringList out;
    for (const QString &text : texts) {
        const auto match = re.match(text);
        if (!match.hasMatch())
            continue;
        const QString value = named                    ? match.captured(u"value")
                              : re.captureCount() >= 1 ? match.captured(1)
                                                       : text;
        if (!value.isEmpty() && !out.contains(value))
            out << value;
    }
    return out;
}

/// A query_result() line as Grafana writes it: `name{a="1",b="2"} value timestamp_ms`.
QString queryResultText(const Series &s)
{
    QStringList labels;
    for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it) {
        if (it.key() != "__name__"_L1)
            labels << it.key() + u"=\""_s + it.value() + u'"';
    }
    QString text = s.metricName() + u'{' + labels.join(u',') + u'}';
    if (s.size() > 0)
        text += u' ' + QString::number(s.values.constLast(), 'g', 15) + u' '
                + QString::number(s.times.constLast());
    return text;
}

} // namespace

void MetricsController::resolveVariables()
{
    static const QRegularExpression labelValues(
        u"^\\s*label_values\\s*\\(\\s*(?:(.+?)\\s*,\\s*)?([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$"_s);
    static const QRegularExpression metricNames(u"^\\s*metrics\\s*\\((.*)\\)\\s*$"_s);
    static const QRegularExpression queryResult(u"^\\s*query_result\\s*\\((.*)\\)\\s*$"_s);
    const quint64 generation = m_generation;
    for (int i = 0; i < m_dashboard.variables.size(); ++i) {
        const DashboardVariable &v = m_dashboard.variables.at(i);
        // Asked once per generation: a refresh while the answer is on its way does not ask again
        // (an answer from an earlier generation is dropped, so that one does not count).
        if (v.kind != DashboardVariable::Kind::Query || m_resolvedVariables.contains(v.name)
            || m_askingVariables.value(v.name) == m_generation + 1)
            continue;
        const QString name = v.name;
        const QString regex = v.regex;
        // Called with every answer (nothing on an error).
        auto apply = [this, generation, name, regex](const QStringList &found) {
            if (m_askingVariables.value(name) == generation + 1)
                m_askingVariables.remove(name);
            const QStringList values = applyVariableRegex(found, regex);
            // No values yet (a fresh server, nothing scraped): ask again on the next refresh.
            if (generation != m_generation || values.isEmpty())
                return;
            m_resolvedVariables.insert(name);
            bool changed = false;
            for (DashboardVariable &variable : m_dashboard.variables) {
                if (variable.name != name || variable.options == values)
                    continue;
                variable.options = values;
                if (!variable.current.contains(u"$__all"_s)) {
                    // Selected values the server no longer has are dropped.
                    QStringList kept;
                    for (const QString &c : std::as_const(variable.current)) {
                        if (values.contains(c))
                            kept << c;
                    }
                    variable.current = kept.isEmpty() ? QStringList{values.first()} : kept;
                }
                changed = true;
            }
            if (!changed)
                return;
            ++m_generation;
            Q_EMIT variablesChanged(m_dashboard.variables);
            expandRepeats();
            refreshNow();
        };
        if (const auto match = labelValues.match(v.query); match.hasMatch()) {
            const QString label = match.captured(2);
            const QString metric = match.captured(1);
            if (metric.isEmpty()) {
                m_askingVariables.insert(name, m_generation + 1);
                m_client->labelValues(label, this,
                                      [apply](const QStringList &values, const HttpError &e) {
                                          apply(e.isError() ? QStringList() : values);
                                      });
                continue;
            }
            QDateTime start, end;
            currentWindow(&start, &end);
            m_askingVariables.insert(name, m_generation + 1);
            m_client->series({interpolated(metric, 60)}, start, end, this,
                             [apply, label](const QList<Labels> &series, const HttpError &e) {
                                 if (e.isError()) {
                                     apply({});
                                     return;
                                 }
                                 QSet<QString> seen;
                                 QStringList values;
                                 for (const Labels &l : series) {
                                     const QString value = l.value(label);
                                     if (!value.isEmpty() && !seen.contains(value)) {
                                         seen.insert(value);
                                         values << value;
                                     }
                                 }
                                 values.sort();
                                 apply(values);
                             });
        } else if (const auto names = metricNames.match(v.query); names.hasMatch()) {
            // metrics(regex): the metric names that match (a partial match, as in Grafana).
            const QString pattern = names.captured(1).trimmed();
            m_askingVariables.insert(name, m_generation + 1);
            m_client->labelValues(u"__name__"_s, this,
                                  [apply, pattern](const QStringList &all, const HttpError &e) {
                                      if (e.isError()) {
                                          apply({});
                                          return;
                                      }
                                      const QRegularExpression re(pattern);
                                      QStringList matching;
                                      for (const QString &n : all) {
                                          if (!re.isValid() || re.match(n).hasMatch())
                                              matching << n;
                                      }
                                      apply(matching);
                                  });
        } else if (const auto result = queryResult.match(v.query); result.hasMatch()) {
            // query_result(expr): one line per series of an instant query, which the
            // variable's regex usually cuts down to a label's value.
            const QString expr = interpolated(result.captured(1).trimmed(), m_scrapeSeconds);
            m_askingVariables.insert(name, m_generation + 1);
            m_client->query(expr, m_absolute ? m_absEnd : QDateTime(), this,
                            [apply](const QueryReply &reply) {
                                if (!reply.ok()) {
                                    apply({});
                                    return;
                                }
                                QStringList texts;
                                for (const Series &s : reply.result.series)
                                    texts << queryResultText(s);
                                apply(texts);
                            });
        }
    }
}

void MetricsController::fetchScrapeInterval(std::function<void()> then)
{
    m_client->scrapeInterval(this, [this, then](double seconds, const HttpError &error) {
        // Unknown (an old server, or it is down): keep the assumption and ask again next time.
        if (!error.isError() && seconds > 0) {
            m_scrapeKnown = true;
            if (seconds != m_scrapeSeconds) {
                m_scrapeSeconds = seconds;
                Q_EMIT scrapeIntervalChanged(seconds);
            }
        }
        then();
    });
}

void MetricsController::explore(const QString &expr, int pixelWidth, const Labels &alert)
{
    const quint64 generation = ++m_exploreGeneration;
    QDateTime start, end;
    currentWindow(&start, &end);
    const double step = QueryTime::stepFor(rangeSeconds(), pixelWidth, m_scrapeSeconds);
    QueryTime::alignToStep(&start, &end, step);
    const QString resolved = interpolated(expr, step);
    auto range = std::make_shared<PanelData>();
    range->start = start;
    range->end = end;
    range->stepSeconds = step;
    // The instant query last: the result is emitted once, with everything.
    auto instant = [this, generation, range, resolved] {
        m_client->query(resolved, m_absolute ? range->end : QDateTime(), this,
                        [this, generation, range](const QueryReply &reply) {
                            if (generation != m_exploreGeneration)
                                return;
                            Q_EMIT exploreFinished(*range, reply.result,
                                                   reply.ok() ? QString() : reply.error.message);
                        });
    };
    auto bands = [this, generation, range, alert, instant] {
        if (alert.isEmpty()) {
            instant();
            return;
        }
        m_client->queryRange(
            alertsSelector(alert), range->start, range->end, range->stepSeconds, this,
            [this, generation, range, alert, instant](const QueryReply &reply) {
                if (generation != m_exploreGeneration)
                    return;
                if (reply.ok())
                    range->bands = alertBands(reply.result.series, alert, range->stepSeconds,
                                              range->start.toMSecsSinceEpoch(),
                                              range->end.toMSecsSinceEpoch());
                instant();
            });
    };
    m_client->queryRange(resolved, start, end, step, this,
                         [this, generation, range, bands](const QueryReply &reply) {
                             if (generation != m_exploreGeneration)
                                 return;
                             if (!reply.ok()) {
                                 range->error = reply.error.message;
                             } else {
                                 range->series = reply.result.series;
                                 for (const Series &s : reply.result.series)
                                     range->names << seriesSignature(s.labels);
                                 range->parseMs = reply.parseMs;
                                 range->warnings = reply.result.warnings;
                             }
                             bands();
                         });
}

void MetricsController::fetchMetricNames()
{
    m_client->labelValues(u"__name__"_s, this,
                          [this](const QStringList &names, const HttpError &error) {
                              if (!error.isError())
                                  Q_EMIT metricNamesChanged(names);
                          });
}

} // namespace Stackscope
