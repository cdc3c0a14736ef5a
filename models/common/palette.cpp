// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/common/palette.h"

#include <iterator>

namespace Stackscope::Palette {

QColor color(Tone tone)
{
    switch (tone) {
    case Tone::Good:
        return QColor(0x1b, 0x7f, 0x3b);
    case Tone::Warning:
        return QColor(0xc2, 0x6a, 0x00);
    case Tone::Bad:
        return QColor(0xc6, 0x28, 0x28);
    case Tone::Info:
        return QColor(0x1a, 0x5f, 0xb4);
    case Tone::Muted:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

QColor link()
{
    return color(Tone::Info);
}

QColor highlight()
{
    return QColor(0xff, 0xd5, 0x4f);
}

QColor highlightSoft()
{
    return QColor(0xff, 0xf3, 0xc4);
}

QColor selection()
{
    return QColor(30, 120, 220, 70);
}

QColor band(bool firing)
{
    QColor c = color(firing ? Tone::Bad : Tone::Warning);
    c.setAlpha(firing ? 56 : 48);
    return c;
}

QColor cursor()
{
    return QColor(128, 128, 128, 160);
}

QString problemBannerStyle(const QString &objectName)
{
    return QStringLiteral(
               "#%1 { background: #fdecea; border: 1px solid #e0a39e; border-radius: 4px; }"
               " #%1 QLabel { color: #611a15; }")
        .arg(objectName);
}

QString noticeStyle(bool problem)
{
    return problem
               ? QStringLiteral("QLabel { background: #fdecea; color: #611a15; padding: 4px; }")
               : QStringLiteral("QLabel { background: #e8f5e9; color: #1b5e20; padding: 4px; }");
}

QString messageBoxStyle(bool problem)
{
    return problem
               ? QStringLiteral("color: #611a15; background: #fdecea; border: 1px solid #e0a39e; "
                                "border-radius: 4px; padding: 6px;")
               : QStringLiteral("color: #6b4700; background: #fff4d6; border: 1px solid #f0d68a; "
                                "border-radius: 4px; padding: 6px;");
}

QString textStyle(Tone tone)
{
    return QStringLiteral("color: %1;").arg(color(tone).name());
}

QColor series(quint32 index)
{
    static const QColor colors[] = {
        QColor(0x73, 0xbf, 0x69), QColor(0xf2, 0xcc, 0x0c), QColor(0x8a, 0xb8, 0xff),
        QColor(0xff, 0x78, 0x0a), QColor(0xf2, 0x49, 0x5c), QColor(0x57, 0x94, 0xf2),
        QColor(0xb8, 0x77, 0xd9), QColor(0x70, 0x5d, 0xa0), QColor(0x37, 0x87, 0x2d),
        QColor(0xfa, 0xde, 0x2a), QColor(0x1f, 0x78, 0xc1), QColor(0xba, 0x43, 0xa9),
    };
    return colors[index % std::size(colors)];
}

QColor service(quint32 slot)
{
    static const QRgb colors[]
        = {0x17becf, 0xbcbd22, 0x9467bd, 0xe377c2, 0x8c564b, 0xff7f0e, 0x1f77b4,
           0x2ca02c, 0x7f7f7f, 0x6b6ecf, 0xb5cf6b, 0xce6dbd, 0x3182bd, 0xe6550d,
           0x31a354, 0x756bb1, 0x637939, 0x8c6d31, 0xa55194, 0x393b79};
    constexpr quint32 size = std::size(colors);
    QColor color(colors[slot % size]);
    if (slot >= size)
        color = color.darker(int(100 + 25 * (slot / size % 3)));
    return color;
}

} // namespace Stackscope::Palette
