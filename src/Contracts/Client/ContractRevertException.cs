namespace FedChain.Contracts.Client;

/// <summary>A call or transaction reverted; <see cref="Revert"/> holds the decoded custom error or reason.</summary>
public sealed class ContractRevertException(string operation, DecodedRevert revert, Exception? inner = null)
    : ChainException($"{operation} reverted: {revert}", inner)
{
    public DecodedRevert Revert { get; } = revert;

    /// <summary>The custom error's name (e.g. <c>NotParticipant</c>), <c>Error</c> for a reason string,
    /// <c>Panic</c>, or <c>Unknown</c>.</summary>
    public string ErrorName => Revert.Name;
}
