using System.Buffers;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Wire;

/// <summary>One frame as read: its header fields and its still-encoded body, a slice of the read buffer.</summary>
internal readonly record struct Frame(byte Version, MessageCode Code, ReadOnlySequence<byte> Body, int WireLength);
