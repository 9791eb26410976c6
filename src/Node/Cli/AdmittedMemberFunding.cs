using System.Numerics;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Events;
using FedChain.Contracts.Membership;

namespace FedChain.Node.Cli;

/// <summary>
/// On a development chain, the deployer pays each member's gas: every member governance admits is
/// sent <paramref name="wei"/> when it holds less. Follows the registry's events until cancelled.
/// (On other chains the consortium funds its members itself: docs/operations.md.)
/// </summary>
internal sealed class AdmittedMemberFunding(ChainClient deployer, ConsortiumAddresses addresses, BigInteger wei, IProgress<string> progress)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var reader = new ChainEventReader(deployer, addresses);
        var ledger = new LedgerState();
        var funded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ledger.CatchUpAsync(reader, addresses.DeploymentBlock, ct);
                foreach (var member in ledger.Members.Values.Where(m => m.Role == MemberRole.Member && !funded.Contains(m.Address)))
                {
                    if (await deployer.BalanceAsync(member.Address, ct) < wei) await deployer.TransferAsync(member.Address, wei, ct);
                    funded.Add(member.Address);
                    progress.Report($"funded {member.Name} ({member.Address}) for gas");
                }

                await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (ChainException e)
            {
                progress.Report($"funding admitted members: {e.Message}");
            }
        }
    }
}
