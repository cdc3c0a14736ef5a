// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerlogdecoder.h"

#include "docker/dockerjson.h"

namespace Stackscope {

DockerLogDecoder::DockerLogDecoder(bool tty, bool timestamps)
    : m_tty(tty)
    , m_timestamps(timestamps)
{}

LogLine DockerLogDecoder::makeLine(int stream, QByteArray bytes) const
{
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    LogLine line;
    line.stream = stream == 2 ? LogLine::Stderr : LogLine::Stdout;
    if (m_timestamps) {
        const qsizetype space = bytes.indexOf(' ');
        if (space > 0 && space < 40) {
            const QDateTime t = DockerJson::parseTime(QString::fromLatin1(bytes.left(space)));
            if (t.isValid()) {
                line.timestamp = t;
                bytes = bytes.mid(space + 1);
            }
        }
    }
    line.text = QString::fromUtf8(bytes);
    return line;
}

void DockerLogDecoder::addText(int stream, const QByteArray &bytes, QList<LogLine> &out)
{
    QByteArray &partial = m_partial[stream == 2 ? 2 : 1];
    partial += bytes;
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = partial.indexOf('\n', start);
        if (nl < 0)
            break;
        out << makeLine(stream, partial.mid(start, nl - start));
        start = nl + 1;
    }
    partial.remove(0, start);
}

QList<LogLine> DockerLogDecoder::feed(const QByteArray &bytes)
{
    QList<LogLine> out;
    if (m_tty || m_malformed) {
        addText(1, bytes, out);
        return out;
    }
    m_frameBuffer += bytes;
    qsizetype pos = 0;
    while (m_frameBuffer.size() - pos >= 8) {
        const auto *h = reinterpret_cast<const uchar *>(m_frameBuffer.constData() + pos);
        const int stream = h[0];
        if (stream > 2 || h[1] != 0 || h[2] != 0 || h[3] != 0) {
            // Not a multiplexed stream after all (a TTY we did not know of): read it raw.
            m_malformed = true;
            const QByteArray rest = m_frameBuffer.mid(pos);
            m_frameBuffer.clear();
            addText(1, rest, out);
            return out;
        }
        const quint32 length
            = (quint32(h[4]) << 24) | (quint32(h[5]) << 16) | (quint32(h[6]) << 8) | quint32(h[7]);
        if (m_frameBuffer.size() - pos - 8 < qsizetype(length))
            break;
        addText(stream == 0 ? 1 : stream, m_frameBuffer.mid(pos + 8, length), out);
        pos += 8 + length;
    }
    m_frameBuffer.remove(0, pos);
    return out;
}

QList<LogLine> DockerLogDecoder::flush()
{
    QList<LogLine> out;
    for (int s : {1, 2}) {
        if (!m_partial[s].isEmpty()) {
            out << makeLine(s, m_partial[s]);
            m_partial[s].clear();
        }
    }
    return out;
}

} // namespace Stackscope
