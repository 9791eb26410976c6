using System.Buffers.Binary;
using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Node.Agent;
using FedChain.Node.Blobs;

namespace FedChain.Node.Rounds;

/// <summary>
/// Transfer's starting model (<see cref="ReleasedModel"/>): the chain must show the earlier plan's
/// release of exactly that hash, and the bits come from this node's own result of that plan or, for a
/// node that did not take part, from the network: every node offers its final model as a blob, whose
/// id (the SHA-256 of its bytes) is the model hash. Nodes and the auditor check the same release.
/// </summary>
public static class StartingModel
{
    /// <summary>Why the plan cannot start from <paramref name="from"/> on this chain (null: the release is there).</summary>
    public static string? Refusal(LedgerState state, ReleasedModel from)
    {
        if (!state.Plans.TryGetValue(BigInteger.Parse(from.PlanId), out var earlier)) return $"the plan starts from plan {from.PlanId}'s released model, but the chain has no plan {from.PlanId}";
        if (earlier.ReleasedModel is not { } released) return $"the plan starts from plan {from.PlanId}'s released model, but plan {from.PlanId} has released none";
        var hash = Convert.ToHexStringLower(released);
        return hash == from.ModelHash ? null : $"the plan starts from model {from.ModelHash[..12]}, but plan {from.PlanId} released {hash[..12]}";
    }

    /// <summary>The released bits: this node's own final model of that plan when it hashes right, else the blob.</summary>
    public static async Task<float[]> LoadAsync(NodeContext node, ReleasedModel from, CancellationToken ct)
    {
        var own = Path.Combine(node.Config.Resolve(node.Config.StateDirectory), "plans", from.PlanId, "final-model.f32");
        if (File.Exists(own) && Parse(await File.ReadAllBytesAsync(own, ct)) is var mine && ModelHash.Of(mine) == from.ModelHash) return mine;
        var id = BlobId.FromBytes(Convert.FromHexString(from.ModelHash));
        await node.Network.FetchBlobAsync(id, ct);
        return Parse(await node.Network.ReadBlobAsync(id, ct));
    }

    /// <summary>Little-endian float32 bytes, as final-model.f32 and the model blob hold them.</summary>
    public static float[] Parse(byte[] bytes)
    {
        if (bytes.Length % 4 != 0) throw new InvalidDataException($"a model file of {bytes.Length} bytes is not float32 values");
        var values = new float[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        return values;
    }

    /// <summary>The bytes of <see cref="Parse"/>: what the model hash is taken over.</summary>
    public static byte[] Bytes(float[] model)
    {
        var bytes = new byte[model.Length * 4];
        for (var i = 0; i < model.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), model[i]);
        return bytes;
    }
}
