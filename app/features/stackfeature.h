// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/features/feature.h"

#include "ui/stack/stackpage.h"

#include <QPointer>

namespace Stackscope {

class DockerLogStream;
class StackSupervisor;

/// The Stack page joined with its StackSupervisor: buttons run compose, the table follows the
/// daemon's events, the logs view reads the container's log stream.
class StackFeature : public Feature
{
    Q_OBJECT
public:
    explicit StackFeature(const AppContext &context, QObject *parent = nullptr);
    ~StackFeature() override;

    QString id() const override;
    QString title() const override;
    QIcon icon() const override;
    QWidget *createPage() override;
    void applyConfig(const Config &config) override;
    void start() override;
    /// StackRequest: selects the service and shows its logs.
    void show(const NavigationRequest &request) override;

    StackSupervisor *supervisor() const { return m_supervisor; }
    StackPage *page() const { return m_page; }

private:
    void updateConnection();
    void openLogs(const QString &service, int tail, bool follow);

    AppContext m_context;
    StackSupervisor *m_supervisor;
    QPointer<StackPage> m_page;
    DockerLogStream *m_logs = nullptr;
    bool m_started = false;
};

} // namespace Stackscope
