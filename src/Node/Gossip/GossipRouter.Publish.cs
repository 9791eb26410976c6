using FedChain.Node.Identity;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Gossip;

internal sealed partial class GossipRouter
{
    /// <summary>Signs and sends a new message to every ready peer (GossipSub v1.1 flood publishing for
    /// one's own messages); the mesh carries it on from there. Returns its message id.</summary>
    public string Publish(string topic, ReadOnlyMemory<byte> payload)
    {
        if (string.IsNullOrEmpty(topic) || topic.Length > WireLimits.MaxTopicLength)
        {
            throw new ArgumentException($"topic must be 1 to {WireLimits.MaxTopicLength} characters", nameof(topic));
        }

        if (payload.Length > _options.MaxPayloadBytes)
        {
            throw new ArgumentException($"payload of {payload.Length} bytes is over the {_options.MaxPayloadBytes}-byte gossip limit: publish it as a blob", nameof(payload));
        }

        var message = SignedControlMessage.Create(_key, topic, (ulong)Interlocked.Increment(ref _seqno),
            _time.GetUtcNow().ToUnixTimeMilliseconds(), payload.ToArray(), _options.InitialTtl);
        var id = Convert.ToHexStringLower(SignedControlMessage.Id(message, SignedControlMessage.SignedBytes(topic, message.Seqno, message.TimestampMs, message.Payload)));
        lock (_lock)
        {
            _seen.Add(id, _key.Address.ToString());
            _cache.Put(id, message);
        }

        foreach (var peer in _peers.ReadyPeers()) Send(peer, message);
        _metrics.Published();
        return id;
    }

    /// <summary>Validates a received message (signature, membership, replay window, seen-cache),
    /// delivers it to local subscribers and forwards it to the mesh with one hop less.</summary>
    public void OnPublish(NodeAddress from, Publish message)
    {
        var signed = SignedControlMessage.SignedBytes(message.Topic, message.Seqno, message.TimestampMs, message.Payload);
        var id = Convert.ToHexStringLower(SignedControlMessage.Id(message, signed));
        lock (_lock)
        {
            _holders.Add(id, from);
            if (_seen.Contains(id))
            {
                _metrics.Duplicate();
                Log.Duplicate(_logger, id, from);
                return;
            }
        }

        var refusal = Validate(message, signed, id, out var origin);
        SeenOutcome seen;
        lock (_lock)
        {
            // Marked seen either way, so a bad message costs its sender once, not once per copy: a valid one
            // under its origin, a refused one under the peer that passed it on (each within its own bound).
            seen = _seen.Add(id, refusal is null ? origin.ToString() : $"peer {from}");
        }

        if (seen == SeenOutcome.AlreadySeen) return;
        if (refusal is { } r)
        {
            // The forwarding peer pays: it should have validated before passing the message on (GossipSub v1.1, P4).
            _peers.Reject(from, r.Reason, r.Misbehaviour, r.Detail);
            return;
        }

        if (seen == SeenOutcome.Full)
        {
            // Not recorded, so it could come back inside its window unseen: drop it rather than deliver it twice.
            _metrics.DroppedSeenFull();
            return;
        }

        if (origin != _key.Address) Accept(from, origin, message, id);
    }

    private Refusal? Validate(Publish message, byte[] signed, string id, out NodeAddress origin)
    {
        if (!SignedControlMessage.TryRecoverOrigin(message, signed, out origin))
        {
            return new Refusal(RejectionReason.InvalidSignature, Misbehaviour.InvalidSignature, $"message {id} has an invalid signature");
        }

        if (!_membership.IsMember(origin))
        {
            return new Refusal(RejectionReason.NonMemberOrigin, Misbehaviour.NonMemberOrigin, $"message {id} is signed by {origin}, not a member");
        }

        // Replays: the seen-cache remembers ids for the whole window, so anything older is refused here.
        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(message.TimestampMs);
        if (age > _options.MaxMessageAge || -age > _options.MaxClockSkew)
        {
            return new Refusal(RejectionReason.Replay, Misbehaviour.Replay, $"message {id} from {origin} is {age.TotalSeconds:F0} s old, outside the replay window");
        }

        return null;
    }

    private void Accept(NodeAddress from, NodeAddress origin, Publish message, string id)
    {
        var forwarded = message with { Ttl = (byte)(message.Ttl - 1) };
        List<NodeAddress> targets;
        List<Action<ControlMessage>> handlers;
        lock (_lock)
        {
            _cache.Put(id, forwarded);
            targets = forwarded.Ttl == 0 ? [] : [.. _mesh.Where(p => p != from && p != origin && !_holders.Holds(id, p))];
            handlers = [.. _subscribers.GetValueOrDefault(message.Topic) ?? []];
        }

        _metrics.Delivered();
        Log.Delivered(_logger, message.Topic, id, origin);
        var delivered = new ControlMessage(message.Topic, origin, message.Payload, message.Seqno,
            DateTimeOffset.FromUnixTimeMilliseconds(message.TimestampMs), id);
        foreach (var handler in handlers)
        {
            try
            {
                handler(delivered);
            }
            catch (Exception e)
            {
                Log.SubscriberFailed(_logger, e, message.Topic, id);
            }
        }

        if (targets.Count == 0) return;
        if (message.Payload.Length > _options.EagerForwardMaxBytes)
        {
            var ihave = new IHave([Convert.FromHexString(id)]);
            foreach (var peer in targets) _peers.TrySend(peer, ihave);
            _metrics.Announced(targets.Count);
            return;
        }

        foreach (var peer in targets) Send(peer, forwarded);
        _metrics.Forwarded(targets.Count);
    }

    private void Send(NodeAddress peer, IWireMessage message)
    {
        if (!_peers.TrySend(peer, message)) _metrics.DroppedQueueFull();
    }

    private readonly record struct Refusal(RejectionReason Reason, Misbehaviour Misbehaviour, string Detail);
}
