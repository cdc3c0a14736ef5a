// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QSpinBox;
class QSplitter;
class QToolButton;

namespace Stackscope {

class LogFieldsTable;

class LogLinesView;
class LogModel;

/// What the stack's log streams are asked for: the last `tail` lines of each container (-1: all)
/// within [since, until] (invalid: open), then, with follow, every new line.
struct StackLogsOptions
{
    int tail = 500;
    bool follow = true;
    QDateTime since;
    QDateTime until;
    friend bool operator==(const StackLogsOptions &, const StackLogsOptions &) = default;
};

/// The combined logs of the stack's services: a LogLinesView over a LogModel with the controls
/// around it: the services shown (all or a chosen few), follow, tail, since/until, a search
/// (a regular expression; case, only matching), the levels shown, a status line per service,
/// copy and save, and a pane with the fields of the selected JSON or logfmt line. The filters
/// act on the model; the stream options (tail, follow, since, until) are asked for by
/// optionsChanged(), which the feature turns into new streams.
class StackLogsView : public QWidget
{
    Q_OBJECT
public:
    explicit StackLogsView(LogModel *model, QWidget *parent = nullptr);

    LogLinesView *linesView() const { return m_lines; }
    LogModel *model() const { return m_model; }
    StackLogsOptions options() const { return m_options; }

    /// The stack's services, for the chooser (those chosen stay chosen).
    void setServices(const QStringList &services);
    QStringList services() const { return m_services; }
    /// Shows only these services' lines; empty: all.
    void setChosenServices(const QStringList &services);
    QStringList chosenServices() const { return m_chosen; }
    /// One service's state in the status line ("not running", "restarted at 14:02, following");
    /// an empty text removes it. `problem` shows it in the warning colour.
    void setServiceStatus(const QString &service, const QString &text, bool problem = false);
    QString statusText() const;
    /// The search box's text as a regular expression; false (said below the box) when invalid.
    bool setSearch(const QString &pattern);
    /// The fields of the current row as shown in the pane (key, value), for tests.
    QList<std::pair<QString, QString>> shownFields() const;
    /// Saves the view to a file chosen in a dialog (`path` given: no dialog).
    void saveView(const QString &path = {});

public Q_SLOTS:
    /// The logs of the five minutes around `time`: since and until set, follow off.
    void showAround(const QDateTime &time);

Q_SIGNALS:
    void optionsChanged(const Stackscope::StackLogsOptions &options);

private:
    void applyFilter();
    void applyOptions();
    void updateCounts();
    void updateStatus();
    void showFields(int row);
    void fillServicesMenu();

    LogModel *m_model;
    LogLinesView *m_lines;
    QToolButton *m_servicesButton;
    QToolButton *m_levelsButton;
    QCheckBox *m_follow;
    QSpinBox *m_tail;
    QCheckBox *m_sinceOn;
    QDateTimeEdit *m_since;
    QCheckBox *m_untilOn;
    QDateTimeEdit *m_until;
    QLineEdit *m_search;
    QCheckBox *m_caseSensitive;
    QCheckBox *m_onlyMatching;
    QLabel *m_searchError;
    QLabel *m_counts;
    QLabel *m_status;
    LogFieldsTable *m_fields;
    QSplitter *m_splitter;
    QStringList m_services;
    QStringList m_chosen;
    QList<int> m_levels; ///< LogLevel values shown; empty: all
    QStringList m_statusOrder;
    QHash<QString, std::pair<QString, bool>> m_statuses;
    StackLogsOptions m_options;
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::StackLogsOptions)
