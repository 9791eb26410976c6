namespace FedChain.Contracts.Client;

/// <summary>A chain operation failed; the message names the operation and the endpoint.</summary>
public class ChainException : Exception
{
    public ChainException(string message, Exception? inner = null) : base(message, inner) { }
}
