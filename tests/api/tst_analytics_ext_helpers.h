#pragma once

// What the tst_analytics_ext_*.cpp tests share: the manual clock's start and the bucket widths.

#include <QtGlobal>

namespace Latchkey::Test::AnalyticsExt {

constexpr qint64 Start = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

} // namespace Latchkey::Test::AnalyticsExt
