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

QColor exemplar()
{
    return QColor(0x8f, 0x3b, 0xb8);
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
    // The first twelve as Grafana's themes name them ("green", "semi-dark-yellow"...), then the
    // rest of its classic palette (app/core/utils/colors.ts) from its third row on.
    static const QRgb colors[] = {
        0x73bf69, 0xf2cc0c, 0x8ab8ff, 0xff780a, 0xf2495c, 0x5794f2, 0xb877d9, 0x705da0,
        0x37872d, 0xfade2a, 0x1f78c1, 0xba43a9, 0x890f02, 0x0a437c, 0x6d1f62, 0x584477,
        0xb7dbab, 0xf4d598, 0x70dbed, 0xf9ba8f, 0xf29191, 0x82b5d8, 0xe5a8e2, 0xaea2e0,
        0x629e51, 0xe5ac0e, 0x64b0c8, 0xe0752d, 0xbf1b00, 0x0a50a1, 0x962d82, 0x614d93,
        0x9ac48a, 0xf2c96d, 0x65c5db, 0xf9934e, 0xea6460, 0x5195ce, 0xd683ce, 0x806eb7,
        0x3f6833, 0x967302, 0x2f575e, 0x99440a, 0x58140c, 0x052b51, 0x511749, 0x3f2b5b,
        0xe0f9d7, 0xfceaca, 0xcffaff, 0xf9e2d2, 0xfce2de, 0xbadff4, 0xf9d9f9, 0xdedaf7,
    };
    constexpr quint32 size = std::size(colors);
    QColor color(colors[index % size]);
    // Later rounds: darker by a step each round (a QColor per round and index is distinct as
    // long as the rounds' lightness differs; 0xffffff never occurs above).
    if (index >= size)
        color = color.darker(int(100 + 30 * (index / size % 5)));
    return color;
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
