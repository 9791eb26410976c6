using FedChain.Learning.SecureAggregation.Messages;
using FedChain.Node.Agent;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;

namespace FedChain.Node.SecureRounds;

/// <summary>
/// The public secure-aggregation blobs of one plan seen so far: each participant's keys and shares
/// (round 0) and each survivor's unmasking shares per round. A node adds the blobs it holds (blobs
/// replicate to every node); an auditor adds the exported folder. A blob whose messages claim another
/// slot than its signer's is kept aside with the reason and the member. When a member signed two
/// different blobs of one kind (and round), the one with the lowest id counts, so every holder agrees.
/// </summary>
public sealed class SecAggPool(byte[] planHash, int trainingRounds, PlanSlots slots)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (string Id, IReadOnlyList<KeyAdvertisement> Keys)> _keys = [];
    private readonly Dictionary<int, (string Id, IReadOnlyList<IReadOnlyList<EncryptedShare>> Shares)> _shares = [];
    private readonly Dictionary<(int Round, int Slot), (string Id, UnmaskingShares Answer)> _unmasking = [];
    private readonly List<(string Blob, string Member, string Problem)> _rejected = [];

    public PlanSlots Slots => slots;

    /// <summary>Blobs of this plan that did not pass the checks, with the signer and the reason.</summary>
    public IReadOnlyList<(string Blob, string Member, string Problem)> Rejected => _rejected;

    public bool HasSeen(string id) => _seen.Contains(id);

    public void Add(string id, byte[] blob)
    {
        if (!_seen.Add(id) || BlobEnvelope.PeekHeader(blob)?.Kind is not (EnvelopeKind.SecAggKeys or EnvelopeKind.SecAggShares or EnvelopeKind.SecAggUnmasking)) return;
        BlobEnvelope envelope;
        try
        {
            envelope = BlobEnvelope.Open(blob);
        }
        catch (InvalidDataException)
        {
            return; // not a well-formed envelope: not attributable to anyone
        }

        if (!envelope.PlanHash.AsSpan().SequenceEqual(planHash)) return;
        var member = envelope.Signer.ToString().ToLowerInvariant();
        var slot = slots.SlotOf(member);
        var problem = slot == 0 ? "signer is not a participant of the plan" : Take(id, envelope, slot);
        if (problem is not null) _rejected.Add((id, member, problem));
    }

    /// <summary>
    /// Adds the node's stored blobs (and each newly stored one) until <paramref name="done"/> holds (true)
    /// or <paramref name="wait"/> has passed (false), logging every blob it keeps aside.
    /// </summary>
    public Task<bool> FillAsync(PlanChain chain, int round, Func<bool> done, TimeSpan wait, CancellationToken ct) =>
        chain.WaitOnStoredBlobsAsync(async c =>
        {
            var rejected = _rejected.Count;
            await chain.ScanStoreAsync(HasSeen, Add, c);
            foreach (var (id, member, problem) in _rejected.Skip(rejected)) Log.SecAggBlobRejected(chain.Node.Logger, chain.PlanId, round, id, member, problem);
        }, done, wait, ct);

    /// <summary>Adds every blob file in <paramref name="folder"/> (named by SHA-256, flat or in two-letter subfolders).</summary>
    public void AddFolder(string folder)
    {
        foreach (var (id, content) in ExportedBlobs.ReadAll(folder)) Add(id, content);
    }

    /// <summary>The advertisements of training round <paramref name="round"/> of every member that published keys.</summary>
    public IReadOnlyList<KeyAdvertisement> KeysFor(int round) => [.. _keys.OrderBy(k => k.Key).Select(k => k.Value.Keys[round - 1])];

    public bool HasKeys(int slot) => _keys.ContainsKey(slot);

    public bool HasShares(int slot) => _shares.ContainsKey(slot);

    /// <summary>The shares of training round <paramref name="round"/> that members of <paramref name="senders"/> addressed to <paramref name="to"/>.</summary>
    public IReadOnlyList<EncryptedShare> SharesTo(int round, int to, IEnumerable<int> senders) =>
        [.. senders.Where(_shares.ContainsKey).SelectMany(s => _shares[s].Shares[round - 1]).Where(s => s.To == to)];

    /// <summary>The unmasking answers of round <paramref name="round"/> from members of <paramref name="responders"/>.</summary>
    public IReadOnlyList<UnmaskingShares> Answers(int round, IEnumerable<int> responders) =>
        [.. responders.Order().Where(s => _unmasking.ContainsKey((round, s))).Select(s => _unmasking[(round, s)].Answer)];

    private string? Take(string id, BlobEnvelope envelope, int slot)
    {
        try
        {
            switch (envelope.Kind)
            {
                case EnvelopeKind.SecAggKeys:
                    if (envelope.Round != 0) return $"keys blob is for round {envelope.Round}, keys are exchanged in round 0";
                    var keys = SecAggBodies.ReadKeys(envelope.Body, trainingRounds);
                    if (keys.FirstOrDefault(k => k.Slot != slot) is { } wrongKey) return $"keys blob advertises for slot {wrongKey.Slot}, its signer holds slot {slot}";
                    Keep(_keys, slot, id, keys);
                    return null;
                case EnvelopeKind.SecAggShares:
                    if (envelope.Round != 0) return $"shares blob is for round {envelope.Round}, shares are exchanged in round 0";
                    var shares = SecAggBodies.ReadShares(envelope.Body, trainingRounds);
                    if (shares.SelectMany(s => s).FirstOrDefault(s => s.From != slot) is { } wrongShare) return $"shares blob holds a share from slot {wrongShare.From}, its signer holds slot {slot}";
                    Keep(_shares, slot, id, shares);
                    return null;
                default:
                    if (envelope.Round < 1 || envelope.Round > trainingRounds) return $"unmasking blob is for round {envelope.Round}, outside 1..{trainingRounds}";
                    var answer = SecAggBodies.ReadUnmasking(envelope.Body);
                    if (answer.From != slot) return $"unmasking blob answers for slot {answer.From}, its signer holds slot {slot}";
                    Keep(_unmasking, ((int)envelope.Round, slot), id, answer);
                    return null;
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            return $"{envelope.Kind} blob does not decode: {e.Message}";
        }
    }

    private static void Keep<TKey, T>(Dictionary<TKey, (string Id, T Value)> map, TKey key, string id, T value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var held) || string.CompareOrdinal(id, held.Id) < 0) map[key] = (id, value);
    }
}
