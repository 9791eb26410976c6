namespace FedChain.Learning.Training;

/// <summary>
/// Mini-batches drawn epoch by epoch from a seeded shuffle (never torch's global generator); the
/// last batch of an epoch may be short, as with a torch DataLoader without drop_last.
/// </summary>
internal sealed class BatchSampler
{
    private readonly int[] _order;
    private readonly Random _random;
    private int _position;

    public BatchSampler(int count, int batchSize, Random random)
    {
        _order = Enumerable.Range(0, count).ToArray();
        _random = random;
        _position = count;
        BatchSize = batchSize <= 0 || batchSize > count ? count : batchSize;
    }

    public int BatchSize { get; }

    public int BatchesPerEpoch => (_order.Length + BatchSize - 1) / BatchSize;

    public ArraySegment<int> Next()
    {
        var count = _order.Length;
        if (BatchSize == count) return _order;
        if (_position >= count)
        {
            _random.Shuffle(_order);
            _position = 0;
        }

        var size = Math.Min(BatchSize, count - _position);
        var batch = new ArraySegment<int>(_order, _position, size);
        _position += size;
        return batch;
    }
}
