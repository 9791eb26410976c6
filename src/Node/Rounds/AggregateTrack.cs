using System.Security.Cryptography;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Plans;

namespace FedChain.Node.Rounds;

/// <summary>
/// The sequence of aggregates one plan goes through, computed from the accepted blobs of each closed
/// round: round 0 sums feature moments, rounds 1..R apply the plan's server stage
/// (<see cref="RoundPipeline"/>, the one <c>fedchain simulate</c> runs) to the round's
/// <see cref="RoundContributions"/>. Nodes and the auditor run this same code, so the hashes they
/// vote and check are the same bits (docs/ARCHITECTURE.md, "Determinism").
/// </summary>
/// <param name="members">Participants of the plan: SCAFFOLD's N.</param>
public sealed class AggregateTrack(TrainingPlan plan, int members)
{
    public TrainingPlan Plan { get; } = plan;

    public RoundPipeline Pipeline { get; } = RoundPipeline.For(plan);

    /// <summary>The consortium's moments after round 0 (null before).</summary>
    public FeatureMoments? PooledMoments { get; private set; }

    public float[] Global { get; private set; } = plan.InitialParameters();

    public ServerState Server { get; private set; } = new();

    /// <summary>The last round applied; -1 before round 0.</summary>
    public int Round { get; private set; } = -1;

    /// <summary>The hash of the last aggregate (what members vote).</summary>
    public byte[] Hash { get; private set; } = [];

    /// <summary>Round 0: sums the sites' moments in site-name order (the order <c>fedchain simulate</c> uses).</summary>
    public byte[] ApplyMoments(IReadOnlyList<AcceptedBlob> accepted)
    {
        Expect(0);
        var moments = accepted
            .Select(a => EnvelopeBodies.ReadMoments(a.Envelope.Body))
            .OrderBy(m => m.Site, StringComparer.Ordinal)
            .Select(m => FeatureMoments.FromVector(m.Vector))
            .ToList();
        PooledMoments = moments.Count == 0 ? null : FeatureMoments.Combine(moments);
        var vector = PooledMoments?.ToVector() ?? [];
        var bytes = new byte[vector.Length * 8];
        for (var i = 0; i < vector.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 8), vector[i]);
        Hash = SHA256.HashData(bytes);
        Round = 0;
        return Hash;
    }

    /// <summary>The server stages' inputs for the next round: the track's model and state, and the round's contributions.</summary>
    public RoundInputs InputsFor(int round, RoundContributions contributions)
    {
        Expect(round);
        return Pipeline.Inputs(round, Global, Server, contributions.ToSum(Plan.UpdateLength), contributions.Updates, members);
    }

    /// <summary>Round r >= 1: applies the server rule. With no participant (or a round that could not be unmasked) the model stays as it was.</summary>
    public byte[] Apply(RoundInputs inputs)
    {
        Expect(inputs.Round);
        (Global, Server) = Pipeline.Aggregate(inputs);
        Hash = Convert.FromHexString(ModelHash.Of(Global));
        Round = inputs.Round;
        return Hash;
    }

    /// <summary>Round r >= 1 of a plan whose updates travel unmasked.</summary>
    public byte[] ApplyUpdates(int round, IReadOnlyList<AcceptedBlob> accepted) =>
        Apply(InputsFor(round, RoundContributions.Plain(accepted, Pipeline, round)));

    private void Expect(int round)
    {
        if (Round + 1 != round) throw new InvalidOperationException($"aggregate track is at round {Round}; cannot apply round {round}");
    }
}
