#include "http/tcpacceptor.h"

namespace Latchkey::Http {

TcpAcceptor::TcpAcceptor(DescriptorSink sink, QObject *parent)
    : QTcpServer(parent)
    , m_sink(std::move(sink))
{ }

void TcpAcceptor::incomingConnection(qintptr socketDescriptor)
{
    m_sink(socketDescriptor);
}

} // namespace Latchkey::Http
