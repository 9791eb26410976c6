using System.Numerics;
using FedChain.Contracts.Client;

namespace FedChain.Contracts.Rewards;

/// <summary>Reads reward-token balances (minting is the ledger's, from recorded scores).</summary>
public sealed class RewardsClient(ChainClient chain, string token)
{
    public string Address => token;

    public Task<BigInteger> BalanceAsync(string account, CancellationToken ct = default) =>
        chain.CallAsync<RewardFunctions.BalanceOf, BigInteger>(token, new() { Account = account }, ct: ct);
}
