using System.Text;
using FedChain.Node.Governance;

namespace FedChain.Node.Cli;

/// <summary>A proposal view as lines of text.</summary>
internal static class ProposalText
{
    public static string Summary(ProposalView v) =>
        $"#{v.Id} [{v.State}] {string.Join("; ", v.Actions.Select(a => a.Summary))} — {v.VotesFor} for, {v.VotesAgainst} against, {v.VotesAbstain} abstain, quorum {v.VotesNeeded}; {v.Next}";

    public static string Full(ProposalView v)
    {
        var text = new StringBuilder();
        text.AppendLine($"proposal {v.Id}: {v.State}");
        text.AppendLine($"  proposed by {v.ProposerName ?? "?"} ({v.Proposer}): \"{v.Description}\"");
        foreach (var action in v.Actions)
        {
            text.AppendLine($"  does: {action.Summary}");
            text.AppendLine($"  executing it: {action.Effect}");
        }

        text.AppendLine($"  votes: {v.VotesFor} for, {v.VotesAgainst} against, {v.VotesAbstain} abstain; quorum {v.VotesNeeded} ({v.QuorumCounts} count toward it): {(v.QuorumReached ? "reached" : "not reached")}");
        foreach (var voter in v.Voters) text.AppendLine($"    {voter.Name ?? voter.Voter} ({voter.Voter}) voted {voter.Support}{(voter.Reason is null ? "" : $": \"{voter.Reason}\"")}");
        text.AppendLine($"  voting opens after {ChainClock.Format(v.VotingOpensAt)} ({ChainClock.Relative(v.VotingOpensAt, v.ChainTime)}), closes at {ChainClock.Format(v.VotingClosesAt)} ({ChainClock.Relative(v.VotingClosesAt, v.ChainTime)})");
        if (v.ExecutableAt is { } eta) text.AppendLine($"  queued: executable after {ChainClock.Format(eta)} ({ChainClock.Relative(eta, v.ChainTime)})");
        text.Append($"  next: {v.Next}");
        return text.ToString();
    }
}
