namespace FedChain.Node.Blobs;

/// <summary>Which chunks of a download are held. Thread-safe: chunks from several peers land at once.</summary>
internal sealed class ChunkSet(int count)
{
    private readonly bool[] _have = new bool[count];
    private int _held;

    public int Count => _have.Length;

    public int Held => Volatile.Read(ref _held);

    public bool IsComplete => Held == Count;

    public bool Has(int index)
    {
        lock (_have) return _have[index];
    }

    public IReadOnlyList<int> Missing()
    {
        lock (_have) return [.. Enumerable.Range(0, _have.Length).Where(i => !_have[i])];
    }

    /// <summary>Marks chunk <paramref name="index"/> held; false when it already was.</summary>
    public bool Add(int index)
    {
        lock (_have)
        {
            if (_have[index]) return false;
            _have[index] = true;
            _held++;
            return true;
        }
    }
}
