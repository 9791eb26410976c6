using System.Security.Cryptography;
using FedChain.Node.Blobs;
using FedChain.Node.Identity;

namespace FedChain.Node.ShardedAggregation;

/// <summary>An aggregator's claim: shard <see cref="Shard"/> of the sum over the participants is blob
/// <see cref="Aggregate"/> (a <see cref="ShardSum"/>); <see cref="Participants"/> is <see cref="ParticipantsHash"/>
/// of the members it summed. Signed by the aggregator, so a wrong claim names it.</summary>
public sealed record ShardAggregated(string Session, int Shard, BlobId Aggregate, byte[] Participants) : IShardMessage
{
    /// <summary>SHA-256 of the participants' addresses in order.</summary>
    public static byte[] ParticipantsHash(IEnumerable<NodeAddress> members) =>
        SHA256.HashData([.. members.Order().SelectMany(m => m.ToBytes())]);
}
