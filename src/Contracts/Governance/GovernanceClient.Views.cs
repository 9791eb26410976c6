using System.Numerics;
using FedChain.Contracts.Client;

namespace FedChain.Contracts.Governance;

/// <summary>A vote with its reason on the record, and which votes count toward the quorum.</summary>
public sealed partial class GovernanceClient
{
    public Task<TransactionOutcome> VoteAsync(BigInteger proposalId, VoteSupport support, string reason, CancellationToken ct = default) =>
        chain.SendAsync(governor, new GovernorFunctions.CastVoteWithReason { ProposalId = proposalId, Support = (byte)support, Reason = reason }, ct);

    /// <summary>Which votes count toward the quorum, from COUNTING_MODE's "quorum=" part (e.g. ["for"]).</summary>
    public async Task<IReadOnlyList<string>> QuorumCountsAsync(CancellationToken ct = default)
    {
        var mode = await chain.CallAsync<GovernorFunctions.CountingMode, string>(governor, new(), ct: ct);
        var quorum = mode.Split('&').FirstOrDefault(p => p.StartsWith("quorum=", StringComparison.Ordinal));
        return quorum is null ? ["for"] : quorum["quorum=".Length..].Split(',');
    }
}
