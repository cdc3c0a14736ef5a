// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/docker/httpresponsereader.h"

namespace Stackscope {

namespace {
constexpr qsizetype kMaxLine = 64 * 1024; // a status or header line longer than this is hostile
constexpr qsizetype kMaxHeaders = 200;
} // namespace

HttpResponseReader::HttpResponseReader(qint64 maxBodyBytes)
    : m_maxBody(maxBodyBytes)
{}

QByteArray HttpResponseReader::header(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray HttpResponseReader::takeBody()
{
    QByteArray out;
    out.swap(m_body);
    return out;
}

bool HttpResponseReader::fail(const QByteArray &why)
{
    m_state = State::Error;
    m_error = why;
    return false;
}

bool HttpResponseReader::appendBody(const QByteArray &bytes)
{
    m_bodyTotal += bytes.size();
    if (m_maxBody > 0 && m_bodyTotal > m_maxBody)
        return fail("body larger than the limit");
    m_body.append(bytes);
    return true;
}

bool HttpResponseReader::parseStatusLine(const QByteArray &line)
{
    // HTTP/1.1 200 OK
    if (!line.startsWith("HTTP/1."))
        return fail("not an HTTP/1.x response");
    const qsizetype firstSpace = line.indexOf(' ');
    if (firstSpace < 0)
        return fail("status line without a status code");
    const qsizetype secondSpace = line.indexOf(' ', firstSpace + 1);
    const QByteArray code
        = line.mid(firstSpace + 1, secondSpace < 0 ? -1 : secondSpace - firstSpace - 1);
    bool ok = false;
    const int status = code.toInt(&ok);
    if (!ok || code.size() != 3 || status < 100 || status > 999)
        return fail("status code is not three digits");
    m_status = status;
    m_reason = secondSpace < 0 ? QByteArray() : line.mid(secondSpace + 1);
    return true;
}

bool HttpResponseReader::startBody()
{
    // 1xx, 204 and 304 carry no body.
    if ((m_status >= 100 && m_status < 200) || m_status == 204 || m_status == 304) {
        if (m_status >= 100 && m_status < 200) { // an interim response: the real one follows
            m_headers.clear();
            m_state = State::StatusLine;
            return true;
        }
        m_state = State::Done;
        return true;
    }
    if (header("Transfer-Encoding").toLower().contains("chunked")) {
        m_state = State::ChunkSize;
        return true;
    }
    const QByteArray length = header("Content-Length").trimmed();
    if (!length.isEmpty()) {
        bool ok = false;
        const qint64 n = length.toLongLong(&ok);
        if (!ok || n < 0)
            return fail("invalid Content-Length");
        if (m_maxBody > 0 && n > m_maxBody)
            return fail("body larger than the limit");
        m_remaining = n;
        m_state = n == 0 ? State::Done : State::Body;
        return true;
    }
    m_remaining = -1;
    m_state = State::Body;
    return true;
}

bool HttpResponseReader::feed(const QByteArray &bytes)
{
    if (m_state == State::Error)
        return false;
    m_buffer.append(bytes);
    while (true) {
        switch (m_state) {
        case State::StatusLine:
        case State::Headers:
        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::Trailers: {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                if (m_buffer.size() > kMaxLine)
                    return fail("line too long");
                return true;
            }
            const QByteArray line = m_buffer.left(eol);
            m_buffer.remove(0, eol + 2);
            if (m_state == State::StatusLine) {
                if (!parseStatusLine(line))
                    return false;
                m_state = State::Headers;
            } else if (m_state == State::Headers) {
                if (line.isEmpty()) {
                    if (!startBody())
                        return false;
                    break;
                }
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    return fail("header line without a name");
                if (m_headers.size() >= kMaxHeaders)
                    return fail("too many headers");
                m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            } else if (m_state == State::ChunkSize) {
                QByteArray size = line;
                const qsizetype ext = size.indexOf(';');
                if (ext >= 0)
                    size.truncate(ext);
                size = size.trimmed();
                bool ok = false;
                const qint64 n = size.toLongLong(&ok, 16);
                if (!ok || n < 0 || size.isEmpty() || size.size() > 15)
                    return fail("invalid chunk size");
                if (n == 0) {
                    m_state = State::Trailers;
                } else {
                    if (m_maxBody > 0 && m_bodyTotal + n > m_maxBody)
                        return fail("body larger than the limit");
                    m_remaining = n;
                    m_state = State::ChunkData;
                }
            } else if (m_state == State::ChunkDataEnd) {
                if (!line.isEmpty())
                    return fail("chunk not followed by CRLF");
                m_state = State::ChunkSize;
            } else { // Trailers: ignored until the empty line
                if (line.isEmpty())
                    m_state = State::Done;
            }
            break;
        }
        case State::Body:
        case State::ChunkData: {
            if (m_buffer.isEmpty())
                return true;
            if (m_remaining < 0) { // until close
                if (!appendBody(m_buffer))
                    return false;
                m_buffer.clear();
                return true;
            }
            const qsizetype take = qsizetype(qMin<qint64>(m_remaining, m_buffer.size()));
            if (!appendBody(m_buffer.left(take)))
                return false;
            m_buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining == 0)
                m_state = m_state == State::Body ? State::Done : State::ChunkDataEnd;
            break;
        }
        case State::Done:
        case State::Error:
            return m_state == State::Done;
        }
    }
}

void HttpResponseReader::finishOnClose()
{
    if (m_state == State::Done || m_state == State::Error)
        return;
    if (m_state == State::Body && m_remaining < 0) {
        m_state = State::Done;
        return;
    }
    m_truncated = true;
    fail(m_state <= State::Headers ? "connection closed before the headers were complete"
                                   : "connection closed before the body was complete");
}

} // namespace Stackscope
