using FedChain.Node.Identity;

namespace FedChain.Node.Blobs;

/// <summary>Matches a response to its request: which peer, which blob, which chunk (-1: the manifest).</summary>
internal readonly record struct ChunkRequestKey(NodeAddress Peer, BlobId Id, int Index);
