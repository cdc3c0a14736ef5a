// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP/1.1 response reader of the Docker transport (status line, headers, Content-Length,
// chunked, close-delimited). The input is one response as the daemon might send it. It is read
// whole, then split: at every byte boundary (two pieces) and one byte at a time when it is short,
// else at boundaries the fuzzer chooses (the piece lengths come from the input's last 16 bytes).
// Every split must give the same outcome as the whole read: a result that depends on where the
// socket happened to split the bytes is a bug, and aborts.
#include "app/docker/httpresponsereader.h"
#include "tests/fuzz/fuzzcommon.h"

#include <vector>

using namespace Stackscope;

namespace {

struct Outcome
{
    HttpResponseReader::State state;
    int status = 0;
    QByteArray reason;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray error;
    bool truncated = false;

    // With an error the body is what had arrived before it, which depends on the pieces (a
    // close-delimited body over the limit fails with the piece that crosses it).
    bool operator==(const Outcome &o) const
    {
        return state == o.state && status == o.status && reason == o.reason && headers == o.headers
               && error == o.error && truncated == o.truncated
               && (state == HttpResponseReader::State::Error || body == o.body);
    }
};

// What DockerStream does: feed each piece until the reader refuses, take the body as it grows,
// and on close complete it.
Outcome read(const QByteArray &input, const std::vector<qsizetype> &cuts, qint64 maxBody)
{
    HttpResponseReader reader(maxBody);
    Outcome o;
    qsizetype from = 0;
    bool ok = true;
    for (size_t i = 0; i <= cuts.size() && ok; ++i) {
        const qsizetype to = i < cuts.size() ? cuts[i] : input.size();
        ok = reader.feed(input.mid(from, to - from));
        from = to;
        if (reader.headersComplete())
            o.body += reader.takeBody();
        if (reader.isDone())
            break;
    }
    reader.finishOnClose();
    o.body += reader.takeBody();
    o.state = reader.state();
    o.status = reader.status();
    o.reason = reader.reason();
    o.headers = reader.headers();
    o.error = reader.errorString();
    o.truncated = reader.isTruncated();
    Fuzz::keep(reader.header("Content-Type"));
    return o;
}

void check(const QByteArray &input, const std::vector<qsizetype> &cuts, qint64 maxBody,
           const Outcome &whole)
{
    const Outcome split = read(input, cuts, maxBody);
    if (split == whole)
        return;
    fprintf(stderr, "split outcome differs from the whole read (limit %lld), cuts:", maxBody);
    for (qsizetype c : cuts)
        fprintf(stderr, " %lld", qint64(c));
    fprintf(stderr,
            "\nwhole: state %d status %d body %lld error '%s'\n"
            "split: state %d status %d body %lld error '%s'\n",
            int(whole.state), whole.status, qint64(whole.body.size()), whole.error.constData(),
            int(split.state), split.status, qint64(split.body.size()), split.error.constData());
    abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    const QByteArray input = Fuzz::bytes(data, size);
    const qsizetype n = input.size();
    for (const qint64 maxBody : {qint64(1) << 20, qint64(16)}) {
        const Outcome whole = read(input, {}, maxBody);
        std::vector<qsizetype> cuts;
        if (n <= 256) {
            for (qsizetype i = 1; i < n; ++i) {
                if (maxBody > 16) // the small limit: byte by byte only, to keep the pace
                    check(input, {i}, maxBody, whole);
                cuts.push_back(i);
            }
            check(input, cuts, maxBody, whole); // one byte at a time
        } else {
            const qsizetype planBytes = 16;
            for (qsizetype at = 0, k = 0; at < n; ++k) {
                at += 1 + uchar(input[n - planBytes + k % planBytes]);
                if (at < n)
                    cuts.push_back(at);
            }
            check(input, cuts, maxBody, whole);
        }
    }
    return 0;
}
