using FedChain.Contracts;
using FedChain.Node.Identity;

namespace FedChain.Node.Demo;

/// <summary>One institution of a local consortium: its key, its folder, its node config, its handle on the chain.</summary>
public sealed record ConsortiumMember(string Site, NodeKey Key, string Directory, string ConfigFile, string Endpoint, Consortium Chain)
{
    public string Address => Key.Address.ToString();
}
