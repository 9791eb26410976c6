using FedChain.Contracts.Ledger;
using FedChain.Learning.Collection;
using FedChain.Learning.Compression;
using FedChain.Learning.Plans;
using FedChain.Node.Identity;
using FedChain.Node.ShardedAggregation;

namespace FedChain.Node.Rounds;

/// <summary>
/// Whether a committed blob may enter a round's aggregate. Every honest node and the auditor run
/// this same check on the same bytes (the chain pins their hash), so they agree on what is excluded.
/// </summary>
public static class CommitmentCheck
{
    /// <param name="shards">A sharded plan's shard count (its participants); a training commit's body must list that many shards.</param>
    /// <returns>The accepted blob, or null with <paramref name="problem"/> saying why it is excluded.</returns>
    public static AcceptedBlob? Check(TrainingPlan plan, byte[] planHash, LedgerEvents.Committed commitment, byte[] blob, out string? problem, int? shards = null)
    {
        var expectedKind = commitment.Round == 0 ? EnvelopeKind.Moments : plan.SecureAggregation is { Enabled: true } ? EnvelopeKind.MaskedUpdate : EnvelopeKind.Update;
        return Check(planHash, commitment, blob, expectedKind, envelope => BodyProblem(plan, envelope, shards), out problem, EarliestRound(plan, commitment.Round));
    }

    /// <summary>The earliest round a blob committed in <paramref name="round"/> may have trained for: the round itself, or
    /// in an asynchronous plan's arrival window (a training round) as far back as its maximum staleness.</summary>
    private static uint EarliestRound(TrainingPlan plan, uint round) =>
        plan.Asynchronous is { } buffered && round >= 1 ? (uint)Math.Max(1, (long)round - buffered.MaxStaleness) : round;

    /// <summary>The same checks for any plan: the hash, the envelope and its signer, kind, plan, round and sample count, then <paramref name="bodyProblem"/>.</summary>
    /// <returns>The accepted blob, or null with <paramref name="problem"/> saying why it is excluded.</returns>
    /// <param name="earliestRound">The earliest round the blob may name (default: the commitment's round only).</param>
    public static AcceptedBlob? Check(byte[] planHash, LedgerEvents.Committed commitment, byte[] blob, EnvelopeKind expectedKind, Func<BlobEnvelope, string?> bodyProblem, out string? problem, uint? earliestRound = null)
    {
        var member = NodeAddress.Parse(commitment.Member);
        var expectedHash = Convert.ToHexStringLower(commitment.BlobHash);
        problem = null;
        if (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(blob)) != expectedHash)
        {
            problem = $"blob does not hash to the committed {expectedHash}";
            return null;
        }

        BlobEnvelope envelope;
        try
        {
            envelope = BlobEnvelope.Open(blob);
        }
        catch (InvalidDataException e)
        {
            problem = e.Message;
            return null;
        }

        problem = envelope.Signer != member ? $"blob is signed by {envelope.Signer}, not by the committing member"
            : envelope.Kind != expectedKind ? $"blob is a {envelope.Kind} envelope, round {commitment.Round} takes {expectedKind}"
            : !envelope.PlanHash.AsSpan().SequenceEqual(planHash) ? "blob names another plan"
            : envelope.Round > commitment.Round || envelope.Round < (earliestRound ?? commitment.Round) ? BadRound(envelope.Round, commitment.Round, earliestRound)
            : envelope.SampleCount != commitment.SampleCount ? $"blob says {envelope.SampleCount} samples, the commitment {commitment.SampleCount}"
            : envelope.SampleCount == 0 ? "blob has no samples"
            : bodyProblem(envelope);
        return problem is null ? new AcceptedBlob(member, expectedHash, envelope) : null;
    }

    private static string BadRound(uint named, uint committed, uint? earliest) =>
        earliest is { } first && first != committed ? $"blob is for round {named}; committed in round {committed}, it must be for rounds {first}..{committed}" : $"blob is for round {named}";

    private static string? BodyProblem(TrainingPlan plan, BlobEnvelope envelope, int? shards)
    {
        try
        {
            // A sharded commit is the list of its shards; their contents are checked when they are summed.
            if (envelope.Kind is EnvelopeKind.Update or EnvelopeKind.MaskedUpdate && plan.Collection is { Mode: CollectionMode.Sharded })
            {
                var listed = ShardMessageCodec.DecodeShardList(envelope.Body).Count;
                return listed == 0 || (shards is { } expected && listed != expected) ? $"blob lists {listed} shards, the plan's {shards} participants take one each" : null;
            }

            // A plain commit must expand (its codes, scales and indices are what the plan's compression writes); a masked one is uniform words.
            if (envelope.Kind is EnvelopeKind.Update) UpdateCompression.Expand(plan, EnvelopeBodies.ReadUpdate(envelope.Body, plan.WireLength), (int)envelope.Round);
            else if (envelope.Kind is EnvelopeKind.MaskedUpdate) EnvelopeBodies.ReadUpdate(envelope.Body, plan.WireLength);
            else if (EnvelopeBodies.ReadMoments(envelope.Body).Vector.Length != 1 + 2 * plan.Schema.FeatureCount) return "moments vector has the wrong length";
            return null;
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
    }
}
