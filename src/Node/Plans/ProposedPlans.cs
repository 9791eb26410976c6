using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Node.Blobs;
using FedChain.Node.Network;
using Nethereum.Contracts;
using Microsoft.Extensions.Logging;

namespace FedChain.Node.Plans;

/// <summary>
/// Fetches the plan document of every start-plan proposal that has not been executed yet, so that the
/// institution can review it (`fedchain plan show HASH`, `fedchain gov show ID`) before it votes and
/// before it approves. The document is a blob whose id is the proposed plan hash.
/// </summary>
internal sealed class ProposedPlans(NetworkNode network, string ledgerAddress, ILogger logger)
{
    private readonly Dictionary<string, Task> _fetches = new(StringComparer.Ordinal);

    public void Follow(LedgerState state, CancellationToken ct)
    {
        foreach (var (id, record) in state.Proposals.Where(p => !p.Value.Executed && !p.Value.Canceled))
        {
            foreach (var hash in PlanHashes(record, ledgerAddress))
            {
                if (_fetches.ContainsKey(hash)) continue;
                Log.ProposedPlanFetching(logger, hash, id);
                _fetches[hash] = FetchAsync(hash, ct);
            }
        }
    }

    /// <summary>The plan hashes a proposal's startPlan calls name.</summary>
    public static IEnumerable<string> PlanHashes(ProposalRecord record, string ledgerAddress)
    {
        var selector = ABITypedRegistry.GetFunctionABI<LedgerFunctions.StartPlan>().Sha3Signature.ToLowerInvariant();
        for (var i = 0; i < record.Created.Targets.Count; i++)
        {
            var data = record.Created.Calldatas[i];
            if (!string.Equals(record.Created.Targets[i], ledgerAddress, StringComparison.OrdinalIgnoreCase) || data.Length < 4 || Convert.ToHexStringLower(data.AsSpan(0, 4)) != selector) continue;
            yield return Convert.ToHexStringLower(new LedgerFunctions.StartPlan().DecodeInput("0x" + Convert.ToHexStringLower(data)).Params.PlanHash);
        }
    }

    private async Task FetchAsync(string hash, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            await network.FetchBlobAsync(BlobId.Parse(hash), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Log.BackgroundFailed(logger, $"fetch of proposed plan {hash}", e);
        }
    }
}
