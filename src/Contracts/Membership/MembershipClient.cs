using FedChain.Contracts.Client;

namespace FedChain.Contracts.Membership;

/// <summary>Reads the member list; changes go through governance (see <c>Proposals</c>).</summary>
public sealed class MembershipClient(ChainClient chain, string registry)
{
    public string Address => registry;

    /// <summary>Every registered member and auditor, in registry order.</summary>
    public async Task<IReadOnlyList<MemberInfo>> MembersAsync(CancellationToken ct = default)
    {
        var output = await chain.CallDtoAsync<MembershipFunctions.Members, MembershipFunctions.MembersOutput>(registry, new(), ct: ct);
        return output.List.Select(m => new MemberInfo(m.Account, (MemberRole)m.Role, m.Name, m.Endpoint)).ToList();
    }

    public Task<bool> IsMemberAsync(string account, CancellationToken ct = default) =>
        chain.CallAsync<MembershipFunctions.IsMember, bool>(registry, new() { Account = account }, ct: ct);

    /// <summary>This client's own institution announces a new network endpoint.</summary>
    public Task<TransactionOutcome> UpdateEndpointAsync(string endpoint, CancellationToken ct = default) =>
        chain.SendAsync(registry, new MembershipFunctions.UpdateEndpoint { Endpoint = endpoint }, ct);
}
