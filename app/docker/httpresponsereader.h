// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Stackscope {

/// Reads one HTTP/1.1 response from bytes that arrive in pieces split anywhere: status line,
/// headers, then a body delimited by Content-Length, chunked transfer coding, or the connection
/// closing. Bodies beyond `maxBodyBytes` are an error, never an allocation.
class HttpResponseReader
{
public:
    enum class State {
        StatusLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Done,
        Error
    };

    explicit HttpResponseReader(qint64 maxBodyBytes = 64ll * 1024 * 1024);

    /// Consumes bytes; returns false once the response is malformed (see errorString()).
    bool feed(const QByteArray &bytes);
    /// The peer closed the connection: completes a close-delimited body; anything else unfinished
    /// is a truncated response.
    void finishOnClose();

    State state() const { return m_state; }
    bool headersComplete() const { return m_state > State::Headers; }
    bool isDone() const { return m_state == State::Done; }
    bool hasError() const { return m_state == State::Error; }
    bool isTruncated() const { return m_truncated; }
    QByteArray errorString() const { return m_error; }

    int status() const { return m_status; }
    QByteArray reason() const { return m_reason; }
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }
    /// The first header of that name (case-insensitive), or empty.
    QByteArray header(const QByteArray &name) const;
    /// Body bytes received so far; takeBody() hands them over for streaming use.
    const QByteArray &body() const { return m_body; }
    QByteArray takeBody();
    /// Bytes fed after the response ended (should be none with Connection: close).
    QByteArray leftover() const { return m_buffer; }

private:
    bool fail(const QByteArray &why);
    bool appendBody(const QByteArray &bytes);
    bool parseStatusLine(const QByteArray &line);
    bool startBody();

    State m_state = State::StatusLine;
    qint64 m_maxBody;
    QByteArray m_buffer;
    QByteArray m_body;
    qint64 m_bodyTotal = 0;
    qint64 m_remaining = -1; ///< of Content-Length or the current chunk; -1 = until close
    int m_status = 0;
    QByteArray m_reason;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_error;
    bool m_truncated = false;
};

} // namespace Stackscope
