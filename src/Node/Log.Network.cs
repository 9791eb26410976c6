using FedChain.Node.Identity;
using FedChain.Node.PeerPenalties;
using Microsoft.Extensions.Logging;

namespace FedChain.Node;

/// <summary>Log messages of the network area, event ids 2000-2999 (docs/ARCHITECTURE.md, "Logging").
/// Other areas add their own partial file (Log.&lt;Area&gt;.cs) to this class.</summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "Node {Address} listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, NodeAddress address, string endPoint);

    [LoggerMessage(2002, LogLevel.Information, "Connected to {Peer} at {EndPoint} ({Direction})")]
    public static partial void PeerConnected(ILogger logger, NodeAddress peer, string endPoint, string direction);

    [LoggerMessage(2003, LogLevel.Information, "Disconnected from {Peer}: {Reason}")]
    public static partial void PeerDisconnected(ILogger logger, NodeAddress peer, string reason);

    [LoggerMessage(2004, LogLevel.Warning, "Rejected connection from {Remote}: {Reason}: {Detail}")]
    public static partial void HandshakeRejected(ILogger logger, string remote, RejectionReason reason, string detail);

    [LoggerMessage(2005, LogLevel.Debug, "Dial {EndPoint} failed: {Detail}")]
    public static partial void DialFailed(ILogger logger, string endPoint, string detail);

    [LoggerMessage(2010, LogLevel.Warning, "Rejected {Reason} from {Peer}: {Detail}")]
    public static partial void Rejected(ILogger logger, RejectionReason reason, NodeAddress peer, string detail);

    [LoggerMessage(2011, LogLevel.Warning, "Peer {Peer} penalised for {Misbehaviour}, score {Score:F1}")]
    public static partial void Penalised(ILogger logger, NodeAddress peer, Misbehaviour misbehaviour, double score);

    [LoggerMessage(2012, LogLevel.Warning, "Peer {Peer} banned until {Until:u}")]
    public static partial void Banned(ILogger logger, NodeAddress peer, DateTimeOffset until);

    [LoggerMessage(2013, LogLevel.Debug, "Duplicate message {MessageId} from {Peer}")]
    public static partial void Duplicate(ILogger logger, string messageId, NodeAddress peer);

    [LoggerMessage(2020, LogLevel.Debug, "Delivered {Topic} message {MessageId} from {Origin}")]
    public static partial void Delivered(ILogger logger, string topic, string messageId, NodeAddress origin);

    [LoggerMessage(2021, LogLevel.Error, "Subscriber to {Topic} failed on message {MessageId}")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception, string topic, string messageId);

    [LoggerMessage(2030, LogLevel.Information, "Stored blob {BlobId} ({Size} bytes)")]
    public static partial void BlobStored(ILogger logger, string blobId, long size);

    [LoggerMessage(2031, LogLevel.Debug, "Fetching blob {BlobId} ({Chunks} chunks) from {Holders} holders")]
    public static partial void FetchStarted(ILogger logger, string blobId, int chunks, int holders);

    [LoggerMessage(2032, LogLevel.Warning, "Blob {BlobId} chunk {Index} from {Peer} failed verification; fetching it elsewhere")]
    public static partial void BadChunk(ILogger logger, string blobId, int index, NodeAddress peer);

    [LoggerMessage(2033, LogLevel.Warning, "Blob {BlobId} from manifest of {Peer} does not hash to its id; discarded")]
    public static partial void BadManifest(ILogger logger, string blobId, NodeAddress peer);

    [LoggerMessage(2040, LogLevel.Error, "Background task {Task} failed")]
    public static partial void BackgroundFault(ILogger logger, Exception exception, string task);

    [LoggerMessage(2041, LogLevel.Debug, "Connection to {Peer} ended with an error")]
    public static partial void ConnectionFault(ILogger logger, Exception exception, NodeAddress peer);
}
