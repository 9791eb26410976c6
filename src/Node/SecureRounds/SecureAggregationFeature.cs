using FedChain.Learning.SecureAggregation;
using FedChain.Node.Agent;
using FedChain.Node.Rounds;

namespace FedChain.Node.SecureRounds;

/// <summary>
/// Secure aggregation in the node (Bonawitz et al. 2017; docs/privacy.md). U1 = every participant:
/// in round 0 each publishes fresh keys for every training round, then its encrypted shares, then
/// commits its moments: U2 = the round-0 committers. Round r: the committed blob is the masked update;
/// U3 = the accepted masked blobs from U2; after the round closes each survivor publishes its unmasking
/// answer and every node unmasks the sum. Its audit is <c>Auditor.SecureAggregation.cs</c>, over the same <see cref="MaskedSum"/>.
/// </summary>
public sealed class SecureAggregationFeature(PlanRun run) : PlanFeature(run)
{
    private SecAggPool? _pool;
    private SecAggSession? _session;
    private HashSet<int> _u2 = [];

    private NodeContext Node => Run.Node;

    private SecAggPool Pool => _pool ??= new SecAggPool(Run.PlanHash, Run.Plan.Rounds, new PlanSlots(Node.Chain.Read(s => s.Plans[Run.PlanId].Participants.ToList())));

    /// <summary>Round 0, before the moments commit: keys, then shares once every participant's keys are in. False: do not commit.</summary>
    public override async Task<bool> BeforeMomentsAsync(CancellationToken ct)
    {
        var slot = Pool.Slots.SlotOf(Node.Me);
        Run.Report("phase", 0, phase: "exchanging secure-aggregation keys");
        try
        {
            _session = new SecAggSession(Run.Plan, Run.PlanHash, Pool.Slots, slot);
        }
        catch (ArgumentException e)
        {
            Log.SecAggNotTakingPart(Node.Logger, Run.PlanId, 0, $"the roster of {Pool.Slots.Count} does not fit the plan's threshold: {e.Message}");
            return false;
        }

        await Node.Network.PublishBlobAsync(BlobEnvelope.Seal(Node.Key, EnvelopeKind.SecAggKeys, Run.PlanHash, 0, 0, SecAggBodies.Keys(_session.Advertise())), ct);

        // U1 is every participant: wait for all their keys, but leave half the round's time for the shares and the commit.
        var left = await Run.HalfTimeLeftAsync(0, ct);
        var everyone = Enumerable.Range(1, Pool.Slots.Count).ToList();
        if (!await WaitPoolAsync(0, () => everyone.All(Pool.HasKeys), left, ct))
        {
            var missing = string.Join(", ", everyone.Where(s => !Pool.HasKeys(s)).Select(Pool.Slots.AddressOf));
            Log.SecAggNotTakingPart(Node.Logger, Run.PlanId, 0, $"no keys from {missing} within {left.TotalSeconds:F0} s: this member leaves U2 and commits nothing");
            _session.Dispose();
            _session = null;
            return false;
        }

        await Node.Network.PublishBlobAsync(BlobEnvelope.Seal(Node.Key, EnvelopeKind.SecAggShares, Run.PlanHash, 0, 0, SecAggBodies.Shares(_session.Share(Pool))), ct);
        Log.SecAggKeysExchanged(Node.Logger, Run.PlanId, Run.Plan.Rounds, slot, Pool.Slots.Count);
        return true;
    }

    /// <summary>Round 0's accepted moments fix U2.</summary>
    public override void MomentsCollected(IReadOnlyList<AcceptedBlob> accepted) =>
        _u2 = [.. accepted.Select(a => Pool.Slots.SlotOf(a.Member.ToString()))];

    /// <summary>The masked update (null: cannot mask, do not commit).</summary>
    public override async Task<(EnvelopeKind Kind, uint[] Values)?> ProtectAsync(int round, EnvelopeKind kind, uint[] values, CancellationToken ct)
    {
        string? why = _session is null ? "this node holds no secure-aggregation keys for the plan (it missed round 0's exchange or restarted since)"
            : !_u2.Contains(_session.Slot) ? "this member is not in U2 (it did not commit round 0)"
            : null;
        if (why is null && !await WaitPoolAsync(round, () => _u2.All(Pool.HasShares), Run.BlobWait, ct))
            why = $"the shares of {string.Join(", ", _u2.Where(s => !Pool.HasShares(s)).Select(Pool.Slots.AddressOf))} never arrived";
        if (why is null)
        {
            try
            {
                return (EnvelopeKind.MaskedUpdate, _session!.Mask(round, values, _u2, Pool));
            }
            catch (SecureAggregationException e)
            {
                why = e.Message;
            }
        }

        Log.SecAggNotTakingPart(Node.Logger, Run.PlanId, round, why);
        Run.Report("phase", round, phase: "secure aggregation: not committing", detail: why);
        return null;
    }

    /// <summary>After round r closed and its blobs were checked: this survivor's unmasking answer, then the survivors' unmasked sum.</summary>
    public override async Task<RoundContributions> CombineAsync(int round, IReadOnlyList<AcceptedBlob> accepted, RoundContributions contributions, CancellationToken ct)
    {
        var survivors = MaskedSum.Survivors(Pool.Slots, _u2, accepted);
        var u3 = survivors.Select(a => Pool.Slots.SlotOf(a.Member.ToString())).ToList();
        var threshold = Run.Plan.SecureAggregation!.Threshold!.Value;
        if (_session is not null && u3.Contains(_session.Slot) && _session.Masked(round) && u3.Count >= threshold)
        {
            Run.Report("phase", round, phase: "unmasking");
            var answer = _session.Unmask(round, u3);
            await Node.Network.PublishBlobAsync(BlobEnvelope.Seal(Node.Key, EnvelopeKind.SecAggUnmasking, Run.PlanHash, (uint)round, 0, SecAggBodies.Unmasking(answer)), ct);
        }

        uint[]? sum = null;
        try
        {
            if (u3.Count >= threshold) await WaitPoolAsync(round, () => Pool.Answers(round, u3).Count == u3.Count, Run.BlobWait, ct);
            // A sharded sum covers every accepted member; it unmasks only when they are all in U2.
            if (contributions.CommittedSum is not null && survivors.Count != accepted.Count)
                throw new SecureAggregationException($"round {round}: the sharded sum covers {accepted.Count - survivors.Count} member(s) outside U2, whose masks cannot be removed");
            sum = MaskedSum.Compute(Run.Plan, Run.PlanHash, Pool, round, _u2, survivors, contributions.CommittedSum);
            Log.SecAggUnmasked(Node.Logger, Run.PlanId, round, u3.Count, Pool.Answers(round, u3).Count, _u2.Count - u3.Count);
        }
        catch (SecureAggregationException e)
        {
            Log.SecAggRoundFailed(Node.Logger, Run.PlanId, round, e.Message);
            Run.Report("phase", round, phase: "secure aggregation failed", detail: e.Message);
        }

        return RoundContributions.Unmasked(survivors, sum, Run.Plan, round);
    }

    public override Task FinishAsync(CancellationToken ct)
    {
        _session?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Adds the stored blobs to the pool until <paramref name="done"/> holds or <paramref name="wait"/> passes.</summary>
    private Task<bool> WaitPoolAsync(int round, Func<bool> done, TimeSpan wait, CancellationToken ct) => Pool.FillAsync(Run.Chain, round, done, wait, ct);
}
