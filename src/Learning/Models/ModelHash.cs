using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FedChain.Learning.Models;

/// <summary>The model hash every node agrees on: SHA-256 of the little-endian float32 bytes of the flat parameters.</summary>
public static class ModelHash
{
    public static string Of(ReadOnlySpan<float> parameters)
    {
        var bytes = new byte[parameters.Length * sizeof(float)];
        for (var i = 0; i < parameters.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), parameters[i]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
