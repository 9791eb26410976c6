using FedChain.Node.Wire.V1;

namespace FedChain.Node.Gossip;

/// <summary>
/// Recent full messages in heartbeat windows (GossipSub's mcache): IWANT is answered from it and
/// IHAVE announces the ids of its newest windows. Not thread-safe: the router locks.
/// </summary>
internal sealed class MessageCache(int historyLength, int historyGossip)
{
    private readonly Dictionary<string, Publish> _messages = new(StringComparer.Ordinal);
    private readonly LinkedList<List<string>> _windows = new([new List<string>()]);

    public int Count => _messages.Count;

    public void Put(string id, Publish message)
    {
        if (_messages.TryAdd(id, message)) _windows.First!.Value.Add(id);
    }

    public Publish? Get(string id) => _messages.GetValueOrDefault(id);

    /// <summary>Ids in the newest <c>historyGossip</c> windows.</summary>
    public List<string> GossipIds() => [.. _windows.Take(historyGossip).SelectMany(w => w)];

    /// <summary>Called each heartbeat: opens a new window and forgets the oldest beyond <c>historyLength</c>.</summary>
    public void Shift()
    {
        _windows.AddFirst([]);
        while (_windows.Count > historyLength)
        {
            foreach (var id in _windows.Last!.Value) _messages.Remove(id);
            _windows.RemoveLast();
        }
    }
}
