#pragma once

#include <QObject>

class QSocketNotifier;

namespace Latchkey::Server {

/// Turns SIGTERM and SIGINT into a Qt signal delivered on the event loop (self-pipe), so shutdown
/// runs as ordinary code rather than inside a signal handler.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Latchkey::Server
