#pragma once

#include <QTcpServer>

#include <functional>

namespace Latchkey::Http {

/// Listening socket that hands each accepted descriptor to a callback instead of wrapping it in
/// a QTcpSocket on this thread, so that the worker thread which serves the connection owns its
/// socket from the start. Engine-internal.
class TcpAcceptor : public QTcpServer
{
    Q_OBJECT

public:
    using DescriptorSink = std::function<void(qintptr descriptor)>;

    explicit TcpAcceptor(DescriptorSink sink, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    DescriptorSink m_sink;
};

} // namespace Latchkey::Http
