using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using FedChain.Contracts.Rewards;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace FedChain.Contracts.Events;

/// <summary>
/// Reads and decodes the consortium's events over a block range, in chain order, paging
/// <c>eth_getLogs</c>. A restarted node or an auditor replays from the deployment block (or from
/// the last block it processed). Events the client does not model (ERC-721 transfers, delegation,
/// ownership) are skipped.
/// </summary>
public sealed class ChainEventReader
{
    private readonly ChainClient _chain;
    private readonly string[] _contracts;
    private readonly Dictionary<(string Contract, string Topic), Func<FilterLog, IEventDTO>> _decoders = [];
    private readonly ILogger _log;

    public ChainEventReader(ChainClient chain, ConsortiumAddresses addresses, ILogger<ChainEventReader>? logger = null)
    {
        _chain = chain;
        _log = logger ?? (ILogger)NullLogger.Instance;
        _contracts = [addresses.MembershipRegistry, addresses.Governor, addresses.TrainingLedger, addresses.RewardToken];

        Add<MembershipEvents.Bootstrapped>(addresses.MembershipRegistry);
        Add<MembershipEvents.MemberAdmitted>(addresses.MembershipRegistry);
        Add<MembershipEvents.MemberRemoved>(addresses.MembershipRegistry);
        Add<MembershipEvents.EndpointChanged>(addresses.MembershipRegistry);
        Add<GovernorEvents.ProposalCreated>(addresses.Governor);
        Add<GovernorEvents.VoteCast>(addresses.Governor);
        Add<GovernorEvents.ProposalQueued>(addresses.Governor);
        Add<GovernorEvents.ProposalExtended>(addresses.Governor);
        Add<GovernorEvents.ProposalExecuted>(addresses.Governor);
        Add<GovernorEvents.ProposalCanceled>(addresses.Governor);
        Add<LedgerEvents.PlanStarted>(addresses.TrainingLedger);
        Add<LedgerEvents.PlanTerms>(addresses.TrainingLedger);
        Add<LedgerEvents.PlanLimits>(addresses.TrainingLedger);
        Add<LedgerEvents.OptedIn>(addresses.TrainingLedger);
        Add<LedgerEvents.ParticipantDropped>(addresses.TrainingLedger);
        Add<LedgerEvents.RoundOpened>(addresses.TrainingLedger);
        Add<LedgerEvents.RoundClosed>(addresses.TrainingLedger);
        Add<LedgerEvents.ArrivalsClosed>(addresses.TrainingLedger);
        Add<LedgerEvents.PlanCompleted>(addresses.TrainingLedger);
        Add<LedgerEvents.PlanCancelled>(addresses.TrainingLedger);
        Add<LedgerEvents.Committed>(addresses.TrainingLedger);
        Add<LedgerEvents.Pinned>(addresses.TrainingLedger);
        Add<LedgerEvents.ExclusionVoted>(addresses.TrainingLedger);
        Add<LedgerEvents.AggregatorNamed>(addresses.TrainingLedger);
        Add<LedgerEvents.BlobExcluded>(addresses.TrainingLedger);
        Add<LedgerEvents.Voted>(addresses.TrainingLedger);
        Add<LedgerEvents.AggregateFinalised>(addresses.TrainingLedger);
        Add<LedgerEvents.ScoresAgreed>(addresses.TrainingLedger);
        Add<LedgerEvents.ResultAgreed>(addresses.TrainingLedger);
        Add<LedgerEvents.Dissent>(addresses.TrainingLedger);
        Add<LedgerEvents.ScoresRecorded>(addresses.TrainingLedger);
        Add<LedgerEvents.PlanSettled>(addresses.TrainingLedger);
        Add<LedgerEvents.ModelReleased>(addresses.TrainingLedger);
        Add<LedgerEvents.LifetimeBudgetSet>(addresses.TrainingLedger);
        Add<LedgerEvents.DefaultLifetimeBudgetSet>(addresses.TrainingLedger);
        Add<LedgerEvents.MaxRewardPoolSet>(addresses.TrainingLedger);
        Add<LedgerEvents.EvaluationPinned>(addresses.TrainingLedger);
        Add<RewardEvents.Transfer>(addresses.RewardToken);
    }

    /// <summary>Every modelled event in blocks <paramref name="fromBlock"/>..<paramref name="toBlock"/>
    /// (default: the latest block), ordered by block and log index.</summary>
    public async Task<IReadOnlyList<ChainEvent>> ReadAsync(ulong fromBlock, ulong? toBlock = null, CancellationToken ct = default)
    {
        var last = toBlock ?? await _chain.BlockNumberAsync(ct);
        var events = new List<ChainEvent>();
        for (var start = fromBlock; start <= last; start += (ulong)_chain.Options.LogPageBlocks)
        {
            var end = Math.Min(last, start + (ulong)_chain.Options.LogPageBlocks - 1);
            var filter = new NewFilterInput
            {
                Address = _contracts,
                FromBlock = new BlockParameter(start),
                ToBlock = new BlockParameter(end),
            };
            var logs = await _chain.RunAsync($"eth_getLogs({start}..{end})", () => _chain.Web3.Eth.Filters.GetLogs.SendRequestAsync(filter), ct);
            foreach (var log in logs)
            {
                if (log.Topics is not { Length: > 0 }) continue;
                var key = (log.Address.ToLowerInvariant(), Topic(log.Topics[0]?.ToString()));
                if (!_decoders.TryGetValue(key, out var decode)) continue;
                events.Add(new ChainEvent((ulong)log.BlockNumber.Value, (ulong)log.LogIndex.Value, log.TransactionHash, log.Address, decode(log)));
            }
        }

        events.Sort((a, b) => a.BlockNumber != b.BlockNumber ? a.BlockNumber.CompareTo(b.BlockNumber) : a.LogIndex.CompareTo(b.LogIndex));
        _log.EventsRead(events.Count, fromBlock, last);
        return events;
    }

    private void Add<T>(string contract) where T : IEventDTO, new() =>
        _decoders[(contract.ToLowerInvariant(), Topic(EventExtensions.GetEventABI<T>().Sha3Signature))] = log => log.DecodeEvent<T>().Event;

    private static string Topic(string? hex) => (hex ?? "").Replace("0x", "", StringComparison.OrdinalIgnoreCase).ToLowerInvariant();
}
