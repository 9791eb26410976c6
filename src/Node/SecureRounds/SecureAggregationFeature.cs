using FedChain.Contracts.Ledger;
using FedChain.Learning.SecureAggregation;
using FedChain.Learning.Training;
using FedChain.Node.Agent;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;

namespace FedChain.Node.SecureRounds;

/// <summary>
/// Secure aggregation in the node (Bonawitz et al. 2017; docs/privacy.md). U1 = every participant:
/// in round 0 each publishes fresh keys for every training round, then its encrypted shares, then
/// commits its moments, pinning SHA-256(keys blob id || shares blob id) on that commit. U2 = the round-0
/// set whose pinned key and share blobs every node holds (a node lacking them votes the member out like a
/// missing blob). Round r: the committed blob is the masked update; U3 = the accepted masked blobs from U2;
/// after the round closes each survivor publishes its unmasking answer and every node unmasks the sum. The
/// secrets are kept encrypted on disk (<see cref="SecAggSecrets"/>), so a restarted node rejoins. Its audit is
/// <c>Auditor.SecureAggregation.cs</c>, over the same <see cref="MaskedSum"/>.
/// </summary>
public sealed class SecureAggregationFeature(PlanRun run) : PlanFeature(run)
{
    private SecAggPool? _pool;
    private SecAggSession? _session;
    private HashSet<int> _u2 = [];
    private byte[]? _keysBlob;
    private byte[]? _sharesBlob;

    private NodeContext Node => Run.Node;

    private SecAggPool Pool => _pool ??= new SecAggPool(Run.PlanHash, Run.Plan.Rounds, new PlanSlots(Node.Chain.Read(s => s.Plans[Run.PlanId].Participants.ToList())));

    private string SecretsFile => Path.Combine(Run.Directory, "secure-aggregation.secrets");

    /// <summary>Round 0, before the moments commit: keys, then shares once every participant's keys are in. False: do not commit.</summary>
    public override async Task<bool> BeforeMomentsAsync(CancellationToken ct)
    {
        var slot = Pool.Slots.SlotOf(Node.Me);
        Run.Report("phase", 0, phase: "exchanging secure-aggregation keys");
        if (!StartOrRestore(slot)) return false;
        await Node.Network.PublishBlobAsync(_keysBlob!, ct);

        if (!_session!.Shared)
        {
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

            _sharesBlob = BlobEnvelope.Seal(Node.Key, EnvelopeKind.SecAggShares, Run.PlanHash, 0, 0, SecAggBodies.Shares(_session.Share(Pool)));
            Save();
        }

        await Node.Network.PublishBlobAsync(_sharesBlob!, ct);
        Log.SecAggKeysExchanged(Node.Logger, Run.PlanId, Run.Plan.Rounds, slot, Pool.Slots.Count);
        return true;
    }

    /// <summary>The round-0 commit pins the key and share blobs this member published.</summary>
    public override Task<RoundCommitment> CommitmentAsync(int round, RoundCommitment commitment, ClientUpdate? update, CancellationToken ct) =>
        Task.FromResult(round == 0 && _keysBlob is not null && _sharesBlob is not null
            ? commitment with { PinnedHash = SecAggPool.PinOf(BlobId.Compute(_keysBlob).ToString(), BlobId.Compute(_sharesBlob).ToString()) }
            : commitment);

    /// <summary>Round 0: a member's moments count only with the key and share blobs its commit pinned.</summary>
    public override async Task<bool> HoldsAsync(int round, AcceptedBlob blob, CancellationToken ct)
    {
        if (round != 0) return true;
        var member = blob.Member.ToLowerHex();
        var pins = PinsOnChain();
        if (!pins.ContainsKey(member)) return true; // no pin: every node leaves it out of U2 alike
        Pool.Pin(pins);
        var slot = Pool.Slots.SlotOf(member);
        if (!Pool.HasPinnedPair(slot)) await Pool.ScanAsync(Run.Chain, 0, ct);
        return Pool.HasPinnedPair(slot);
    }

    /// <summary>Round 0's accepted moments with their pinned key and share blobs fix U2; a restarted node takes its secrets back.</summary>
    public override void MomentsCollected(IReadOnlyList<AcceptedBlob> accepted)
    {
        Pool.Pin(PinsOnChain());
        _u2 = [.. accepted.Select(a => Pool.Slots.SlotOf(a.Member.ToString())).Where(Pool.HasPinnedPair)];
        if (_session is null && SecAggSecrets.Load(SecretsFile, Node.Key, Run.PlanHash) is { } secrets)
        {
            _session = SecAggSession.Restore(Run.Plan, Run.PlanHash, Pool.Slots, secrets);
            (_keysBlob, _sharesBlob) = (secrets.KeysBlob, secrets.SharesBlob);
            Log.SecAggRestored(Node.Logger, Run.PlanId, _session.Slot);
        }
    }

    /// <summary>The masked update (null: cannot mask, do not commit).</summary>
    public override async Task<(EnvelopeKind Kind, uint[] Values)?> ProtectAsync(int round, EnvelopeKind kind, uint[] values, CancellationToken ct)
    {
        string? why = _session is null ? "this node holds no secure-aggregation keys for the plan (it missed round 0's exchange)"
            : !_u2.Contains(_session.Slot) ? "this member is not in U2 (it did not commit round 0 with its pinned key and share blobs)"
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
        if (_session is not null && u3.Contains(_session.Slot) && u3.Count >= threshold) await AnswerAsync(round, u3, ct);

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

    /// <summary>The plan is over: the secrets are of no more use.</summary>
    public override Task FinishAsync(CancellationToken ct)
    {
        _session?.Dispose();
        File.Delete(SecretsFile);
        return Task.CompletedTask;
    }

    /// <summary>Fresh keys, kept before they leave the node; or, after a restart in round 0, the ones it already published.</summary>
    private bool StartOrRestore(int slot)
    {
        if (SecAggSecrets.Load(SecretsFile, Node.Key, Run.PlanHash) is { } secrets)
        {
            _session = SecAggSession.Restore(Run.Plan, Run.PlanHash, Pool.Slots, secrets);
            (_keysBlob, _sharesBlob) = (secrets.KeysBlob, secrets.SharesBlob);
            Log.SecAggRestored(Node.Logger, Run.PlanId, slot);
            return true;
        }

        try
        {
            _session = SecAggSession.Start(Run.Plan, Run.PlanHash, Pool.Slots, slot);
        }
        catch (ArgumentException e)
        {
            Log.SecAggNotTakingPart(Node.Logger, Run.PlanId, 0, $"the roster of {Pool.Slots.Count} does not fit the plan's threshold: {e.Message}");
            return false;
        }

        _keysBlob = BlobEnvelope.Seal(Node.Key, EnvelopeKind.SecAggKeys, Run.PlanHash, 0, 0, SecAggBodies.Keys(_session.Advertise()));
        Save();
        return true;
    }

    /// <summary>This survivor's answer for U3, kept on disk before it is published (so a restart never answers another U3).</summary>
    private async Task AnswerAsync(int round, IReadOnlyList<int> u3, CancellationToken ct)
    {
        try
        {
            if (!_session!.Masked(round)) _session.Rejoin(round, _u2, Pool); // masked and committed before a restart
            Run.Report("phase", round, phase: "unmasking");
            var answer = _session.Unmask(round, u3);
            Save();
            await Node.Network.PublishBlobAsync(BlobEnvelope.Seal(Node.Key, EnvelopeKind.SecAggUnmasking, Run.PlanHash, (uint)round, 0, SecAggBodies.Unmasking(answer)), ct);
        }
        catch (SecureAggregationException e)
        {
            Log.SecAggNotTakingPart(Node.Logger, Run.PlanId, round, $"no unmasking answer: {e.Message}");
        }
    }

    private void Save() => _session!.Secrets(_keysBlob, _sharesBlob).Save(SecretsFile, Node.Key, Run.PlanHash);

    private Dictionary<string, byte[]> PinsOnChain() =>
        Node.Chain.Read(s => new Dictionary<string, byte[]>(s.Plans[Run.PlanId].SecureAggregationPins, StringComparer.Ordinal));

    /// <summary>Adds the stored blobs to the pool until <paramref name="done"/> holds or <paramref name="wait"/> passes.</summary>
    private Task<bool> WaitPoolAsync(int round, Func<bool> done, TimeSpan wait, CancellationToken ct) => Pool.FillAsync(Run.Chain, round, done, wait, ct);
}
