using System.Text;

namespace FedChain.Contracts.Events;

public sealed partial class LedgerState
{
    /// <summary>A canonical text rendering of the whole state: two replays of the same chain give the same text.</summary>
    public string Describe()
    {
        var s = new StringBuilder();
        foreach (var (address, m) in _members) s.AppendLine($"member {address} {m.Role} \"{m.Name}\" {m.Endpoint}");
        foreach (var (id, p) in _proposals) s.AppendLine($"proposal {id} by {Key(p.Created.Proposer)} votes {p.Votes.Count} executed {p.Executed} canceled {p.Canceled}: {p.Created.Description}");
        foreach (var (id, p) in _plans)
        {
            s.AppendLine($"plan {id} {Hex(p.PlanHash)} {p.Status} round {p.CurrentRound}/{p.TotalRounds} window {p.CommitWindow}s participants [{string.Join(",", p.Participants)}] released {Hex(p.ReleasedModel)}");
            foreach (var (member, spent) in p.EpsilonSpent) s.AppendLine($"  spent {member} {spent}");
            foreach (var (member, blob) in p.Evaluations) s.AppendLine($"  evaluation {member} {Hex(blob)}");
            foreach (var r in p.Rounds)
            {
                s.AppendLine($"  round {r.Round} opened {r.OpenedAt} deadline {r.Deadline} closed {r.Closed} early {r.ClosedEarly} aggregate {Hex(r.FinalAggregate)} scores {Hex(r.AgreedScores)}");
                foreach (var c in r.Commitments) s.AppendLine($"    commit {Key(c.Member)} {Hex(c.BlobHash)} n={c.SampleCount} eps={c.EpsilonSpent}");
                foreach (var v in r.AggregateVotes.Concat(r.ScoresVotes)) s.AppendLine($"    vote {v.Kind} {v.Voter} {Hex(v.Hash)}");
                foreach (var d in r.Dissents) s.AppendLine($"    dissent {d.Kind} {Key(d.Voter)} {Hex(d.Hash)} vs {Hex(d.LeadingHash)}");
                if (r.RecordedScores is { } sc) s.AppendLine($"    scores {string.Join(",", sc.Members.Zip(sc.Scores, (a, b) => $"{Key(a)}={b}"))}");
            }
        }

        foreach (var (address, balance) in _rewards) s.AppendLine($"reward {address} {balance}");
        return s.ToString();
    }

    private static string Hex(byte[]? bytes) => bytes is null ? "-" : Convert.ToHexStringLower(bytes);
}
