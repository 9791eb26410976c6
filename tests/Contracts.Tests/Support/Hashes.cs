using System.Security.Cryptography;
using System.Text;

namespace FedChain.Contracts.Tests.Support;

/// <summary>Distinct 32-byte hashes for test data.</summary>
internal static class Hashes
{
    public static byte[] Of(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
