using FedChain.Contracts.Events;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Plans;
using FedChain.Learning.Training;
using FedChain.Node.Agent;
using FedChain.Node.Identity;
using FedChain.Node.Rounds;

namespace FedChain.Node.Tests.SecureRounds;

/// <summary>
/// A secure-aggregation plan's rounds replayed in the clear: the test trains each committer's round itself
/// (training is seeded and deterministic without DP) to get its plain fixed-point update, next to the masked
/// update it committed, and the aggregate the plain sum of the round's committers gives.
/// </summary>
internal static class PlainReplay
{
    /// <summary>One committer's round: what it committed (masked) and its plain update.</summary>
    public sealed record Committed(string Member, uint[] Masked, uint[] Plain);

    /// <param name="dataFiles">Each site's file and mapping, by site.</param>
    /// <param name="sites">Each member's site, by lower-case address.</param>
    /// <param name="blob">The committed blob's bytes, by its hash.</param>
    public static IReadOnlyList<(int Round, IReadOnlyList<Committed> Committers, string Aggregate)> Rounds(
        TrainingPlan plan, PlanRecord record, IReadOnlyDictionary<string, string> sites, IReadOnlyDictionary<string, SiteSource> dataFiles, Func<byte[], byte[]> blob)
    {
        var track = new AggregateTrack(plan, record.Participants.Count);
        track.ApplyMoments([.. record.Rounds[0].Commitments.Select(c => CommitmentCheck.Check(plan, record.PlanHash, c, blob(c.BlobHash), out _)!)]);
        var local = sites.ToDictionary(m => m.Key, m =>
        {
            var site = LocalSite.Load(plan, dataFiles[m.Value] with { Site = m.Value });
            site.Normalise(plan.Normalisation, track.PooledMoments);
            return site;
        });

        var rounds = new List<(int, IReadOnlyList<Committed>, string)>();
        for (var round = 1; round < record.Rounds.Count; round++)
        {
            var committers = new List<Committed>();
            var plain = new List<AcceptedBlob>();
            foreach (var commitment in record.Rounds[round].Commitments)
            {
                var site = local[commitment.Member.ToLowerInvariant()];
                var update = ClientStep.Run(plan, track.Global, track.Server.Control, site.Scaled!.Train, round, ClientState.Initial);
                var quantised = RoundAggregation.Quantise(plan, update, round, site.Name, out _);
                var envelope = BlobEnvelope.Open(blob(commitment.BlobHash));
                if (envelope.Kind != EnvelopeKind.MaskedUpdate) throw new InvalidDataException($"round {round}: {commitment.Member} committed a {envelope.Kind} blob");
                committers.Add(new Committed(commitment.Member, EnvelopeBodies.ReadUpdate(envelope.Body, plan.UpdateLength), quantised));
                plain.Add(new AcceptedBlob(NodeAddress.Parse(commitment.Member), "", envelope with { Kind = EnvelopeKind.Update, Body = EnvelopeBodies.Update(quantised) }));
            }

            rounds.Add((round, committers, Convert.ToHexStringLower(track.ApplyUpdates(round, plain))));
        }

        return rounds;
    }

    /// <summary>A blob from an exported folder (flat or fanned out by the first two hex digits).</summary>
    public static byte[] FromFolder(string folder, byte[] hash)
    {
        var id = Convert.ToHexStringLower(hash);
        foreach (var path in new[] { Path.Combine(folder, id), Path.Combine(folder, id[..2], id) })
        {
            if (File.Exists(path)) return File.ReadAllBytes(path);
        }

        throw new Xunit.Sdk.XunitException($"blob {id} is not among the exported blobs in {folder}");
    }
}
