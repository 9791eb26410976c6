namespace FedChain.Node.Wire.V1;

/// <summary>A version-1 protocol message: one record per file in this folder, encoded as MessagePack.</summary>
public interface IWireMessage
{
    MessageCode Code { get; }

    /// <summary>Throws <see cref="MalformedFrameException"/> when a field is missing or out of range.</summary>
    void Validate();
}
