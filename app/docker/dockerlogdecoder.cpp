// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/docker/dockerlogdecoder.h"

#include "app/docker/dockerjson.h"

namespace Stackscope {

namespace {

/// Where to cut a line piece that starts at `start` and is longer than `max` bytes: at
/// start + max, moved back (at most 3 bytes) so as not to split a UTF-8 sequence.
qsizetype cutPoint(const QByteArray &bytes, qsizetype start, qsizetype max)
{
    qsizetype at = start + max;
    while (at > start + max - 3 && at > start + 1 && (uchar(bytes.at(at)) & 0xC0) == 0x80)
        --at;
    return at;
}

} // namespace

DockerLogDecoder::DockerLogDecoder(bool tty, bool timestamps, qsizetype maxLineBytes)
    : m_tty(tty)
    , m_timestamps(timestamps)
    , m_maxLine(qMax<qsizetype>(maxLineBytes, 4))
{}

qsizetype DockerLogDecoder::pendingBytes() const
{
    return m_header.size() + m_partial[1].size() + m_partial[2].size();
}

LogLine DockerLogDecoder::makeLine(int stream, QByteArray bytes, bool lineEnd)
{
    if (lineEnd && bytes.endsWith('\r'))
        bytes.chop(1);
    LogLine line;
    line.stream = stream == 2 ? LogLine::Stderr : LogLine::Stdout;
    if (m_continuing[stream]) {
        line.timestamp = m_lineTimestamp[stream];
    } else if (m_timestamps) {
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
    m_continuing[stream] = !lineEnd;
    m_lineTimestamp[stream] = lineEnd ? QDateTime() : line.timestamp;
    return line;
}

void DockerLogDecoder::addText(int stream, const QByteArray &bytes, QList<LogLine> &out)
{
    const int s = stream == 2 ? 2 : 1;
    QByteArray &partial = m_partial[s];
    const qsizetype searchFrom = partial.size();
    partial += bytes;
    qsizetype start = 0;
    qsizetype nl = partial.indexOf('\n', searchFrom);
    for (;;) {
        const qsizetype end = nl < 0 ? partial.size() : nl;
        // An over-long line leaves in pieces; the last piece (1..max bytes) waits for the line
        // end, so the cuts are the same however the bytes arrive.
        while (end - start > m_maxLine) {
            const qsizetype cut = cutPoint(partial, start, m_maxLine);
            out << makeLine(s, partial.mid(start, cut - start), false);
            start = cut;
        }
        if (nl < 0)
            break;
        out << makeLine(s, partial.mid(start, nl - start), true);
        start = nl + 1;
        nl = partial.indexOf('\n', start);
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
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        if (m_frameRemaining > 0) {
            const qsizetype n = qsizetype(qMin<qint64>(m_frameRemaining, bytes.size() - pos));
            addText(m_frameStream, bytes.mid(pos, n), out);
            pos += n;
            m_frameRemaining -= n;
            continue;
        }
        const qsizetype take = qMin<qsizetype>(8 - m_header.size(), bytes.size() - pos);
        m_header += bytes.mid(pos, take);
        pos += take;
        if (m_header.size() < 8)
            break;
        const auto *h = reinterpret_cast<const uchar *>(m_header.constData());
        const int stream = h[0];
        if (stream > 2 || h[1] != 0 || h[2] != 0 || h[3] != 0) {
            // Not a multiplexed stream after all (a TTY we did not know of): read it raw.
            m_malformed = true;
            const QByteArray rest = m_header + bytes.mid(pos);
            m_header.clear();
            addText(1, rest, out);
            return out;
        }
        m_frameStream = stream == 0 ? 1 : stream;
        m_frameRemaining
            = (qint64(h[4]) << 24) | (qint64(h[5]) << 16) | (qint64(h[6]) << 8) | qint64(h[7]);
        m_header.clear();
    }
    return out;
}

QList<LogLine> DockerLogDecoder::flush()
{
    QList<LogLine> out;
    for (int s : {1, 2}) {
        if (!m_partial[s].isEmpty() || m_continuing[s]) {
            out << makeLine(s, m_partial[s], true);
            m_partial[s].clear();
        }
    }
    return out;
}

} // namespace Stackscope
