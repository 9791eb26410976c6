using System.Text;
using Nethereum.Util;

namespace FedChain.Contracts.Governance;

/// <summary>TimelockController's role ids: keccak256 of the role name (the admin role is zero).</summary>
public static class TimelockRoles
{
    public static byte[] Admin { get; } = new byte[32];

    public static byte[] Proposer { get; } = Id("PROPOSER_ROLE");

    public static byte[] Executor { get; } = Id("EXECUTOR_ROLE");

    public static byte[] Canceller { get; } = Id("CANCELLER_ROLE");

    private static byte[] Id(string name) => Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(name));
}
