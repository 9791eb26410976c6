using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Node.Blobs;
using FedChain.Node.ChainView;
using Nethereum.Contracts;

namespace FedChain.Node.Rounds.Availability;

/// <summary>
/// The node's rule for what peers may put in its store (docs/node.md, "What a node stores"):
/// <list type="bullet">
/// <item><b>Blobs the chain references</b>: a plan document named by a plan or a pending <c>startPlan</c>
/// proposal, a committed blob, a pinned utility report, a released model. Replicated at any size up to the
/// blob limit, within the store's quota.</item>
/// <item><b>Blobs needed before the chain can reference them</b>: secure-aggregation keys before the round-0
/// commit pins them, an update just before its commit lands, a report before its pin, unmasking answers
/// (never pinned: needed before any commit could follow). Such a blob is fetched only when announced at
/// most <see cref="MaxUnreferencedBlobBytes"/>, and stored only if it is a signed envelope for a plan the
/// chain runs, signed by one of its participants, for one of its rounds, and its signer holds fewer than
/// <see cref="PerMemberKindAndRound"/> such blobs of that kind and round and under
/// <see cref="BytesPerMember"/> in all for the plan.</item>
/// <item><b>Unsigned blobs while a plan runs</b> (sharded aggregation's shards and shard lists), up to
/// <see cref="MaxUnreferencedBlobBytes"/>, bounded only by the quota.</item>
/// </list>
/// Anything else a peer announces costs it nothing lasting: it is not stored. Blobs this node asks for by id
/// (its protocol needs them) are always stored, within the quota.
/// </summary>
public sealed class ChainBlobAdmission(ChainFollower chain) : IBlobAdmission
{
    /// <summary>Largest unreferenced blob fetched on an announcement: 16 MiB (an update of 4 million parameters).</summary>
    public const long MaxUnreferencedBlobBytes = 16L * 1024 * 1024;

    /// <summary>Unreferenced envelopes kept per plan, signer, kind and round: an honest member publishes one.</summary>
    public const int PerMemberKindAndRound = 2;

    /// <summary>Bytes of unreferenced envelopes kept per plan and signer.</summary>
    public const long BytesPerMember = 64L * 1024 * 1024;

    private static readonly string StartPlanSelector = ABITypedRegistry.GetFunctionABI<LedgerFunctions.StartPlan>().Sha3Signature;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Plan, string Signer, EnvelopeKind Kind, uint Round), int> _counts = [];
    private readonly Dictionary<(string Plan, string Signer), long> _bytes = [];
    private HashSet<BlobId> _referenced = [];
    private ulong _referencedAt = ulong.MaxValue;

    public bool Wanted(BlobId id, long size) => Referenced(id) || size <= MaxUnreferencedBlobBytes;

    public string? Refusal(BlobId id, long size, Func<byte[]> content, bool requested)
    {
        if (requested || Referenced(id)) return null;
        if (size > MaxUnreferencedBlobBytes) return $"not referenced by the chain, and {size:N0} bytes is over the {MaxUnreferencedBlobBytes:N0} kept before the chain can reference a blob";
        var bytes = content();
        // Sharded aggregation's shard and shard-list blobs are unsigned vectors every node and the auditor need:
        // while a plan runs, such blobs are kept within the announcement bound and the quota only.
        if (BlobEnvelope.PeekHeader(bytes) is not { } header)
            return chain.Read(s => s.Plans.Values.Any(p => p.Status == PlanStatus.Running)) ? null : "not referenced by the chain, nor a signed envelope of a plan";
        var plan = chain.Read(s => s.Plans.Values.FirstOrDefault(p => p.PlanHash.AsSpan().SequenceEqual(header.PlanHash) && p.Status is PlanStatus.Running or PlanStatus.Completed));
        if (plan is null) return $"a {header.Kind} envelope for plan {Convert.ToHexStringLower(header.PlanHash)[..12]}, which the chain does not run";
        BlobEnvelope envelope;
        try
        {
            envelope = BlobEnvelope.Open(bytes);
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }

        var signer = envelope.Signer.ToLowerHex();
        var (participant, rounds) = chain.Read(s => (plan.Participants.Contains(signer), plan.TotalRounds));
        if (!participant) return $"a {header.Kind} envelope signed by {signer}, not a participant of plan {plan.PlanId}";
        if (header.Round >= rounds) return $"a {header.Kind} envelope for round {header.Round} of a plan of {rounds} rounds";
        var planKey = plan.PlanId.ToString();
        lock (_lock)
        {
            var count = _counts.GetValueOrDefault((planKey, signer, header.Kind, header.Round));
            if (count >= PerMemberKindAndRound) return $"{signer} already has {count} {header.Kind} envelopes of round {header.Round} stored before the chain referenced them";
            var held = _bytes.GetValueOrDefault((planKey, signer));
            if (held + size > BytesPerMember) return $"{signer} already has {held:N0} bytes of plan {plan.PlanId} stored before the chain referenced them";
            _counts[(planKey, signer, header.Kind, header.Round)] = count + 1;
            _bytes[(planKey, signer)] = held + size;
        }

        return null;
    }

    /// <summary>Plan documents (running plans, pending startPlan proposals), commitments and report pins, as of the chain's latest block.</summary>
    private bool Referenced(BlobId id)
    {
        lock (_lock)
        {
            var at = chain.Read(s => s.LastBlock);
            if (at != _referencedAt)
            {
                _referenced = chain.Read(Collect);
                _referencedAt = at;
            }

            return _referenced.Contains(id);
        }
    }

    private static HashSet<BlobId> Collect(LedgerState state)
    {
        var ids = new HashSet<BlobId>();
        foreach (var plan in state.Plans.Values)
        {
            ids.Add(BlobId.FromBytes(plan.PlanHash));
            if (plan.ReleasedModel is { } released) ids.Add(BlobId.FromBytes(released));
            foreach (var round in plan.Rounds)
            {
                foreach (var c in round.Commitments) ids.Add(BlobId.FromBytes(c.BlobHash));
                foreach (var pin in round.ReportPins.Values) ids.Add(BlobId.FromBytes(pin));
            }
        }

        foreach (var proposal in state.Proposals.Values.Where(p => !p.Executed && !p.Canceled))
        {
            foreach (var calldata in proposal.Created.Calldatas.Where(c => c.Length > 4 && Convert.ToHexStringLower(c.AsSpan(0, 4)) == StartPlanSelector))
            {
                try
                {
                    ids.Add(BlobId.FromBytes(new LedgerFunctions.StartPlan().DecodeInput("0x" + Convert.ToHexStringLower(calldata)).Params.PlanHash));
                }
                catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
                {
                    // A proposal whose calldata does not decode names no plan document.
                }
            }
        }

        return ids;
    }
}
