using FedChain.Learning.SecureAggregation.Messages;
using FedChain.Node.Agent;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;

namespace FedChain.Node.SecureRounds;

/// <summary>
/// The public secure-aggregation blobs of one plan seen so far: each participant's keys and shares
/// (round 0) and each survivor's unmasking shares per round. A node adds the blobs it holds (blobs
/// replicate to every node); an auditor adds the exported folder. A blob whose messages claim another
/// slot than its signer's is kept aside with the reason and the member. Before round 0's commits the
/// keys a member signed with the lowest blob id count (a node needs them to share before anything is
/// on-chain); once round 0 is decided, <see cref="Pin"/> fixes each member's key and share blobs to the
/// pair its round-0 commit pinned (SHA-256(keys id || shares id)), so every holder and the auditor use
/// the same ones however many a member signed, and a member with no such pair has none.
/// When a member signed two different unmasking blobs for a round, the one with the lowest id counts.
/// </summary>
public sealed class SecAggPool(byte[] planHash, int trainingRounds, PlanSlots slots)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<int, SortedList<string, IReadOnlyList<KeyAdvertisement>>> _keys = [];
    private readonly Dictionary<int, SortedList<string, IReadOnlyList<IReadOnlyList<EncryptedShare>>>> _shares = [];
    private IReadOnlyDictionary<int, byte[]>? _pins;
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
        chain.WaitOnStoredBlobsAsync(c => ScanAsync(chain, round, c), done, wait, ct);

    /// <summary>Adds the node's stored blobs not seen yet, logging every blob it keeps aside.</summary>
    public async Task ScanAsync(PlanChain chain, int round, CancellationToken ct)
    {
        var rejected = _rejected.Count;
        await chain.ScanStoreAsync(HasSeen, Add, ct);
        foreach (var (id, member, problem) in _rejected.Skip(rejected)) Log.SecAggBlobRejected(chain.Node.Logger, chain.PlanId, round, id, member, problem);
    }

    /// <summary>Adds every blob file in <paramref name="folder"/> (named by SHA-256, flat or in two-letter subfolders).</summary>
    public void AddFolder(string folder)
    {
        foreach (var (id, content) in ExportedBlobs.ReadAll(folder)) Add(id, content);
    }

    /// <summary>The advertisements of training round <paramref name="round"/> of every member whose keys count.</summary>
    public IReadOnlyList<KeyAdvertisement> KeysFor(int round) =>
        [.. Enumerable.Range(1, slots.Count).Select(Chosen).OfType<(IReadOnlyList<KeyAdvertisement> Keys, IReadOnlyList<IReadOnlyList<EncryptedShare>>? Shares)>().Select(c => c.Keys[round - 1])];

    public bool HasKeys(int slot) => Chosen(slot) is not null;

    public bool HasShares(int slot) => Chosen(slot)?.Shares is not null;

    /// <summary>The shares of training round <paramref name="round"/> that members of <paramref name="senders"/> addressed to <paramref name="to"/>.</summary>
    public IReadOnlyList<EncryptedShare> SharesTo(int round, int to, IEnumerable<int> senders) =>
        [.. senders.Select(s => Chosen(s)?.Shares).OfType<IReadOnlyList<IReadOnlyList<EncryptedShare>>>().SelectMany(s => s[round - 1]).Where(s => s.To == to)];

    /// <summary>
    /// Round 0 is decided: from now on each member's keys and shares are the pair its round-0 commit pinned
    /// (<paramref name="pins"/>, by member address: SHA-256(keys blob id || shares blob id)); a member without
    /// a pin, or whose pinned pair is not (yet) here, has none.
    /// </summary>
    public void Pin(IReadOnlyDictionary<string, byte[]> pins) =>
        _pins = pins.Select(p => (Slot: slots.SlotOf(p.Key), Pin: p.Value)).Where(p => p.Slot > 0).ToDictionary(p => p.Slot, p => p.Pin);

    /// <summary>Whether <paramref name="slot"/>'s pinned key and share blobs are here (before <see cref="Pin"/>: its keys and shares).</summary>
    public bool HasPinnedPair(int slot) => HasShares(slot);

    /// <summary>SHA-256(keys blob id || shares blob id), the round-0 pin (ids as their 32 bytes).</summary>
    public static byte[] PinOf(string keysBlob, string sharesBlob) =>
        System.Security.Cryptography.SHA256.HashData([.. Convert.FromHexString(keysBlob), .. Convert.FromHexString(sharesBlob)]);

    private (IReadOnlyList<KeyAdvertisement> Keys, IReadOnlyList<IReadOnlyList<EncryptedShare>>? Shares)? Chosen(int slot)
    {
        var keys = _keys.GetValueOrDefault(slot);
        var shares = _shares.GetValueOrDefault(slot);
        if (_pins is null) return keys is null ? null : (keys.Values[0], shares?.Values[0]);
        if (!_pins.TryGetValue(slot, out var pin) || keys is null || shares is null) return null;
        foreach (var k in keys)
        {
            foreach (var s in shares)
            {
                if (PinOf(k.Key, s.Key).AsSpan().SequenceEqual(pin)) return (k.Value, s.Value);
            }
        }

        return null;
    }

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
                    Candidate(_keys, slot, id, keys);
                    return null;
                case EnvelopeKind.SecAggShares:
                    if (envelope.Round != 0) return $"shares blob is for round {envelope.Round}, shares are exchanged in round 0";
                    var shares = SecAggBodies.ReadShares(envelope.Body, trainingRounds);
                    if (shares.SelectMany(s => s).FirstOrDefault(s => s.From != slot) is { } wrongShare) return $"shares blob holds a share from slot {wrongShare.From}, its signer holds slot {slot}";
                    Candidate(_shares, slot, id, shares);
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

    private static void Candidate<T>(Dictionary<int, SortedList<string, T>> map, int slot, string id, T value)
    {
        if (!map.TryGetValue(slot, out var candidates)) map[slot] = candidates = new SortedList<string, T>(StringComparer.Ordinal);
        candidates.TryAdd(id, value);
    }

    private static void Keep<TKey, T>(Dictionary<TKey, (string Id, T Value)> map, TKey key, string id, T value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var held) || string.CompareOrdinal(id, held.Id) < 0) map[key] = (id, value);
    }
}
