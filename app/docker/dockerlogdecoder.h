// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stack/logline.h"

#include <QByteArray>
#include <QList>

namespace Stackscope {

/// Turns the body of /containers/{id}/logs into lines, from pieces split anywhere. Without a
/// TTY the daemon multiplexes stdout and stderr in frames of an 8-byte header (stream, 0, 0, 0,
/// big-endian length) and payload; with a TTY the bytes are raw. With timestamps=1 every line
/// starts with an RFC 3339 time and a space, which becomes LogLine::timestamp.
class DockerLogDecoder
{
public:
    explicit DockerLogDecoder(bool tty = false, bool timestamps = true);

    /// Returns the lines completed by `bytes`.
    QList<LogLine> feed(const QByteArray &bytes);
    /// The stream ended: returns a last line without a line end, if any.
    QList<LogLine> flush();
    /// The body broke the frame format (then the rest is read as raw text).
    bool sawMalformedFrame() const { return m_malformed; }

private:
    void addText(int stream, const QByteArray &bytes, QList<LogLine> &out);
    LogLine makeLine(int stream, QByteArray bytes) const;

    bool m_tty;
    bool m_timestamps;
    bool m_malformed = false;
    QByteArray m_frameBuffer;
    QByteArray m_partial[3];
};

} // namespace Stackscope
