using System.Globalization;
using System.Numerics;
using FedChain.Contracts.Deployment;
using Nethereum.Contracts;

namespace FedChain.Contracts.Governance;

public static partial class Proposals
{
    /// <summary>One proposal that changes each given setting: calls the governor makes on itself (onlyGovernance).</summary>
    public static Proposal Settings(ConsortiumAddresses at, GovernanceSettings settings, string? description = null)
    {
        if (settings.IsEmpty) throw new ArgumentException("a settings proposal needs at least one setting to change", nameof(settings));
        var calls = new List<byte[]>();
        var words = new List<string>();
        if (settings.VotingDelaySeconds is { } delay)
        {
            calls.Add(new GovernorFunctions.SetVotingDelay { NewVotingDelay = delay }.GetCallData());
            words.Add(string.Create(CultureInfo.InvariantCulture, $"voting delay {delay} s"));
        }

        if (settings.VotingPeriodSeconds is { } period)
        {
            calls.Add(new GovernorFunctions.SetVotingPeriod { NewVotingPeriod = period }.GetCallData());
            words.Add(string.Create(CultureInfo.InvariantCulture, $"voting period {period} s"));
        }

        if (settings.QuorumPercent is { } quorum)
        {
            calls.Add(new GovernorFunctions.UpdateQuorumNumerator { NewQuorumNumerator = quorum }.GetCallData());
            words.Add(string.Create(CultureInfo.InvariantCulture, $"quorum {quorum} %"));
        }

        return new Proposal([.. calls.Select(_ => at.Governor)], [.. calls.Select(_ => BigInteger.Zero)], calls, description ?? $"Set {string.Join(", ", words)}");
    }
}
