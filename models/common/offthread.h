// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <type_traits>
#include <utility>

namespace Stackscope {

/// Parsing off the GUI thread with guarded, queued delivery: one helper for every client and
/// loader, so that the rule is the same everywhere. Stale results (a newer request was made
/// meanwhile) are the caller's to drop, with a generation counter.
namespace OffThread {

/// Inputs larger than this are parsed on the pool; smaller ones at once, where a thread hop would
/// cost more than the parse (a 256 KiB answer parses in about a millisecond).
constexpr qsizetype kThresholdBytes = 256 * 1024;

/// Runs `work()` on `pool`, then `deliver(result)` on the application object's (the GUI) thread,
/// but only if `receiver` still exists then. A null `receiver` means "always deliver". The
/// application object is the queued call's context: it outlives every receiver. A pool of one
/// thread runs the works in the order given (writes of one file, say) and delivers in that order.
template<typename Work, typename Deliver>
void run(QThreadPool *pool, QObject *receiver, Work work, Deliver deliver)
{
    const bool guarded = receiver != nullptr;
    QPointer<QObject> guard(receiver);
    pool->start([guarded, guard, work = std::move(work), deliver = std::move(deliver)]() mutable {
        auto result = work();
        QObject *context = QCoreApplication::instance();
        if (!context)
            return;
        QMetaObject::invokeMethod(
            context,
            [guarded, guard, result = std::move(result), deliver = std::move(deliver)]() mutable {
                if (!guarded || guard)
                    deliver(std::move(result));
            },
            Qt::QueuedConnection);
    });
}

/// run() on the global thread pool.
template<typename Work, typename Deliver>
void run(QObject *receiver, Work work, Deliver deliver)
{
    run(QThreadPool::globalInstance(), receiver, std::move(work), std::move(deliver));
}

/// As run() when `inputBytes` is above kThresholdBytes; otherwise `deliver(work())` at once, on
/// this thread.
template<typename Work, typename Deliver>
void runIfLarge(qsizetype inputBytes, QObject *receiver, Work work, Deliver deliver)
{
    if (inputBytes > kThresholdBytes) {
        run(receiver, std::move(work), std::move(deliver));
        return;
    }
    deliver(work());
}

} // namespace OffThread

} // namespace Stackscope
