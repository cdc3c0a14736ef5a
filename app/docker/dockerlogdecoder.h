// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stack/logline.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace Stackscope {

/// Turns the body of /containers/{id}/logs into lines, from pieces split anywhere. Without a
/// TTY the daemon multiplexes stdout and stderr in frames of an 8-byte header (stream, 0, 0, 0,
/// big-endian length) and payload; with a TTY the bytes are raw. With timestamps=1 every line
/// starts with an RFC 3339 time and a space, which becomes LogLine::timestamp.
///
/// Memory stays bounded whatever the stream: frame payloads are decoded as they arrive (not
/// buffered whole), and a line longer than `maxLineBytes` is cut into pieces of at most that many
/// bytes (cut before a UTF-8 sequence, never inside one), each delivered as a LogLine; the pieces
/// after the first carry the first one's timestamp. The cut points depend only on the line's
/// bytes, so the lines never depend on how the stream was split into feed() calls.
class DockerLogDecoder
{
public:
    static constexpr qsizetype kMaxLineBytes = 1024 * 1024;

    explicit DockerLogDecoder(bool tty = false, bool timestamps = true,
                              qsizetype maxLineBytes = kMaxLineBytes);

    /// Returns the lines completed by `bytes`.
    QList<LogLine> feed(const QByteArray &bytes);
    /// The stream ended: returns a last line without a line end, if any.
    QList<LogLine> flush();
    /// The body broke the frame format (then the rest is read as raw text).
    bool sawMalformedFrame() const { return m_malformed; }
    /// Bytes held between feed() calls (an incomplete header and partial lines): at most
    /// 7 + 2 * maxLineBytes after any feed().
    qsizetype pendingBytes() const;

private:
    void addText(int stream, const QByteArray &bytes, QList<LogLine> &out);
    LogLine makeLine(int stream, QByteArray bytes, bool lineEnd);

    bool m_tty;
    bool m_timestamps;
    bool m_malformed = false;
    qsizetype m_maxLine;
    QByteArray m_header;          ///< an incomplete frame header
    qint64 m_frameRemaining = 0;  ///< payload bytes of the current frame still to come
    int m_frameStream = 1;        ///< the stream of the current frame
    QByteArray m_partial[3];      ///< per stream (1, 2): the line so far
    bool m_continuing[3] = {};    ///< per stream: a piece of the current line was delivered
    QDateTime m_lineTimestamp[3]; ///< per stream: the timestamp of that line
};

} // namespace Stackscope
