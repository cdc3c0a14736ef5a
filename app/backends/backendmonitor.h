// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/backends/backendprobe.h"
#include "models/config/config.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace Stackscope {

class BackendStatusModel;
class Poller;

/// Keeps a BackendStatusModel current for Docker, Prometheus, every Alertmanager and Jaeger:
/// each backend has its own probe on its own poller (no overlap, back-off while down, prompt
/// retry when its port accepts again). A new configuration rebuilds only the backends whose
/// settings changed.
class BackendMonitor : public QObject
{
    Q_OBJECT
public:
    BackendMonitor(QNetworkAccessManager *network, BackendStatusModel *model,
                   QObject *parent = nullptr);
    ~BackendMonitor() override;

    void setConfig(const Config &config);
    void start();
    void stop();
    /// Asks every backend now (the user pressed "Check now", or the network came back).
    void checkNow();
    QStringList backendIds() const;
    /// The poller of one backend, for tests and for the status bar's "next check in" hint.
    Poller *poller(const QString &id) const;

Q_SIGNALS:
    void requestFinished(const Stackscope::RequestRecord &record);
    void pollCycleFinished(const QString &backend, bool ok);

private:
    struct Entry;
    void addEntry(std::unique_ptr<Entry> entry);
    void reportDisabled(const QString &id, const QString &displayName, const QString &why);

    QNetworkAccessManager *m_network;
    BackendStatusModel *m_model;
    std::vector<std::unique_ptr<Entry>> m_entries;
    bool m_started = false;
};

} // namespace Stackscope
