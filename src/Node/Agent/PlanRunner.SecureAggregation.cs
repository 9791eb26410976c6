using FedChain.Learning.Plans;
using FedChain.Learning.SecureAggregation;
using FedChain.Node.Rounds;
using FedChain.Node.SecureRounds;

namespace FedChain.Node.Agent;

/// <summary>
/// Secure aggregation in the running node (docs/privacy.md, "Secure aggregation in the node"). Round 0:
/// every participant publishes its keys for all training rounds, waits for everyone's keys (U1 = the
/// on-chain participants), publishes its encrypted shares, then commits its moments: U2 = the round-0
/// committers. Round r: the committed blob is the masked update; U3 = the accepted masked blobs from U2;
/// after the round closes each survivor publishes its unmasking answer and every node unmasks the sum.
/// </summary>
public sealed partial class PlanRunner
{
    private readonly Dictionary<int, (uint[]? Sum, IReadOnlyList<AcceptedBlob> Survivors)> _unmasked = [];
    private SecAggPool? _secAggPool;
    private SecAggSession? _secAgg;
    private HashSet<int> _u2 = [];

    private static bool Secure(TrainingPlan plan) => plan.SecureAggregation is { Enabled: true };

    private TimeSpan SecAggWait => TimeSpan.FromSeconds(Math.Max(5, node.Chain.Read(s => s.Plans[planId].CommitWindow)));

    /// <summary>Secure-aggregation plans run; the roster is checked against the threshold once the chain fixed it (round 0).</summary>
    private static string? SecureAggregationRefusal(TrainingPlan plan) =>
        !Secure(plan) ? null
        : plan.Rounds < 1 ? "a secure-aggregation plan needs at least one training round"
        // Utility reports need per-member updates, which masking hides; the sum-only rule is not wired into the node yet.
        : plan.Contribution is not null ? "the node does not run contribution scoring under secure aggregation yet; remove the plan's contribution section"
        : null;

    private SecAggPool PoolOf(TrainingPlan plan, byte[] planHash) =>
        _secAggPool ??= new SecAggPool(planHash, plan.Rounds, new PlanSlots(node.Chain.Read(s => s.Plans[planId].Participants.ToList())));

    /// <summary>Round 0, before the moments commit: keys, then shares once every participant's keys are in. False: do not commit.</summary>
    private async Task<bool> ExchangeSecAggKeysAsync(TrainingPlan plan, byte[] planHash, CancellationToken ct)
    {
        if (!Secure(plan)) return true;
        var pool = PoolOf(plan, planHash);
        var slot = pool.Slots.SlotOf(node.Me);
        Report("phase", 0, phase: "exchanging secure-aggregation keys");
        try
        {
            _secAgg = new SecAggSession(plan, planHash, pool.Slots, slot);
        }
        catch (ArgumentException e)
        {
            Log.SecAggNotTakingPart(node.Logger, planId, 0, $"the roster of {pool.Slots.Count} does not fit the plan's threshold: {e.Message}");
            return false;
        }

        await node.Network.PublishBlobAsync(BlobEnvelope.Seal(node.Key, EnvelopeKind.SecAggKeys, planHash, 0, 0, SecAggBodies.Keys(_secAgg.Advertise())), ct);

        // U1 is every participant: wait for all their keys, but leave half the round's time for the shares and the commit.
        var deadline = node.Chain.Read(s => RoundOf(s, 0)?.Deadline ?? 0);
        var left = TimeSpan.FromSeconds(Math.Max(0, (long)deadline - await node.Chain.ChainNowAsync(ct)) / 2.0);
        var everyone = Enumerable.Range(1, pool.Slots.Count).ToList();
        if (!await WaitPoolAsync(plan, planHash, 0, () => everyone.All(pool.HasKeys), left, ct))
        {
            var missing = string.Join(", ", everyone.Where(s => !pool.HasKeys(s)).Select(pool.Slots.AddressOf));
            Log.SecAggNotTakingPart(node.Logger, planId, 0, $"no keys from {missing} within {left.TotalSeconds:F0} s: this member leaves U2 and commits nothing");
            _secAgg.Dispose();
            _secAgg = null;
            return false;
        }

        await node.Network.PublishBlobAsync(BlobEnvelope.Seal(node.Key, EnvelopeKind.SecAggShares, planHash, 0, 0, SecAggBodies.Shares(_secAgg.Share(pool))), ct);
        Log.SecAggKeysExchanged(node.Logger, planId, plan.Rounds, slot, pool.Slots.Count);
        return true;
    }

    /// <summary>The blob a training round commits: the plain update, or under secure aggregation the masked one (null: cannot mask, do not commit).</summary>
    private async Task<byte[]?> SealUpdateAsync(TrainingPlan plan, byte[] planHash, int round, ulong samples, uint[] quantised, CancellationToken ct)
    {
        if (!Secure(plan)) return BlobEnvelope.Seal(node.Key, EnvelopeKind.Update, planHash, (uint)round, samples, EnvelopeBodies.Update(quantised));
        var pool = PoolOf(plan, planHash);
        string? why = _secAgg is null ? "this node holds no secure-aggregation keys for the plan (it missed round 0's exchange or restarted since)"
            : !_u2.Contains(_secAgg.Slot) ? "this member is not in U2 (it did not commit round 0)"
            : null;
        if (why is null && !await WaitPoolAsync(plan, planHash, round, () => _u2.All(pool.HasShares), SecAggWait, ct))
            why = $"the shares of {string.Join(", ", _u2.Where(s => !pool.HasShares(s)).Select(pool.Slots.AddressOf))} never arrived";
        if (why is null)
        {
            try
            {
                var masked = _secAgg!.Mask(round, quantised, _u2, pool);
                return BlobEnvelope.Seal(node.Key, EnvelopeKind.MaskedUpdate, planHash, (uint)round, samples, EnvelopeBodies.Update(masked));
            }
            catch (SecureAggregationException e)
            {
                why = e.Message;
            }
        }

        Log.SecAggNotTakingPart(node.Logger, planId, round, why);
        Report("phase", round, phase: "secure aggregation: not committing", detail: why);
        return null;
    }

    /// <summary>After a round closed and its blobs were checked: round 0 fixes U2; round r unmasks the survivors' sum.</summary>
    private async Task UnmaskIfSecureAsync(TrainingPlan plan, byte[] planHash, int round, IReadOnlyList<AcceptedBlob> accepted, CancellationToken ct)
    {
        if (!Secure(plan)) return;
        var pool = PoolOf(plan, planHash);
        if (round == 0)
        {
            _u2 = [.. accepted.Select(a => pool.Slots.SlotOf(a.Member.ToString()))];
            return;
        }

        var survivors = MaskedSum.Survivors(pool.Slots, _u2, accepted);
        var u3 = survivors.Select(a => pool.Slots.SlotOf(a.Member.ToString())).ToList();
        var threshold = plan.SecureAggregation!.Threshold!.Value;
        if (_secAgg is not null && u3.Contains(_secAgg.Slot) && _secAgg.Masked(round) && u3.Count >= threshold)
        {
            Report("phase", round, phase: "unmasking");
            var answer = _secAgg.Unmask(round, u3);
            await node.Network.PublishBlobAsync(BlobEnvelope.Seal(node.Key, EnvelopeKind.SecAggUnmasking, planHash, (uint)round, 0, SecAggBodies.Unmasking(answer)), ct);
        }

        uint[]? sum = null;
        try
        {
            if (u3.Count >= threshold) await WaitPoolAsync(plan, planHash, round, () => pool.Answers(round, u3).Count == u3.Count, SecAggWait, ct);
            sum = MaskedSum.Compute(plan, planHash, pool, round, _u2, survivors);
            Log.SecAggUnmasked(node.Logger, planId, round, u3.Count, pool.Answers(round, u3).Count, _u2.Count - u3.Count);
        }
        catch (SecureAggregationException e)
        {
            Log.SecAggRoundFailed(node.Logger, planId, round, e.Message);
            Report("phase", round, phase: "secure aggregation failed", detail: e.Message);
        }

        _unmasked[round] = (sum, survivors);
    }

    /// <summary>Round r >= 1 of the track: the unmasked sum under secure aggregation, else the plain updates.</summary>
    private byte[] ApplyTrainingRound(TrainingPlan plan, AggregateTrack track, int round, IReadOnlyList<AcceptedBlob> accepted) =>
        Secure(plan) ? track.ApplyUnmaskedSum(round, _unmasked[round].Sum, _unmasked[round].Survivors) : track.ApplyUpdates(round, accepted);

    /// <summary>Adds the stored blobs to the pool until <paramref name="done"/> holds or <paramref name="wait"/> passes.</summary>
    private async Task<bool> WaitPoolAsync(TrainingPlan plan, byte[] planHash, int round, Func<bool> done, TimeSpan wait, CancellationToken ct)
    {
        var pool = PoolOf(plan, planHash);
        return await WaitOnStoredBlobsAsync(async c =>
        {
            var rejected = pool.Rejected.Count;
            foreach (var blob in node.Network.Store.List().Where(b => !pool.HasSeen(b.Id.ToString())))
                pool.Add(blob.Id.ToString(), await node.Network.ReadBlobAsync(blob.Id, c));
            foreach (var (id, member, problem) in pool.Rejected.Skip(rejected)) Log.SecAggBlobRejected(node.Logger, planId, round, id, member, problem);
        }, done, wait, ct);
    }
}
