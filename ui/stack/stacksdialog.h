// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stack/stacksummary.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace Stackscope {

class StacksModel;

/// "Stacks on this machine": every compose project the Docker daemon knows, with its state,
/// services running, folder and compose files; the one to open is chosen by double click or
/// Open. The dialog only shows the model and asks through signals: the feature lists the stacks
/// (refreshRequested) and opens the chosen one (openRequested, openFileRequested).
class StacksDialog : public QDialog
{
    Q_OBJECT
public:
    explicit StacksDialog(StacksModel *model, QWidget *parent = nullptr);

    /// The daemon asked and how it was found ("unix:///var/run/docker.sock", "default socket").
    void setDaemonInfo(const QString &host, const QString &source);
    /// A listing is under way: the Refresh button waits, the status line says so.
    void setBusy(bool busy);
    /// The daemon could not be asked (empty = it could): shown instead of the table's empty
    /// state, the last list stays visible otherwise.
    void setError(const QString &message);
    /// The project that is open now (marked in the list, its Open button says so).
    void setCurrentProject(const QString &name);

    QTableView *table() const { return m_table; }
    /// The project of the selected row, or null.
    const StackSummary *selectedStack() const;
    void selectStack(const QString &name);
    QString statusText() const;
    QString errorText() const;
    /// What the list area shows: "table", "empty" or "error".
    QString shownState() const;

Q_SIGNALS:
    void refreshRequested();
    void openRequested(const Stackscope::StackSummary &stack);
    /// Choose a compose file or folder instead.
    void openFileRequested();

private:
    void updateState();
    void updateSelection();
    void openSelected();

    StacksModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_daemon;
    QStackedWidget *m_area;
    QTableView *m_table;
    QLabel *m_empty;
    QLabel *m_error;
    QLabel *m_problems;
    QLabel *m_status;
    QPushButton *m_refresh;
    QPushButton *m_open;
    QString m_errorText;
    QString m_current;
    bool m_busy = false;
    bool m_selecting = false;    ///< the dialog selects a row itself
    bool m_autoSelected = false; ///< the selection is the dialog's, not the person's
};

} // namespace Stackscope
