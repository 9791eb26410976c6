using System.Text.Json.Serialization;

namespace FedChain.Contracts.Benchmarks;

/// <summary>Gas of the operations that grow with the consortium, at one member count (<see cref="GasScaling"/>).</summary>
public sealed record GasScalingRow
{
    [JsonPropertyName("members")] public required int Members { get; init; }

    /// <summary>A plain commit in a steady round (neither the first vote, the agreeing one nor the closing one).</summary>
    [JsonPropertyName("commit")] public required long Commit { get; init; }

    /// <summary>All commits of that steady round together.</summary>
    [JsonPropertyName("commit_round")] public required long CommitRound { get; init; }

    /// <summary>recordScores of four rounds' vectors naming every member.</summary>
    [JsonPropertyName("record_scores")] public required long RecordScores { get; init; }

    /// <summary>The governor's execute of startPlan (through the timelock), inviting every member.</summary>
    [JsonPropertyName("start_plan")] public required long StartPlan { get; init; }

    /// <summary>The governor's execute of a member's removal (through the timelock), while it is in a running plan.</summary>
    [JsonPropertyName("remove")] public required long Remove { get; init; }

    /// <summary>The next commit to that plan, which applies the removal (drops the member, undoes its open votes).</summary>
    [JsonPropertyName("first_commit_after_remove")] public required long FirstCommitAfterRemove { get; init; }

    /// <summary>Settling the plan: the reward mint for every member.</summary>
    [JsonPropertyName("settle")] public required long Settle { get; init; }
}
