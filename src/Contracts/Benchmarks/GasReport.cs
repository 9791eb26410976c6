using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedChain.Contracts.Benchmarks;

/// <summary>
/// Gas figures of a consortium run on anvil (<c>fedchain bench chain</c>), written as gas.json and gas.md.
/// </summary>
public sealed record GasReport
{
    /// <summary>Gas used by each operation, by name (steady-state rounds for the ledger operations).</summary>
    [JsonPropertyName("operations")] public required SortedDictionary<string, long> Operations { get; init; }

    /// <summary>Marginal gas of one more member in a steady round: T(n) - T(n - 1).</summary>
    [JsonPropertyName("per_member_per_round")] public required long PerMemberPerRound { get; init; }

    /// <summary>The rest of a steady round's gas: T(n) - n * per_member_per_round.</summary>
    [JsonPropertyName("per_round_fixed")] public required long PerRoundFixed { get; init; }

    [JsonPropertyName("members")] public required int Members { get; init; }

    [JsonPropertyName("rounds")] public required int Rounds { get; init; }

    /// <summary>Total gas of every round of the main run (commits plus score recording), by round.</summary>
    [JsonPropertyName("gas_per_round")] public required IReadOnlyList<long> GasPerRound { get; init; }

    /// <summary>The commits' share of <see cref="GasPerRound"/> (the rest is score recording).</summary>
    [JsonPropertyName("commit_gas_per_round")] public required IReadOnlyList<long> CommitGasPerRound { get; init; }

    /// <summary>What each check the ledger makes costs (<see cref="CheckGasProbe"/>), and the per-member
    /// share of recording and settling.</summary>
    [JsonPropertyName("checks")] public required SortedDictionary<string, long> Checks { get; init; }

    /// <summary>Commit, recordScores, startPlan, remove and settle against member count (<see cref="GasScaling"/>).</summary>
    [JsonPropertyName("scaling")] public required IReadOnlyList<GasScalingRow> Scaling { get; init; }

    /// <summary>The rounds averaged as steady state, and how the two figures were derived.</summary>
    [JsonPropertyName("method")] public required string Method { get; init; }

    [JsonPropertyName("target_per_member")] public long TargetPerMember { get; init; } = 68_000;

    [JsonPropertyName("target_fixed")] public long TargetFixed { get; init; } = 80_000;

    [JsonPropertyName("meets_target")] public bool MeetsTarget => PerMemberPerRound <= TargetPerMember && PerRoundFixed <= TargetFixed;

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });

    public string ToMarkdown()
    {
        var s = new StringBuilder();
        s.AppendLine($"# Chain gas: {Members} members, {Rounds} rounds (anvil)").AppendLine();
        s.AppendLine("| operation | gas |").AppendLine("|---|---:|");
        foreach (var (name, gas) in Operations) s.AppendLine($"| {name} | {gas:N0} |");
        s.AppendLine().AppendLine("| steady round | gas | target |").AppendLine("|---|---:|---:|");
        s.AppendLine($"| per member | {PerMemberPerRound:N0} | {TargetPerMember:N0} |");
        s.AppendLine($"| fixed | {PerRoundFixed:N0} | {TargetFixed:N0} |");
        s.AppendLine($"| total with {Members} members | {PerRoundFixed + Members * PerMemberPerRound:N0} | {TargetFixed + Members * TargetPerMember:N0} |");
        s.AppendLine().AppendLine($"Gas per round: {string.Join(", ", GasPerRound.Select(g => g.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}.");
        if (Scaling.Count > 0)
        {
            s.AppendLine().AppendLine("| members | commit (plain) | all commits of a round | recordScores (4 rounds) | startPlan | remove | next commit after remove | settle |");
            s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in Scaling)
                s.AppendLine($"| {r.Members} | {r.Commit:N0} | {r.CommitRound:N0} | {r.RecordScores:N0} | {r.StartPlan:N0} | {r.Remove:N0} | {r.FirstCommitAfterRemove:N0} | {r.Settle:N0} |");
        }

        s.AppendLine().AppendLine("| check | gas |").AppendLine("|---|---:|");
        foreach (var (name, gas) in Checks) s.AppendLine($"| {name} | {gas:N0} |");
        s.AppendLine().AppendLine(Method);
        return s.ToString();
    }
}
