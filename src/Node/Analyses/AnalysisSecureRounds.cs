using System.Security.Cryptography;
using FedChain.Contracts.Ledger;
using FedChain.Learning.SecureAggregation;
using FedChain.Node.Agent;
using FedChain.Node.Rounds;
using FedChain.Node.SecureRounds;

namespace FedChain.Node.Analyses;

/// <summary>
/// This node's side of an analysis plan's secure aggregation (<see cref="AnalysisMasking"/>): in round 0
/// it publishes fresh keys for every data round, then, once every participant's keys are in, its
/// encrypted shares, and commits the shares blob (pinned with the keys blob); in each data round it
/// masks its statistics and, after the round closes, publishes its unmasking answer for U3 and
/// unmasks the sum. The secrets live in memory only (docs/privacy.md).
/// </summary>
public sealed class AnalysisSecureRounds : IDisposable
{
    private readonly PlanChain _chain;
    private readonly byte[] _planHash;
    private readonly SecAggSession _session;
    private HashSet<int> _u2 = [];

    private AnalysisSecureRounds(PlanChain chain, byte[] planHash, SecAggPool pool, SecAggSession session)
    {
        _chain = chain;
        _planHash = planHash;
        Pool = pool;
        _session = session;
    }

    public SecAggPool Pool { get; }

    private NodeContext Node => _chain.Node;

    /// <summary>Round 0: keys, shares and the commit of the shares blob; then U2 from the chain. Throws <see cref="AnalysisStoppedException"/> when a participant's keys or shares never come.</summary>
    public static async Task<AnalysisSecureRounds> SetUpAsync(PlanChain chain, byte[] planHash, int dataRounds, CancellationToken ct)
    {
        var node = chain.Node;
        var slots = new PlanSlots(node.Chain.Read(s => s.Plans[chain.PlanId].Participants.ToList()));
        var secure = new AnalysisSecureRounds(chain, planHash, new SecAggPool(planHash, dataRounds, slots), new SecAggSession(AnalysisMasking.Rounds(planHash, slots, dataRounds), slots.SlotOf(node.Me)));
        try
        {
            await secure.ExchangeAsync(ct);
            return secure;
        }
        catch
        {
            secure.Dispose();
            throw;
        }
    }

    private async Task ExchangeAsync(CancellationToken ct)
    {
        await _chain.WaitOpenedAsync(0, ct);
        _chain.Report("phase", 0, phase: "exchanging secure-aggregation keys");
        var keys = await Node.Network.PublishBlobAsync(BlobEnvelope.Seal(Node.Key, EnvelopeKind.SecAggKeys, _planHash, 0, 0, SecAggBodies.Keys(_session.Advertise())), ct);
        var everyone = Enumerable.Range(1, Pool.Slots.Count).ToList();
        var left = await _chain.HalfTimeLeftAsync(0, ct);
        if (!await WaitPoolAsync(0, () => everyone.All(Pool.HasKeys), left, ct))
            throw new AnalysisStoppedException($"no secure-aggregation keys from {Missing(everyone, Pool.HasKeys)} within {left.TotalSeconds:F0} s: an analysis needs every site");

        // The shares blob is this member's round-0 commit (one sample, as every analysis commit).
        var sharesBlob = BlobEnvelope.Seal(Node.Key, EnvelopeKind.SecAggShares, _planHash, 0, 1, SecAggBodies.Shares(_session.Share(Pool)));
        var shares = await Node.Network.PublishBlobAsync(sharesBlob, ct);
        var pin = SHA256.HashData([.. keys.ToBytes(), .. shares.ToBytes()]);
        _chain.Report("phase", 0, phase: "committing secure-aggregation shares");
        await Node.Consortium.Ledger.CommitAsync(new RoundCommitment(_chain.PlanId, 0, shares.ToBytes(), 1, PinnedHash: pin), ct);
        await _chain.WaitClosedAsync(0, ct);
        _u2 = [.. Node.Chain.Read(s => _chain.RoundOf(s, 0)!.Members).Select(Pool.Slots.SlotOf)];
        if (_u2.Count != Pool.Slots.Count)
            throw new AnalysisStoppedException($"round 0: {Missing(everyone, _u2.Contains)} committed no shares: an analysis needs every site");
        if (!await WaitPoolAsync(0, () => _u2.All(Pool.HasShares), _chain.BlobWait, ct))
            throw new AnalysisStoppedException($"the shares of {Missing(everyone, Pool.HasShares)} never arrived");
    }

    /// <summary>The U2 slots (round 0's committers).</summary>
    public IReadOnlySet<int> U2 => _u2;

    /// <summary>Data round <paramref name="round"/>: the statistics masked in Z_2^64.</summary>
    public ulong[] Mask(int round, ulong[] statistics) => _session.Mask64(round, statistics, _u2, Pool);

    /// <summary>After data round <paramref name="round"/> closed: this member's unmasking answer for U3 (<paramref name="accepted"/>), then the unmasked sum.</summary>
    public async Task<ulong[]> SumAsync(int round, IReadOnlyList<AcceptedBlob> accepted, int length, CancellationToken ct)
    {
        var survivors = MaskedSum.Survivors(Pool.Slots, _u2, accepted);
        var u3 = survivors.Select(a => Pool.Slots.SlotOf(a.Member.ToString())).ToList();
        if (u3.Contains(_session.Slot) && _session.Masked(round))
        {
            _chain.Report("phase", round, phase: "unmasking");
            var answer = _session.Unmask(round, u3);
            await Node.Network.PublishBlobAsync(BlobEnvelope.Seal(Node.Key, EnvelopeKind.SecAggUnmasking, _planHash, (uint)round, 0, SecAggBodies.Unmasking(answer)), ct);
        }

        if (!await WaitPoolAsync(round, () => Pool.Answers(round, u3).Count == u3.Count, _chain.BlobWait, ct))
            throw new AnalysisStoppedException($"round {round}: the unmasking answers of {Missing(u3, s => Pool.Answers(round, [s]).Count == 1)} never arrived");
        try
        {
            return AnalysisMasking.Sum(_planHash, Pool, round, _u2, survivors, length);
        }
        catch (SecureAggregationException e)
        {
            throw new AnalysisStoppedException($"round {round} cannot be unmasked: {e.Message}");
        }
    }

    public void Dispose() => _session.Dispose();

    private string Missing(IEnumerable<int> slots, Func<int, bool> has) => string.Join(", ", slots.Where(s => !has(s)).Select(Pool.Slots.AddressOf));

    private Task<bool> WaitPoolAsync(int round, Func<bool> done, TimeSpan wait, CancellationToken ct) => Pool.FillAsync(_chain, round, done, wait, ct);
}
