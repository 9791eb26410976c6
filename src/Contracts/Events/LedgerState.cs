using System.Numerics;
using FedChain.Contracts.Membership;

namespace FedChain.Contracts.Events;

/// <summary>
/// The consortium's whole story rebuilt from events alone: members, plans and rounds (commits,
/// votes, agreements, dissent, scores, privacy spend, releases), governance proposals, reward
/// balances. Apply events in chain order; a node resumes by applying events after <see cref="LastBlock"/>.
/// </summary>
public sealed partial class LedgerState
{
    private readonly SortedDictionary<string, MemberInfo> _members = new(StringComparer.Ordinal);
    private readonly SortedDictionary<BigInteger, PlanRecord> _plans = [];
    private readonly SortedDictionary<BigInteger, ProposalRecord> _proposals = [];
    private readonly SortedDictionary<string, BigInteger> _rewards = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ulong> _lifetimeBudgets = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ulong> _lifetimeSpent = new(StringComparer.Ordinal);

    /// <summary>The last block whose events were applied (0 before any).</summary>
    public ulong LastBlock { get; private set; }

    /// <summary>Current members and auditors, keyed by lower-case address.</summary>
    public IReadOnlyDictionary<string, MemberInfo> Members => _members;

    public IReadOnlyDictionary<BigInteger, PlanRecord> Plans => _plans;

    public IReadOnlyDictionary<BigInteger, ProposalRecord> Proposals => _proposals;

    /// <summary>Reward-token balances, keyed by lower-case address.</summary>
    public IReadOnlyDictionary<string, BigInteger> RewardBalances => _rewards;

    /// <summary>Governance's lifetime epsilon budget per dataset (lower-case hex schema hash), micro-epsilon.</summary>
    public IReadOnlyDictionary<string, ulong> LifetimeBudgets => _lifetimeBudgets;

    /// <summary>The lifetime budget of datasets without their own; null before the ledger's deployment event.</summary>
    public ulong? DefaultLifetimeBudget { get; private set; }

    /// <summary>The largest reward pool a plan may start with.</summary>
    public BigInteger? MaxRewardPool { get; private set; }

    /// <summary>The lifetime epsilon budget that applies to <paramref name="dataset"/> (a schema hash), if known.</summary>
    public ulong? LifetimeBudgetOf(byte[] dataset) =>
        _lifetimeBudgets.TryGetValue(Convert.ToHexStringLower(dataset), out var budget) ? budget : DefaultLifetimeBudget;

    /// <summary>The epsilon the ledger charged <paramref name="member"/> on <paramref name="dataset"/> across plans, micro-epsilon.</summary>
    public ulong LifetimeSpent(string member, byte[] dataset) =>
        _lifetimeSpent.GetValueOrDefault(LifetimeKey(member, dataset));

    /// <summary>Reads every event from <paramref name="fromBlock"/> to the latest block and applies it.</summary>
    public static async Task<LedgerState> ReplayAsync(ChainEventReader reader, ulong fromBlock, CancellationToken ct = default)
    {
        var state = new LedgerState();
        await state.CatchUpAsync(reader, fromBlock, ct);
        return state;
    }

    /// <summary>Applies the events after <see cref="LastBlock"/> (or from <paramref name="fromBlock"/> on the first call).</summary>
    public async Task CatchUpAsync(ChainEventReader reader, ulong fromBlock, CancellationToken ct = default)
    {
        var start = LastBlock == 0 ? fromBlock : LastBlock + 1;
        var latest = await reader.ReadAsync(start, null, ct);
        foreach (var e in latest) Apply(e);
    }

    public void Apply(ChainEvent e)
    {
        if (e.BlockNumber < LastBlock) throw new InvalidOperationException($"event from block {e.BlockNumber} applied after block {LastBlock}: replay in chain order");
        ApplyEvent(e.Event);
        LastBlock = e.BlockNumber;
    }

    private static string Key(string address) => address.ToLowerInvariant();

    private static string LifetimeKey(string member, byte[] dataset) => $"{Key(member)}/{Convert.ToHexStringLower(dataset)}";
}
