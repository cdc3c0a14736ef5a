// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace Stackscope {

class LogFieldsTable;

class LogLinesView;
class LogModel;

/// What the Loki tab asks for: a LogQL log query over [start, end], `limit` lines at most, the
/// oldest first (forward) or the newest (backward, Loki's default).
struct LokiLogsRequest
{
    QString expr;
    QDateTime start;
    QDateTime end;
    int limit = 1000;
    bool forward = false;
};

/// One level's bars in the log-volume chart: (bucket start in ms since the epoch, lines).
struct LogVolumeSeries
{
    int level = 0; ///< LogLevel
    QList<std::pair<qint64, double>> points;
};

/// The log volume over the queried range: one stacked bar per step, coloured by level (the
/// colours the lines view gives levels), a time axis below.
class LogVolumeChart : public QWidget
{
    Q_OBJECT
public:
    explicit LogVolumeChart(QWidget *parent = nullptr);
    void setVolume(const QList<LogVolumeSeries> &series, qint64 startMs, qint64 endMs,
                   qint64 stepMs);
    void clear();
    /// The tallest stacked bar (lines), for tests.
    double maxTotal() const { return m_maxTotal; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<LogVolumeSeries> m_series;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
    qint64 m_stepMs = 0;
    double m_maxTotal = 0;
};

/// The Loki tab of the Logs page, for LogQL as Grafana Explore users use it: a query box that
/// remembers recent queries, a label browser (labels, then their values; a value adds a matcher
/// to the query), the time range, limit and direction, Run; the log volume by level above the
/// lines, and the lines in a LogLinesView over a LogModel (search, only matching, copy, save)
/// with a pane for the current line's stream labels and fields.
/// It never speaks HTTP: it emits requests, the feature answers through the setters.
class LokiLogsView : public QWidget
{
    Q_OBJECT
public:
    explicit LokiLogsView(LogModel *model, QWidget *parent = nullptr);

    LogLinesView *linesView() const { return m_lines; }
    LogVolumeChart *volumeChart() const { return m_volume; }
    LogModel *model() const { return m_model; }

    QString queryText() const;
    void setQueryText(const QString &text);
    /// Recent queries, newest first (kept in QSettings).
    QStringList history() const;
    /// The request the controls describe now (the range ends now).
    LokiLogsRequest request() const;
    /// The most lines asked for.
    void setLimit(int limit);
    /// Adds `label="value"` to the query's stream selector (or starts one).
    void addMatcher(const QString &label, const QString &value);
    /// LogQL with `label="value"` added to the first stream selector of `query`.
    static QString withMatcher(const QString &query, const QString &label, const QString &value);

    void setLabels(const QStringList &labels);
    void setLabelValues(const QString &label, const QStringList &values);
    QStringList labels() const;
    QStringList labelValues() const;
    void setVolume(const QList<LogVolumeSeries> &series, qint64 startMs, qint64 endMs,
                   qint64 stepMs);
    /// The line under the controls: a problem (Loki's own text) in the warning colour.
    void showMessage(const QString &text, bool problem);
    QString messageText() const;
    void setRunning(bool running);
    /// Whether Run is possible (false with `why` shown: Loki not configured).
    void setAvailable(bool available, const QString &why = {});
    bool setSearch(const QString &pattern);
    /// The pane beside the lines for the current line: its stream's labels, then the fields of a
    /// JSON or logfmt line, as (key, value).
    QList<std::pair<QString, QString>> shownFields() const;

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void queryRequested(const Stackscope::LokiLogsRequest &request);
    void labelsRequested();
    void labelValuesRequested(const QString &label);

private:
    void applyFilter();
    void updateCounts();
    void remember(const QString &query);
    void showFields(int row);

    LogModel *m_model;
    QComboBox *m_query;
    QComboBox *m_range;
    QSpinBox *m_limit;
    QComboBox *m_direction;
    QPushButton *m_run;
    QListWidget *m_labels;
    QListWidget *m_values;
    QLabel *m_message;
    LogVolumeChart *m_volume;
    QLineEdit *m_search;
    QCheckBox *m_onlyMatching;
    QLabel *m_counts;
    LogLinesView *m_lines;
    LogFieldsTable *m_fields;
    QString m_valuesLabel;
    QString m_unavailableText;
    bool m_available = true;
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::LokiLogsRequest)
