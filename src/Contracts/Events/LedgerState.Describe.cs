using System.Text;

namespace FedChain.Contracts.Events;

public sealed partial class LedgerState
{
    /// <summary>A canonical text rendering of the whole state: two replays of the same chain give the same text.</summary>
    public string Describe()
    {
        var s = new StringBuilder();
        foreach (var (address, m) in _members) s.AppendLine($"member {address} {m.Role} \"{m.Name}\" {m.Endpoint}");
        foreach (var (id, p) in _proposals) s.AppendLine($"proposal {id} by {Key(p.Created.Proposer)} votes {p.Votes.Count} eta {p.Eta?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} executed {p.Executed} canceled {p.Canceled}: {p.Created.Description}");
        s.AppendLine($"lifetime budget default {DefaultLifetimeBudget?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} max pool {MaxRewardPool?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        foreach (var (dataset, budget) in _lifetimeBudgets) s.AppendLine($"lifetime budget {dataset} {budget}");
        foreach (var (key, spent) in _lifetimeSpent) s.AppendLine($"lifetime spent {key} {spent}");
        foreach (var (id, p) in _plans)
        {
            s.AppendLine($"plan {id} {Hex(p.PlanHash)} {p.Status} round {p.CurrentRound}/{p.TotalRounds} window {p.CommitWindow}s participants [{string.Join(",", p.Participants)}] released {Hex(p.ReleasedModel)}");
            foreach (var (member, spent) in p.EpsilonSpent) s.AppendLine($"  spent {member} {spent}");
            foreach (var (member, index) in p.Indexes) s.AppendLine($"  index {member} {index}");
            foreach (var (member, pin) in p.SecureAggregationPins) s.AppendLine($"  secagg pin {member} {Hex(pin)}");
            if (p.Settled is { } minted) s.AppendLine($"  settled {minted}");
            foreach (var (member, blob) in p.Evaluations) s.AppendLine($"  evaluation {member} {Hex(blob)}");
            if (p.Kind == Ledger.PlanKind.Analysis) s.AppendLine($"  analysis result {Hex(p.AgreedResult?.ResultHash)} after round {p.AgreedResult?.Round.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
            foreach (var v in p.ResultVotes) s.AppendLine($"  result vote {v.Voter} round {v.Round} {Hex(v.Hash)}");
            foreach (var r in p.Rounds)
            {
                s.AppendLine($"  round {r.Round} opened {r.OpenedAt} deadline {r.Deadline} closed {r.Closed} early {r.ClosedEarly} aggregate {Hex(r.FinalAggregate)} scores {Hex(r.AgreedScores)}");
                foreach (var c in r.Commitments) s.AppendLine($"    commit {Key(c.Member)} {Hex(c.BlobHash)} n={c.SampleCount} eps={c.EpsilonSpent}");
                foreach (var v in r.AggregateVotes.Concat(r.ScoresVotes)) s.AppendLine($"    vote {v.Kind} {v.Voter} {Hex(v.Hash)}");
                foreach (var d in r.Dissents) s.AppendLine($"    dissent {d.Kind} {Key(d.Voter)} {Hex(d.Hash)} vs {Hex(d.LeadingHash)}");
                foreach (var b in r.ExclusionBallots) s.AppendLine($"    ballot {Key(b.Voter)} {b.Missing}");
                foreach (var x in r.Excluded) s.AppendLine($"    excluded {x}");
                foreach (var (member, pin) in r.ReportPins) s.AppendLine($"    report pin {member} {Hex(pin)}");
                if (r.RecordedScores is { } sc) s.AppendLine($"    scores {string.Join(",", sc.Members.Zip(sc.Scores, (a, b) => $"{Key(a)}={b}"))}");
            }
        }

        foreach (var (address, balance) in _rewards) s.AppendLine($"reward {address} {balance}");
        return s.ToString();
    }

    private static string Hex(byte[]? bytes) => bytes is null ? "-" : Convert.ToHexStringLower(bytes);
}
