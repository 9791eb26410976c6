using System.Security.Cryptography;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;

namespace FedChain.Node.Rounds;

/// <summary>
/// The sequence of aggregates one plan goes through, computed from the accepted blobs of each closed
/// round in deterministic C#: round 0 sums feature moments, rounds 1..R sum fixed-point updates mod
/// 2^32 and apply the server rule. Nodes and the auditor run this same code, so the hashes they
/// vote and check are the same bits (docs/ARCHITECTURE.md, "Determinism").
/// </summary>
/// <param name="members">Participants of the plan: SCAFFOLD's N.</param>
public sealed partial class AggregateTrack(TrainingPlan plan, int members)
{
    public TrainingPlan Plan { get; } = plan;

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

    /// <summary>Round r >= 1: sums the accepted updates mod 2^32 and applies the server rule. With no
    /// accepted update the model stays as it was.</summary>
    public byte[] ApplyUpdates(int round, IReadOnlyList<AcceptedBlob> accepted)
    {
        Expect(round);
        if (accepted.Count > 0)
        {
            var sum = new uint[Plan.UpdateLength];
            foreach (var blob in accepted) UpdateQuantiser.AddInto(sum, EnvelopeBodies.ReadUpdate(blob.Envelope.Body, Plan.UpdateLength));
            var samples = accepted.Sum(a => (long)a.Envelope.SampleCount);
            (Global, Server) = RoundAggregation.ApplyQuantisedSum(Plan, Global, Server, sum, samples, accepted.Count, members);
        }

        Hash = Convert.FromHexString(ModelHash.Of(Global));
        Round = round;
        return Hash;
    }

    private void Expect(int round)
    {
        if (Round + 1 != round) throw new InvalidOperationException($"aggregate track is at round {Round}; cannot apply round {round}");
    }
}
