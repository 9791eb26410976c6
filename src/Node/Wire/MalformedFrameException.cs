namespace FedChain.Node.Wire;

/// <summary>A frame that is not a valid message: the connection drops it and penalises its sender.</summary>
public sealed class MalformedFrameException(string message, Exception? inner = null) : Exception(message, inner);
