// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the fuzz targets: the input as a QByteArray, and Qt's messages silenced (a parser's
// qWarning for each malformed input would slow the run and flood its output).
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace Stackscope::Fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline void quietQt()
{
    static const bool done = [] {
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &msg) {
            if (type == QtFatalMsg) {
                fprintf(stderr, "qFatal: %s\n", qPrintable(msg));
                abort();
            }
        });
        return true;
    }();
    (void)done;
}

/// Keeps a value alive so the optimiser cannot drop the work that produced it.
template<typename T>
inline void keep(const T &value)
{
    asm volatile("" : : "g"(&value) : "memory");
}

} // namespace Stackscope::Fuzz
