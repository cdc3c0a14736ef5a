// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/docker/dockerlogstream.h"

#include "app/docker/dockerclient.h"
#include "app/docker/dockerstream.h"

namespace Stackscope {

DockerLogStream::DockerLogStream(DockerClient *client, const QString &containerId, bool tty,
                                 int tail, bool follow, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_containerId(containerId)
    , m_tail(tail)
    , m_follow(follow)
    , m_decoder(tty, true)
{}

DockerLogStream::~DockerLogStream()
{
    stop();
}

void DockerLogStream::setRange(qint64 sinceMs, qint64 untilMs)
{
    m_sinceMs = sinceMs;
    m_untilMs = untilMs;
}

namespace {

/// The daemon's form of a time: seconds since the epoch with nanoseconds after the point.
QByteArray unixTime(qint64 ms)
{
    return QByteArray::number(ms / 1000) + '.'
           + QByteArray::number((ms % 1000) * 1000000).rightJustified(9, '0');
}

} // namespace

void DockerLogStream::start()
{
    if (!m_client || m_stream)
        return;
    QByteArray path = "/containers/" + m_containerId.toLatin1()
                      + "/logs?stdout=1&stderr=1&timestamps=1&tail="
                      + (m_tail < 0 ? QByteArray("all") : QByteArray::number(m_tail));
    if (m_follow)
        path += "&follow=1";
    if (m_sinceMs > 0)
        path += "&since=" + unixTime(m_sinceMs);
    if (m_untilMs > 0)
        path += "&until=" + unixTime(m_untilMs);
    m_stream = m_client->openStream(path, this);
    connect(m_stream, &DockerStream::bodyData, this, [this](const QByteArray &bytes) {
        const QList<LogLine> decoded = m_decoder.feed(bytes);
        if (!decoded.isEmpty())
            Q_EMIT lines(decoded);
    });
    connect(m_stream, &DockerStream::finished, this, [this](const HttpError &error) {
        const QList<LogLine> rest = m_decoder.flush();
        if (!rest.isEmpty())
            Q_EMIT lines(rest);
        m_stream->deleteLater();
        m_stream = nullptr;
        Q_EMIT ended(error);
    });
}

void DockerLogStream::stop()
{
    if (!m_stream)
        return;
    m_stream->abort();
    m_stream->deleteLater();
    m_stream = nullptr;
}

} // namespace Stackscope
