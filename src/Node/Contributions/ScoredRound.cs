using System.Text.Json.Serialization;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Contribution;

namespace FedChain.Node.Contributions;

/// <summary>One round's scores as a node computed them from the signed utility reports.</summary>
/// <param name="Scores">Per member in <paramref name="Members"/> order, chain micro units (1e6 = 1.0).</param>
/// <param name="VectorHash">The hash voted on-chain (<see cref="ScoreVector.Hash"/>), hex.</param>
/// <param name="Engine">The engine's result (1e-9 units, evaluators, excluded reports).</param>
/// <param name="ReportMilliseconds">This node's own report: building every scheduled subset model and evaluating it.</param>
/// <param name="ScoringMilliseconds">Combining the reports into scores (after they arrived).</param>
public sealed record ScoredRound(
    int Round,
    IReadOnlyList<string> Members,
    IReadOnlyList<long> Scores,
    string VectorHash,
    RoundScores Engine,
    double ReportMilliseconds,
    double ScoringMilliseconds)
{
    [JsonIgnore]
    public ScoreVector? Vector { get; init; }
}
