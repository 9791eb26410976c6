using System.Numerics;

namespace FedChain.Contracts.Client;

/// <summary>The sending account cannot pay for gas.</summary>
public sealed class InsufficientFundsException(string account, BigInteger balanceWei, string operation, Exception inner)
    : ChainException($"{operation}: account {account} cannot pay for gas (balance {balanceWei} wei); fund it first", inner)
{
    public string Account { get; } = account;

    public BigInteger BalanceWei { get; } = balanceWei;
}
