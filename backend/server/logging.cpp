#include "server/logging.h"

#include "core/threadpriority.h"

#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <string_view>
#include <thread>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

namespace {

bool g_json = false;

// Per-request access lines come at up to ~100k/s. Formatting them with QDateTime and QJsonDocument
// and writing each with its own write(2) cost about a third of a verification (callgrind), so
// lines are formatted by hand and access lines are written in batches.
constexpr std::string_view kAccessCategory = "latchkey.access";
constexpr qsizetype kBatchBytes = 32 * 1024;
constexpr auto kBatchDelay = std::chrono::milliseconds(100);

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "error";
    case QtFatalMsg: return "fatal";
    }
    return "info";
}

void writeAll(const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t written = ::write(STDERR_FILENO, data, size_t(size));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return; // stderr is gone: nothing sensible left to do with the line
        data += written;
        size -= written;
    }
}

/// Collects log lines and writes them to stderr. Access lines wait up to kBatchDelay (or until
/// kBatchBytes are pending) for company; any other line is written at once, after what is pending,
/// so the order of lines is kept. Never destroyed: Qt may log during static destruction.
class LogWriter
{
public:
    void append(const QByteArray &line, bool deferrable)
    {
        std::unique_lock locker(m_lock);
        m_pending.append(line);
        if (m_direct || !deferrable || m_pending.size() >= kBatchBytes) {
            flushLocked();
            return;
        }
        if (!m_flusherStarted) {
            m_flusherStarted = true;
            std::thread([this] { runFlusher(); }).detach();
        }
    }

    /// Writes what is pending; lines after this are written at once (the process is ending).
    void finish()
    {
        std::unique_lock locker(m_lock);
        m_direct = true;
        flushLocked();
    }

private:
    void flushLocked()
    {
        if (m_pending.isEmpty())
            return;
        writeAll(m_pending.constData(), m_pending.size());
        m_pending.resize(0);
    }

    [[noreturn]] void runFlusher()
    {
        // Off the request path: it must not delay a worker sharing its core (32 KiB of pending
        // lines are written by the appending thread anyway, so starving it only batches more).
        (void)Core::setCurrentThreadPriority(Core::BackgroundPriority::Idle);
        std::unique_lock locker(m_lock);
        for (;;) {
            m_wake.wait_for(locker, kBatchDelay);
            flushLocked();
        }
    }

    std::mutex m_lock;
    std::condition_variable m_wake;
    QByteArray m_pending;
    bool m_flusherStarted = false;
    bool m_direct = false;
};

LogWriter *g_writer = nullptr;

/// ISO 8601 UTC with milliseconds, as Qt::ISODateWithMs writes it: "2026-11-26T01:41:49.352Z".
/// The part up to the seconds is formatted once per second and thread.
void appendTime(QByteArray &out)
{
    timespec now {};
    clock_gettime(CLOCK_REALTIME, &now);
    thread_local time_t cachedSecond = -1;
    thread_local char prefix[24];
    if (now.tv_sec != cachedSecond) {
        std::tm utc {};
        gmtime_r(&now.tv_sec, &utc);
        std::strftime(prefix, sizeof prefix, "%Y-%m-%dT%H:%M:%S.", &utc);
        cachedSecond = now.tv_sec;
    }
    const long ms = now.tv_nsec / 1000000;
    const char digits[] = {char('0' + ms / 100), char('0' + ms / 10 % 10), char('0' + ms % 10), 'Z'};
    out.append(prefix, 20).append(digits, 4);
}

bool needsJsonEscape(char c)
{
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
}

/// Appends @p text as the inside of a JSON string, escaped as QJsonDocument does. Runs of plain
/// characters are appended in one piece (a per-character append cost ~4k instructions a line).
void appendJsonEscaped(QByteArray &out, QByteArrayView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!needsJsonEscape(c))
            continue;
        out.append(text.sliced(runStart, i - runStart));
        runStart = i + 1;
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default: {
            const auto u = static_cast<unsigned char>(c);
            const char escaped[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf]};
            out.append(escaped, 6);
        }
        }
    }
    out.append(text.sliced(runStart));
}

QByteArray formatLine(QtMsgType type, const char *category, const QString &message)
{
    const QByteArray text = message.toUtf8();
    QByteArray line;
    line.reserve(text.size() + 96);
    if (g_json) { // keys in QJsonDocument's (sorted) order, as before
        line.append("{\"category\":\"");
        appendJsonEscaped(line, category);
        line.append("\",\"level\":\"").append(levelName(type)).append("\",\"message\":\"");
        appendJsonEscaped(line, text);
        line.append("\",\"time\":\"");
        appendTime(line);
        line.append("\"}\n");
    } else {
        appendTime(line);
        line.append(' ').append(levelName(type)).append(' ').append(category).append(": ").append(text).append('\n');
    }
    return line;
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const char *category = context.category ? context.category : "default";
    const bool deferrable = type == QtInfoMsg && std::string_view(category) == kAccessCategory;
    g_writer->append(formatLine(type, category, message), deferrable);
}

} // namespace

void installLogHandler(const QString &format)
{
    g_json = format == u"json";
    if (!g_writer) {
        g_writer = new LogWriter; // deliberately never deleted (see LogWriter)
        std::atexit([] { g_writer->finish(); });
    }
    qInstallMessageHandler(handler);
}

} // namespace Latchkey::Server
