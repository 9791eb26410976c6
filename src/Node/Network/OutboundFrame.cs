using FedChain.Node.Wire.V1;

namespace FedChain.Node.Network;

/// <summary>An encoded frame waiting in a connection's send queue.</summary>
internal readonly record struct OutboundFrame(byte[] Bytes, MessageCode Code);
