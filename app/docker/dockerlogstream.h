// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/docker/dockerlogdecoder.h"
#include "app/http/httperror.h"
#include "models/stack/logline.h"

#include <QObject>
#include <QPointer>

namespace Stackscope {

class DockerClient;
class DockerStream;

/// The logs of one container: the last `tail` lines, then (with follow) every new line as it is
/// written, decoded from the multiplexed frames (or raw for a TTY), always with timestamps.
class DockerLogStream : public QObject
{
    Q_OBJECT
public:
    DockerLogStream(DockerClient *client, const QString &containerId, bool tty, int tail,
                    bool follow, QObject *parent = nullptr);
    ~DockerLogStream() override;

    /// Only the lines written within [since, until] (milliseconds since the epoch; 0: open),
    /// as the daemon's `since` and `until` select them. Set before start().
    void setRange(qint64 sinceMs, qint64 untilMs);
    void start();
    void stop();
    QString containerId() const { return m_containerId; }
    bool isActive() const { return m_stream != nullptr; }

Q_SIGNALS:
    void lines(const QList<Stackscope::LogLine> &lines);
    /// The stream ended: the container stopped (error.kind None), or it failed.
    void ended(const Stackscope::HttpError &error);

private:
    QPointer<DockerClient> m_client;
    QString m_containerId;
    int m_tail;
    bool m_follow;
    qint64 m_sinceMs = 0;
    qint64 m_untilMs = 0;
    DockerLogDecoder m_decoder;
    DockerStream *m_stream = nullptr;
};

} // namespace Stackscope
