// SPDX-License-Identifier: GPL-3.0-or-later
// The body of /containers/{id}/logs (multiplexed 8-byte frames, or raw with a TTY; timestamps).
// The first byte picks the mode (bit 0: TTY, bit 1: timestamps), the rest is the stream. It is
// decoded whole, one byte at a time, and in pieces whose lengths the second byte seeds: the
// lines must not depend on how the bytes were split.
#include "app/docker/dockerlogdecoder.h"
#include "tests/fuzz/fuzzcommon.h"

using namespace Stackscope;

namespace {

QList<LogLine> decode(bool tty, bool timestamps, qsizetype maxLineBytes, const QByteArray &stream,
                      quint32 seed, int mode, bool *malformed)
{
    DockerLogDecoder decoder(tty, timestamps, maxLineBytes);
    QList<LogLine> lines;
    qsizetype at = 0;
    while (at < stream.size()) {
        qsizetype piece = stream.size();
        if (mode == 1) {
            piece = 1;
        } else if (mode == 2) {
            seed = seed * 1103515245u + 12345u;
            piece = 1 + qsizetype((seed >> 16) % 23);
        }
        lines += decoder.feed(stream.mid(at, piece));
        at += piece;
    }
    lines += decoder.flush();
    *malformed = decoder.sawMalformedFrame();
    return lines;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    if (size < 1)
        return 0;
    const bool tty = data[0] & 1;
    const bool timestamps = data[0] & 2;
    const quint32 seed = size > 1 ? data[1] : 0;
    // A small line cap (4 to 67 bytes), so that the fuzzer reaches the cutting of long lines too.
    const qsizetype maxLineBytes = 4 + (data[0] >> 2);
    const QByteArray stream = Fuzz::bytes(data + 1, size - 1);
    bool malformedWhole = false;
    const QList<LogLine> whole
        = decode(tty, timestamps, maxLineBytes, stream, seed, 0, &malformedWhole);
    for (int mode : {1, 2}) {
        bool malformed = false;
        const QList<LogLine> split
            = decode(tty, timestamps, maxLineBytes, stream, seed, mode, &malformed);
        if (split != whole || malformed != malformedWhole) {
            fprintf(stderr, "split mode %d: %lld lines, whole: %lld lines\n", mode,
                    qint64(split.size()), qint64(whole.size()));
            abort();
        }
    }
    return 0;
}
