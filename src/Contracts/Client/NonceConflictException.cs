namespace FedChain.Contracts.Client;

/// <summary>The account's next nonce was used by another sender; the client resynchronises and retries.</summary>
internal sealed class NonceConflictException(string account, string operation, Exception inner)
    : ChainException($"{operation}: the nonce of {account} was taken by another transaction", inner);
